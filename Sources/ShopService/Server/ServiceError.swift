/// Why the service could not start or reload.
public enum ServiceError: Error, CustomStringConvertible, Sendable {
    case missingModel(String)
    case reloadInProgress

    public var description: String {
        switch self {
        case .missingModel(let s): return s
        case .reloadInProgress: return "a reload is already running"
        }
    }
}
