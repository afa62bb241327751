import Foundation
import ShopData
import ShopCore

/// Staff corrections (`/correct INTENT`) waiting to become training data: a file in the
/// intent XML format (`Intents/pending/examples.xml` by default, outside the folder the
/// loader reads) with one `<intent>` per correction holding the message as an `<example>`.
/// A person reviews them and moves each example into the intent's file, then retrains.
/// Messages are redacted first: customer data must not become training data.
public enum PendingExamples {
    static let header = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!-- Pending examples from `shopnlp chat` /correct: review each one, move the <example> into the
         <examples lang="…"> of that intent in Intents/<domain>.xml, then retrain the model.
         Not loaded by the assistant (it reads Intents/*.xml only). -->
    <intents xmlns="https://shopnlp.example/intents" version="1">

    """
    static let footer = "</intents>\n"

    /// Appends one example; creates the file (and its folder) when missing.
    public static func append(intent: String, domain: String, language: Language, text: String,
                              redactor: Redactor?, to path: String) throws {
        var body = header
        if FileManager.default.fileExists(atPath: path) {
            guard let d = FileManager.default.contents(atPath: path), let s = String(data: d, encoding: .utf8),
                  let end = s.range(of: footer, options: .backwards) else {
                throw XMLProblem(file: path, line: 0, reason: "not a pending-examples file (no closing </intents>)")
            }
            body = String(s[..<end.lowerBound])
        }
        let example = escape(redactor?.redact(text) ?? text)
        body += """
          <intent name="\(intent)" domain="\(domain)">
            <examples lang="\(language.rawValue)"><example>\(example)</example></examples>
          </intent>

        """
        try AtomicFile.write(body + footer, to: path)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
