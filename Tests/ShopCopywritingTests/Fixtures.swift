import Foundation
@testable import ShopCopywriting

/// Paths to the repository's own data, found from this source file.
enum Fixtures {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let templates = root + "/Corpora/templates"
    static let compliance = root + "/Corpora/compliance"
    static let samples = root + "/Corpora/samples"

    /// The shipped templates and the compliance checker built from the shipped list.
    static func shippedLibrary() throws -> TemplateLibrary { try TemplateLibrary.load(directory: templates) }
    static func shippedChecker() throws -> ComplianceChecker { ComplianceChecker(list: try ComplianceList.load(directory: compliance)) }

    /// A scratch file with the given content.
    static func temporaryFile(_ name: String, _ content: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shopcopy-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
