/// Errors from building a tokenizer or loading / training its segmentation model.
public enum TokenizerError: Error, Sendable, CustomStringConvertible {
    case icu(function: String, code: Int32)
    case modelFile(path: String, reason: String)
    case trainingData(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case let .icu(function, code): return "ICU \(function) failed with error \(code)"
        case let .modelFile(path, reason): return "\(path): segmentation model: \(reason)"
        case let .trainingData(path, line, reason): return "\(path):\(line): \(reason)"
        }
    }
}
