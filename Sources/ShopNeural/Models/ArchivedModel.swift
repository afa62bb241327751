import ShopCore
import Foundation

/// A model stored as one `ModelArchive`: its kind, its JSON config, its parameters in file
/// order and, beside them, any app metadata. The save and load paths every such model
/// shares; a model adds only `load(archive:)`, which checks the config against the stored
/// tensors before allocating anything from it.
public protocol ArchivedModel: AnyObject {
    associatedtype Config: Encodable
    /// The archive kind written into and expected from the file.
    static var archiveKind: String { get }
    var config: Config { get }
    /// All parameters in a fixed order (the order of the model file).
    var parameters: [Parameter] { get }
    /// Rebuilds a model from an archive of `archiveKind`.
    static func load(archive: ModelArchive) throws -> Self
}

extension ArchivedModel {
    /// Saves config, app metadata (any Encodable) and weights atomically.
    public func save<M: Encodable>(to path: String, metadata: M, storage: ModelArchive.Storage = .float32) throws {
        var archive = ModelArchive(kind: Self.archiveKind, config: try ModelArchive.json(config),
                                   appMetadata: try ModelArchive.json(metadata))
        for p in parameters { archive.add(p) }
        try archive.write(to: path, storage: storage)
    }

    public func save(to path: String, storage: ModelArchive.Storage = .float32) throws {
        try save(to: path, metadata: [String: String](), storage: storage)
    }

    /// Loads a model saved by `save`, with its app metadata decoded as `M`.
    public static func load<M: Decodable>(from path: String, metadata: M.Type) throws -> (Self, M) {
        let archive = try ModelArchive.read(from: path)
        let model = try load(archive: archive)
        return (model, try archive.decodeAppMetadata(M.self))
    }

    public static func load(from path: String) throws -> Self {
        try load(archive: ModelArchive.read(from: path))
    }
}
