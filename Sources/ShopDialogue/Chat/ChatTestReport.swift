import Foundation
import ShopData

/// `chat --test`: runs the conversation files (ShopDialogue does the work), prints the
/// report and optionally writes JUnit XML.
public enum ChatTestReport {
    public static func run(files: [String], manager: DialogueManager, verbose: Bool, junit: String?) throws -> Bool {
        let report = try ConversationTestReport.run(paths: files, manager: manager)
        print(report.text(verbose: verbose))
        if let junit { try AtomicFile.write(report.junitXML(), to: junit) }
        return report.passed
    }
}
