/// Why `ModelUpgrade` could not re-save a model file; names the file.
public struct ModelUpgradeError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var reason: String

    public var description: String { "\(file): \(reason)" }
}
