import ShopNeural

extension VectorFiles {
    /// The vectors as a deep path's trainer takes them (sentiment and intents alike).
    public func pretrained(freeze: Bool = false) -> PretrainedVectors {
        let source = self
        return PretrainedVectors(dimension: dimension, sources: files.map(\.path), freeze: freeze) { source.vector(for: $0) }
    }
}
