import ShopDialogue
import ShopEmbeddings

extension VectorFiles {
    /// The lookup as the intent deep path takes it.
    func pretrained(freeze: Bool) -> PretrainedTokenVectors {
        let source = self
        return PretrainedTokenVectors(dimension: dimension, freeze: freeze) { source.vector(for: $0) }
    }
}
