/// Problems with the inputs of the deep intent path's training.
public enum NeuralIntentTrainerError: Error, CustomStringConvertible, Equatable {
    /// The embedding size differs from the pretrained vectors' size.
    case embeddingDimensionMismatch(embedDim: Int, vectorsDimension: Int)
    /// The lookup returned a vector of the wrong length for a token.
    case badPretrainedVector(token: String, length: Int, expected: Int)

    public var description: String {
        switch self {
        case .embeddingDimensionMismatch(let e, let v):
            return "deep path embedding size \(e) differs from the pretrained vectors' dimension \(v) "
                + "(leave --embed out to take the vectors' dimension, or pass --embed \(v))"
        case .badPretrainedVector(let t, let n, let expected):
            return "pretrained vector for token \"\(t)\" has \(n) values, expected \(expected)"
        }
    }
}
