import Foundation
import ShopDialogue

/// Runs conversation test files and prints pass/fail per turn and a summary.
enum ChatTestReport {
    static func run(files: [String], manager: DialogueManager, verbose: Bool) throws -> Bool {
        var paths: [String] = []
        let fm = FileManager.default
        for f in files {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: f, isDirectory: &isDir), isDir.boolValue {
                let names = (try? fm.contentsOfDirectory(atPath: f)) ?? []
                paths += names.filter { $0.hasSuffix(".conv") }.sorted().map { (f as NSString).appendingPathComponent($0) }
            } else {
                paths.append(f)
            }
        }
        var scripts: [ConversationScript] = []
        for p in paths { scripts += try ConversationScript.parse(file: p) }
        let results = ConversationTestRunner().run(scripts, with: manager)
        var failedConversations = Set<String>()
        for r in results {
            if r.passed {
                if verbose { print("PASS \(r.file):\(r.line) [\(r.conversation)] > \(r.message)") }
            } else {
                failedConversations.insert(r.file + "#" + r.conversation)
                print("FAIL \(r.file):\(r.line) [\(r.conversation)] > \(r.message)")
                for f in r.failures { print("     \(f)") }
                print("     reply: \(r.reply)")
            }
        }
        let failed = results.filter { !$0.passed }.count
        print("conversation tests: \(results.count - failed)/\(results.count) turns passed, \(scripts.count - failedConversations.count)/\(scripts.count) conversations passed (\(paths.count) files)")
        // The plain closing line CI runners recognise: turns passed and failed.
        print("turns: \(results.count - failed) passed, \(failed) failed")
        return failed == 0
    }
}
