import Foundation
import ShopCore

/// A model's version as `/readyz` and `/metrics` show it: the file name and a content
/// hash (FNV-1a 64 of the bytes, the same checksum the training manifests record), so two
/// servers agree on what they run and a reload that changed nothing is visible as such.
public struct ModelVersion: Sendable, Equatable {
    public var name: String
    public var file: String
    public var fnv1a64: String

    public static func of(name: String, path: String) -> ModelVersion {
        let data = FileManager.default.contents(atPath: path) ?? Data()
        return ModelVersion(name: name, file: (path as NSString).lastPathComponent,
                            fnv1a64: data.withUnsafeBytes { FNV1a.hex64(bytes: $0) })
    }
}
