/// How the deep path's embedding layer was started: how many vocabulary rows came from
/// pretrained vectors (the rest kept their random initialisation).
public struct EmbeddingInitReport: Sendable, Equatable {
    /// Vocabulary rows (tokens of the training data, without padding/unknown).
    public var rows: Int
    /// Rows copied from the pretrained vectors.
    public var found: Int
    /// Whether the layer was frozen during training.
    public var frozen: Bool
}
