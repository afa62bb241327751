/// Picks one field of a record: by name (CSV/TSV header, JSON key, XML element or
/// attribute) or by 1-based column number (CSV/TSV, like `cut -f`).
public enum FieldSelector: Sendable, Equatable, CustomStringConvertible {
    case name(String)
    case column(Int)

    /// All digits → a 1-based column, anything else → a name.
    public init(parsing text: String) {
        if let n = Int(text), n >= 1, text.allSatisfy(\.isASCII) {
            self = .column(n)
        } else {
            self = .name(text)
        }
    }

    public var description: String {
        switch self {
        case .name(let n): return n
        case .column(let c): return "column \(c)"
        }
    }
}
