/// Where a reader takes its bytes from: a file, or standard input (named `-` on the command line).
public enum InputSource: Sendable, Equatable {
    case file(String)
    case standardInput

    /// `-` means standard input, anything else is a file path.
    public init(argument: String) {
        self = argument == "-" ? .standardInput : .file(argument)
    }

    /// The name used in error messages: the path, or `<stdin>`.
    public var name: String {
        switch self {
        case .file(let path): return path
        case .standardInput: return "<stdin>"
        }
    }
}
