import ShopCore

/// How a `Tokenizer` behaves.
public struct TokenizerOptions: Sendable {
    /// nil picks per line by script; `.en` skips the Chinese segmenter (Han runs go to ICU).
    public var language: Language? = nil
    /// When true, `Tokenizer.words(_:)` returns NFKC + case-folded + half-width forms.
    /// Token spans (`tokenize`) always keep the exact input characters.
    public var normalize: Bool = false
    /// Words (brands, product names) that must come out as one token wherever they occur.
    public var userWords: [String] = []

    public init(language: Language? = nil, normalize: Bool = false, userWords: [String] = []) {
        self.language = language
        self.normalize = normalize
        self.userWords = userWords
    }
}
