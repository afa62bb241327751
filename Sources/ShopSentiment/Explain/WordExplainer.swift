import ShopCore

/// Explanations in whole words, measured by deletion (occlusion): a word's weight is how
/// much the probability of the predicted label falls when that word alone is removed
/// from the review. The words are the shared tokenizer's (never n-gram fragments), and
/// the weights are faithful by construction: they are what the model does without them.
public enum WordExplainer {
    /// A review cut into the tokenizer's words, and which of them count as words
    /// (letters, digits or Han; punctuation and emoji are kept in the text but never listed).
    public struct Words: Sendable {
        public let tokens: [String]
        public let isWord: [Bool]

        public init(_ text: String) {
            tokens = DeepSentimentPath.words(text)
            isWord = tokens.map { t in t.unicodeScalars.contains { $0.properties.isAlphabetic || ("0"..."9").contains($0) } }
        }

        /// The text without the tokens at `removed` (Han neighbours joined, others spaced).
        public func text(removing removed: Set<Int> = []) -> String {
            var out = ""
            var last: Unicode.Scalar? = nil
            for (i, t) in tokens.enumerated() where !removed.contains(i) {
                if let last, let first = t.unicodeScalars.first, !(Han.isIdeograph(last) && Han.isIdeograph(first)) { out += " " }
                out += t
                last = t.unicodeScalars.last
            }
            return out
        }

        /// Positions of the countable words.
        public var wordPositions: [Int] { isWord.indices.filter { isWord[$0] } }
    }

    /// The `top` words whose deletion lowers the probability of `label` most (only words
    /// whose deletion lowers it at all), each with that fall as its weight.
    public static func explain(_ text: String, model: SentimentModel, label: Int, top: Int) -> [WeightedToken] {
        let words = Words(text)
        return ranked(words, model: model, label: label).prefix(top).map { WeightedToken(text: words.tokens[$0.position], weight: $0.drop) }
    }

    /// Every word position with the fall in `label`'s probability when it is deleted, largest first
    /// (positive falls only). One batched prediction for all deletions.
    public static func ranked(_ words: Words, model: SentimentModel, label: Int) -> [(position: Int, drop: Float)] {
        let positions = words.wordPositions
        guard !positions.isEmpty else { return [] }
        // One entry per distinct word: deleting the first occurrence stands for the word.
        var seen = Set<String>(), chosen: [Int] = []
        for p in positions where seen.insert(words.tokens[p]).inserted { chosen.append(p) }
        let texts = [words.text()] + chosen.map { words.text(removing: [$0]) }
        let probs = model.predict(batch: texts.map(TextUnits.init)).map(\.probabilities)
        let base = probs[0][label]
        var out: [(position: Int, drop: Float)] = []
        for (k, p) in chosen.enumerated() {
            let drop = base - probs[k + 1][label]
            if drop > 0 { out.append((p, drop)) }
        }
        return out.sorted { $0.drop != $1.drop ? $0.drop > $1.drop : $0.position < $1.position }
    }
}
