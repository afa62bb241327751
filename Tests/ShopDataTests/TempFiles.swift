import Foundation

/// Small inline test data written to a fresh temporary folder.
final class TempFiles {
    let dir: String

    init() throws {
        dir = NSTemporaryDirectory() + "shopdata-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// Writes `bytes` to `name` in the folder and returns the path.
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = dir + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }
}
