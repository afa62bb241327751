import Foundation
import ShopData

/// Appends conversations to a `.conv` file (created when missing), atomically.
public enum ConversationFile {
    public static func append(_ conversation: String, to path: String) throws {
        var text = ""
        if FileManager.default.fileExists(atPath: path) {
            guard let d = FileManager.default.contents(atPath: path), let s = String(data: d, encoding: .utf8) else {
                throw XMLProblem(file: path, line: 0, reason: "cannot read existing conversation file as UTF-8")
            }
            text = s.hasSuffix("\n") || s.isEmpty ? s : s + "\n"
            if !text.isEmpty { text += "\n" }
        }
        try AtomicFile.write(text + conversation, to: path)
    }
}
