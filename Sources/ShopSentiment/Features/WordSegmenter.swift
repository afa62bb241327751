import ShopTokenize

/// The shared tokenizer seen as a word segmenter for features: lower-cased word texts,
/// punctuation and spaces dropped. Falls back to no words if the tokenizer cannot load.
public struct WordSegmenter: Sendable {
    let tokenizer: Tokenizer?

    public static let shared = WordSegmenter(tokenizer: try? Tokenizer.shared())

    /// False when the shared tokenizer could not be loaded: models with word features
    /// then see none and lose a little accuracy.
    public var isAvailable: Bool { tokenizer != nil }

    public func words(_ text: String) -> [String] {
        guard let tokenizer else { return [] }
        return tokenizer.words(text).map { $0.lowercased() }
    }
}
