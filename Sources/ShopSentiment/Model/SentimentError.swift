/// Errors of the sentiment module, each naming the file (and line) it is about.
public enum SentimentError: Error, CustomStringConvertible, Sendable {
    case modelFile(path: String, reason: String)
    case data(path: String, line: Int?, reason: String)
    case usage(String)

    public var description: String {
        switch self {
        case .modelFile(let path, let reason): return "\(path): model file: \(reason)"
        case .data(let path, let line, let reason): return line.map { "\(path):\($0): \(reason)" } ?? "\(path): \(reason)"
        case .usage(let s): return s
        }
    }
}
