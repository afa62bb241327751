import Foundation

/// Reads one JSON line of the report's input: a tagged record (`label`, optional
/// `aspects`, `text`, `product`, `date`) or an untagged review (`text` without `label`).
public struct ReportLineParser: Sendable {
    public var textKey = "text"
    public var productKey = "product"
    public var dateKey = "date"

    public init(textKey: String = "text", productKey: String = "product", dateKey: String = "date") {
        self.textKey = textKey; self.productKey = productKey; self.dateKey = dateKey
    }

    /// What one line holds.
    public enum Parsed: Sendable, Equatable {
        /// A usable record, and a problem that did not stop it being used (e.g. a bad date).
        case record(ReviewRecord, warning: String?)
        /// A review without a label: it needs tagging first.
        case untagged(ReviewRecord, warning: String?)
        /// Nothing usable; the reason names the field.
        case invalid(String)
    }

    static let labels: Set<String> = ["positive", "negative", "neutral"]

    public func parse(_ bytes: some Collection<UInt8>, line: Int) -> Parsed {
        let data = Data(bytes)
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            return .invalid("not a JSON object")
        }
        if let error = object["error"] as? String { return .invalid("tagging failed earlier: \(error)") }
        var record = ReviewRecord(line: line, label: "")
        var warning: String? = nil
        if let t = object[textKey] {
            guard let s = t as? String else { return .invalid("field '\(textKey)' is not a string") }
            record.text = s
        }
        if let p = object[productKey] {
            if let s = p as? String, !s.isEmpty { record.product = s }
            else if let n = p as? NSNumber { record.product = n.stringValue }
            else { warning = "field '\(productKey)' is empty or not a string; counted without a product" }
        }
        if let d = object[dateKey] {
            let text = (d as? String) ?? (d as? NSNumber)?.stringValue ?? ""
            if let day = ReportDate.day(text) { record.day = day }
            else { warning = "field '\(dateKey)' value '\(text.prefix(40))' is not a date (YYYY-MM-DD[…] or Unix seconds); left out of the weekly trend" }
        }
        guard let label = object["label"] else {
            guard let text = record.text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return .invalid("no 'label' and no '\(textKey)' to tag")
            }
            _ = text
            return .untagged(record, warning: warning)
        }
        guard let l = label as? String, Self.labels.contains(l) else {
            return .invalid("field 'label' must be positive, negative or neutral")
        }
        record.label = l
        if let aspects = object["aspects"] as? [[String: Any]] {
            for a in aspects {
                guard let pol = a["polarity"] as? String, Self.labels.contains(pol) else { continue }
                let term = (a["term"] as? String) ?? ""
                let name = (a["aspect"] as? String) ?? term
                if name.isEmpty { continue }
                record.aspects.append(.init(aspect: name, term: term, polarity: pol))
            }
        } else if object["aspects"] != nil {
            warning = "field 'aspects' is not a list of objects; aspects ignored"
        }
        return .record(record, warning: warning)
    }
}
