/// The node kinds `XMLStreamReader` reports (libxml2's `xmlReaderTypes`, the ones we use).
public enum XMLNodeKind: Sendable, Equatable {
    case element
    case endElement
    case text
    case cdata
    case whitespace
    case other(Int32)

    init(raw: Int32) {
        switch raw {
        case 1: self = .element
        case 15: self = .endElement
        case 3: self = .text
        case 4: self = .cdata
        case 13, 14: self = .whitespace
        default: self = .other(raw)
        }
    }

    /// Whether the node carries character data (text, CDATA or whitespace).
    public var isCharacterData: Bool {
        switch self {
        case .text, .cdata, .whitespace: return true
        default: return false
        }
    }
}
