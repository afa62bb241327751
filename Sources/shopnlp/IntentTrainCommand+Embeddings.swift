import ShopNeural

extension VectorFiles {
    /// The lookup as a deep path takes it.
    func pretrained(freeze: Bool) -> PretrainedVectors {
        let source = self
        return PretrainedVectors(dimension: dimension, sources: files.map(\.path), freeze: freeze) { source.vector(for: $0) }
    }
}
