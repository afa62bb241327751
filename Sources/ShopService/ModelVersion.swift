import Foundation

/// A model's version as `/readyz` and `/metrics` show it: the file name and a content
/// hash (FNV-1a 64 of the bytes, the same checksum the training manifests record), so two
/// servers agree on what they run and a reload that changed nothing is visible as such.
public struct ModelVersion: Sendable, Equatable {
    public var name: String
    public var file: String
    public var fnv1a64: String

    public static func of(name: String, path: String) -> ModelVersion {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        if let data = FileManager.default.contents(atPath: path) {
            data.withUnsafeBytes { raw in
                for b in raw { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            }
        }
        let hex = String(h, radix: 16)
        return ModelVersion(name: name, file: (path as NSString).lastPathComponent,
                            fnv1a64: String(repeating: "0", count: 16 - hex.count) + hex)
    }
}
