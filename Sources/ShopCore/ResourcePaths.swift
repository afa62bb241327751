import Foundation

/// Finds the shared corpora and our own resource folders (Models/, Corpora/, Intents/)
/// so the tool works from the checkout, from `.build/…/shopnlp`, and from anywhere
/// with the environment variables set.
public enum ResourcePaths {
    /// The shared corpora: an explicit path, else `SHOPNLP_CORPORA`, else `../shared/corpora`
    /// beside the checkout.
    public static func corpora(_ explicit: String? = nil) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let env = ProcessInfo.processInfo.environment["SHOPNLP_CORPORA"], !env.isEmpty { return env }
        return ((packageRoot() as NSString).appendingPathComponent("../shared/corpora") as NSString).standardizingPath
    }

    /// A corpus file by relative path, e.g. `corpus("chnsenticorp_htl_all/train.tsv")`.
    public static func corpus(_ relative: String, root: String? = nil) -> String {
        (corpora(root) as NSString).appendingPathComponent(relative)
    }

    /// One of the package's own folders: `Models`, `Corpora` or `Intents`
    /// (`SHOPNLP_HOME` overrides where the package root is).
    public static func packageFolder(_ name: String) -> String {
        (packageRoot() as NSString).appendingPathComponent(name)
    }

    /// The package root: `SHOPNLP_HOME`, else the first ancestor of the executable or of
    /// the working directory that holds `Package.swift` and `Corpora/`.
    public static func packageRoot() -> String {
        let env = ProcessInfo.processInfo.environment
        if let home = env["SHOPNLP_HOME"], !home.isEmpty { return home }
        let fm = FileManager.default
        var candidates: [String] = []
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates.append(exe.deletingLastPathComponent().path)
        candidates.append(fm.currentDirectoryPath)
        for start in candidates {
            var dir = URL(fileURLWithPath: start)
            for _ in 0..<8 {
                if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
                   fm.fileExists(atPath: dir.appendingPathComponent("Corpora").path) {
                    return dir.path
                }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return fm.currentDirectoryPath
    }

    /// A file of the package by its path from the root (`Corpora/segmentation/segmenter.bin`):
    /// under `SHOPNLP_HOME`, or an ancestor of the executable, of the working directory or of
    /// the source checkout this module was built from (so tests and `swift run` work from
    /// anywhere); nil when none has it.
    public static func find(_ relative: String) -> String? {
        var roots: [URL] = []
        if let home = ProcessInfo.processInfo.environment["SHOPNLP_HOME"], !home.isEmpty {
            roots.append(URL(fileURLWithPath: home))
        }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        roots.append(exe.deletingLastPathComponent())
        roots.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        // Sources/ShopCore/<this file> → package root.
        roots.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent())
        for root in roots {
            var dir = root
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent(relative).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }
}
