import Foundation

/// Finds files of `Corpora/segmentation/` without depending on ShopData: under
/// `SHOPNLP_HOME`, the executable's or the working directory's ancestors, or the source
/// checkout this module was built from (so tests and `swift run` work anywhere).
enum SegmentationResources {
    static func find(_ name: String) -> String? {
        let rel = "Corpora/segmentation/" + name
        var roots: [URL] = []
        if let home = ProcessInfo.processInfo.environment["SHOPNLP_HOME"], !home.isEmpty {
            roots.append(URL(fileURLWithPath: home))
        }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        roots.append(exe.deletingLastPathComponent())
        roots.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        // Sources/ShopTokenize/Segmentation/<this file> → package root.
        roots.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())
        for root in roots {
            var dir = root
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent(rel).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }
}
