/// The smallest piece the segmenter decides about: one Han character, or one whole
/// non-Han piece (a number, a Latin word, a URL, an emoji sequence, a punctuation mark…).
struct Unit {
    var start: Int
    var end: Int
    var kind: UnitKind
}

enum UnitKind: UInt8 {
    case han, number, latin, punct, symbol, emoji, url, email, price, user, other
    /// Whitespace between units inside a scanned run; never stored as a unit.
    case space

    /// Pieces the segmenter must leave alone as a word of their own.
    var isAtomic: Bool {
        switch self {
        case .url, .email, .price, .user, .emoji: return true
        default: return false
        }
    }

    var tokenKind: TokenKind {
        switch self {
        case .han, .latin, .user, .other, .space: return .word
        case .number: return .number
        case .punct: return .punctuation
        case .symbol: return .symbol
        case .emoji: return .emoji
        case .url: return .url
        case .email: return .email
        case .price: return .price
        }
    }
}
