import Foundation

/// The report's numbers as CSV: one row per (section, name) with the label counts.
/// Sections: overall, product, aspect, complaint (examples joined by " | "), week.
public enum ReportCSV {
    public static func render(_ s: ReportSummary) -> String {
        var out = "section,name,total,positive,negative,neutral,positive_share,examples\n"
        func row(_ section: String, _ name: String, _ c: ReportSummary.Counts, _ examples: String = "") {
            out += [section, field(name), String(c.total), String(c.positive), String(c.negative), String(c.neutral),
                    String(format: "%.4f", c.positiveShare), field(examples)].joined(separator: ",") + "\n"
        }
        row("overall", "all", s.overall)
        for p in s.products { row("product", p.name, p.counts) }
        for a in s.aspects { row("aspect", a.name, a.counts) }
        for c in s.complaints {
            let counts = s.aspects.first { $0.name == c.aspect }?.counts ?? .init()
            row("complaint", c.aspect, counts, c.examples.joined(separator: " | "))
        }
        for w in s.weeks { row("week", w.week, w.counts) }
        return out
    }

    /// RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it.
    static func field(_ s: String) -> String {
        var v = s
        if let first = v.first, "=+-@".contains(first) { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
