/// What a token is, so callers can filter (e.g. drop punctuation) without re-parsing it.
public enum TokenKind: String, Sendable {
    case word, number, punctuation, emoji, url, email, price, symbol
}
