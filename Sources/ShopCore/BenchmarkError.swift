/// Why a benchmark cannot run: its input is missing or an option is out of range. The
/// message names the file or option and what to do.
public enum BenchmarkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A corpus or model file the benchmark reads is not there.
    case missingInput(String)
    /// An option value the benchmark cannot use.
    case badOption(String)

    public var description: String {
        switch self {
        case .missingInput(let s), .badOption(let s): return s
        }
    }
}
