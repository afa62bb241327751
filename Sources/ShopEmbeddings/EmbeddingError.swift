/// What can go wrong reading, writing or training embeddings; every case names the file
/// (and line, where there is one) so the message points at the problem.
public enum EmbeddingError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A vectors file that is not ours, is from a newer format, is truncated or fails its checksum.
    case badVectorsFile(path: String, reason: String)
    /// A malformed line in a word2vec text file or a training input.
    case badLine(path: String, line: Int, reason: String)
    /// Options that cannot work together (e.g. `--subwords 7-3`).
    case badOption(String)
    /// Training found nothing to learn from.
    case emptyCorpus(String)

    public var description: String {
        switch self {
        case let .badVectorsFile(path, reason): return "\(path): \(reason)"
        case let .badLine(path, line, reason): return "\(path):\(line): \(reason)"
        case let .badOption(reason): return "invalid option: \(reason)"
        case let .emptyCorpus(reason): return "empty corpus: \(reason)"
        }
    }
}
