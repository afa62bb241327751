import Foundation

/// Renders a `ReportSummary` as one self-contained HTML page: inline CSS and SVG, no
/// scripts, fonts or images from elsewhere, so it reads offline and survives e-mail.
public enum ReportHTML {
    public static func render(_ s: ReportSummary, title: String = "Review report") -> String {
        var h = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:960px;color:#222;padding:0 1em}
        h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
        .big{font-size:2.4em;font-weight:600}.muted{color:#777}
        table{border-collapse:collapse}td,th{padding:.2em .6em;text-align:left}
        blockquote{margin:.3em 0 .3em 1em;color:#444;border-left:3px solid #d9534f;padding-left:.6em}
        svg text{font-size:12px;font-family:inherit}
        </style></head><body>
        <h1>\(escape(title))</h1>

        """
        let o = s.overall
        h += "<p><span class=\"big\">\(pct(o.positiveShare))</span> positive of \(o.total) reviews "
        h += "(\(o.positive) positive, \(o.negative) negative, \(o.neutral) neutral)"
        if s.invalidRecords > 0 { h += "; \(s.invalidRecords) records could not be used" }
        h += ".</p>\n"
        h += stacked(o, width: 600)

        if !s.products.isEmpty {
            h += "<h2>Share positive by product</h2>\n"
            let shown = Array(s.products.prefix(30))
            h += bars(shown.map { ($0.name + " (\($0.counts.total))", $0.counts.positiveShare) }, label: pct)
            var note: [String] = []
            if s.products.count > shown.count { note.append("\(s.products.count) products; the \(shown.count) with most reviews shown") }
            if s.singleReviewProducts > 0 { note.append(s.singleReviewProducts == 1 ? "1 product has a single review" : "\(s.singleReviewProducts) products have a single review") }
            if s.untrackedProductReviews > 0 { note.append("\(s.untrackedProductReviews) reviews of products beyond the tracked limit") }
            if !note.isEmpty { h += "<p class=\"muted\">\(escape(note.joined(separator: "; ")))</p>\n" }
        }
        if !s.aspects.isEmpty {
            h += "<h2>Positive and negative by aspect</h2>\n"
            h += diverging(Array(s.aspects.prefix(25)))
        }
        if !s.complaints.isEmpty {
            h += "<h2>Most complained-about aspects</h2>\n<ol>\n"
            for c in s.complaints {
                h += "<li><strong>\(escape(c.aspect))</strong>: \(c.negative) negative of \(c.mentions) mentions\n"
                for e in c.examples { h += "<blockquote>\(escape(e))</blockquote>\n" }
                h += "</li>\n"
            }
            h += "</ol>\n"
        }
        if s.weeks.count > 0 {
            h += "<h2>Weekly trend</h2>\n" + trend(s.weeks)
        }
        h += "<p class=\"muted\">The same numbers are in the JSON and CSV files written beside this page.</p>\n</body></html>\n"
        return h
    }

    static func pct(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static let green = "#4cae4c", red = "#d9534f", grey = "#bbb"

    /// One bar split into positive / neutral / negative.
    static func stacked(_ c: ReportSummary.Counts, width: Int) -> String {
        guard c.total > 0 else { return "" }
        let w = Double(width)
        let p = w * Double(c.positive) / Double(c.total), n = w * Double(c.neutral) / Double(c.total)
        let neg = w - p - n
        return """
        <svg width="\(width)" height="30" role="img" aria-label="share of labels">
        <rect x="0" y="0" width="\(f(p))" height="20" fill="\(green)"><title>positive \(c.positive)</title></rect>
        <rect x="\(f(p))" y="0" width="\(f(n))" height="20" fill="\(grey)"><title>neutral \(c.neutral)</title></rect>
        <rect x="\(f(p + n))" y="0" width="\(f(neg))" height="20" fill="\(red)"><title>negative \(c.negative)</title></rect>
        </svg>

        """
    }

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }

    /// Horizontal bars of values in 0…1.
    static func bars(_ rows: [(String, Double)], label: (Double) -> String) -> String {
        let rowH = 22, labelW = 260, barW = 420
        var s = "<svg width=\"\(labelW + barW + 70)\" height=\"\(rowH * rows.count + 4)\" role=\"img\">\n"
        for (i, r) in rows.enumerated() {
            let y = i * rowH
            s += "<text x=\"\(labelW - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(short(r.0, 40)))</text>"
            s += "<rect x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(f(Double(barW) * max(0, min(1, r.1))))\" height=\"16\" fill=\"\(green)\"/>"
            s += "<text x=\"\(f(Double(labelW) + Double(barW) * max(0, min(1, r.1)) + 4))\" y=\"\(y + 15)\">\(label(r.1))</text>\n"
        }
        return s + "</svg>\n"
    }

    /// Negative mentions to the left of an axis, positive to the right.
    static func diverging(_ groups: [ReportSummary.Group]) -> String {
        let rowH = 22, labelW = 200, half = 260
        let top = max(1, groups.map { max($0.counts.positive, $0.counts.negative) }.max() ?? 1)
        var s = "<svg width=\"\(labelW + 2 * half + 20)\" height=\"\(rowH * groups.count + 24)\" role=\"img\">\n"
        s += "<text x=\"\(labelW + half - 6)\" y=\"12\" text-anchor=\"end\" fill=\"\(red)\">negative</text>"
        s += "<text x=\"\(labelW + half + 6)\" y=\"12\" fill=\"\(green)\">positive</text>\n"
        for (i, g) in groups.enumerated() {
            let y = 18 + i * rowH
            let nw = Double(half) * Double(g.counts.negative) / Double(top)
            let pw = Double(half) * Double(g.counts.positive) / Double(top)
            s += "<text x=\"\(labelW - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(short(g.name, 30)))</text>"
            s += "<rect x=\"\(f(Double(labelW + half) - nw))\" y=\"\(y + 3)\" width=\"\(f(nw))\" height=\"16\" fill=\"\(red)\"><title>\(g.counts.negative) negative</title></rect>"
            s += "<rect x=\"\(labelW + half)\" y=\"\(y + 3)\" width=\"\(f(pw))\" height=\"16\" fill=\"\(green)\"><title>\(g.counts.positive) positive</title></rect>\n"
        }
        s += "<line x1=\"\(labelW + half)\" y1=\"16\" x2=\"\(labelW + half)\" y2=\"\(rowH * groups.count + 20)\" stroke=\"#444\"/>\n"
        return s + "</svg>\n"
    }

    /// Share positive per week as a line, review counts as faint bars.
    static func trend(_ weeks: [ReportSummary.Week]) -> String {
        let w = 800.0, hgt = 220.0, left = 40.0, bottom = 30.0
        let n = weeks.count
        let step = n > 1 ? (w - left - 10) / Double(n - 1) : 0
        let maxCount = Double(max(1, weeks.map(\.counts.total).max() ?? 1))
        var s = "<svg width=\"\(Int(w))\" height=\"\(Int(hgt))\" role=\"img\">\n"
        for p in [0.0, 0.5, 1.0] {
            let y = (hgt - bottom) * (1 - p) + 5
            s += "<line x1=\"\(left)\" y1=\"\(f(y))\" x2=\"\(w - 10)\" y2=\"\(f(y))\" stroke=\"#eee\"/><text x=\"2\" y=\"\(f(y + 4))\">\(Int(p * 100))%</text>\n"
        }
        var points: [String] = []
        for (i, wk) in weeks.enumerated() {
            let x = left + Double(i) * step
            let barH = (hgt - bottom - 5) * Double(wk.counts.total) / maxCount
            s += "<rect x=\"\(f(x - 3))\" y=\"\(f(hgt - bottom - barH + 5))\" width=\"6\" height=\"\(f(barH))\" fill=\"#dde\"><title>\(wk.week): \(wk.counts.total) reviews</title></rect>"
            let y = (hgt - bottom) * (1 - wk.counts.positiveShare) + 5
            points.append("\(f(x)),\(f(y))")
        }
        s += "\n<polyline fill=\"none\" stroke=\"\(green)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>\n"
        if n == 1, let p = points.first { let xy = p.split(separator: ","); s += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"4\" fill=\"\(green)\"/>\n" }
        s += "<text x=\"\(left)\" y=\"\(Int(hgt) - 8)\">\(weeks.first!.week)</text>"
        s += "<text x=\"\(w - 10)\" y=\"\(Int(hgt) - 8)\" text-anchor=\"end\">\(weeks.last!.week)</text>\n"
        return s + "</svg>\n<p class=\"muted\">Line: share positive per week (weeks start on Monday); bars: reviews per week.</p>\n"
    }

    static func short(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }
}
