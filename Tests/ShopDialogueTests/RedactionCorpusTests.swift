import Foundation
import Testing
@testable import ShopDialogue
import ShopCore

/// The redaction corpus (`Intents/eval/redaction.txt`, expected output in
/// `redaction.expected.txt`, written by `Intents/tools/make_redaction_corpus.py`): every line
/// must come out exactly as expected, and no piece of customer data may survive (0 leaks).
@Suite struct RedactionCorpusTests {
    static func lines(_ name: String) throws -> [String] {
        let text = try String(contentsOfFile: TestSupport.packageRoot + "/Intents/eval/" + name, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }

    /// The customer data of a message: the pieces of the message that the expected line replaces by tags.
    static func secrets(message: String, expected: String) -> [String] {
        let tag = try! NSRegularExpression(pattern: #"\[(?:PHONE|EMAIL|CARD|ID|PASSPORT|SSN|CVV|EXPIRY|ADDRESS|NAME)\]"#)
        let ns = expected as NSString
        var literals: [String] = []
        var last = 0
        for m in tag.matches(in: expected, range: NSRange(location: 0, length: ns.length)) {
            literals.append(ns.substring(with: NSRange(location: last, length: m.range.location - last)))
            last = m.range.location + m.range.length
        }
        literals.append(ns.substring(from: last))
        guard literals.count > 1 else { return [] }
        var out: [String] = []
        var rest = Substring(message)
        guard rest.hasPrefix(literals[0]) else { return [] }
        rest = rest.dropFirst(literals[0].count)
        for lit in literals.dropFirst() {
            if lit.isEmpty {
                out.append(String(rest)); rest = ""; continue
            }
            guard let r = rest.range(of: lit) else { return [String(rest)] }
            out.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        return out.filter { !$0.isEmpty }
    }

    /// A secret leaks when its text, or a run of 4+ of its digits, or 2+ of its Han
    /// characters in a row, appears in the output.
    static func leaks(_ secret: String, in output: String) -> Bool {
        if output.contains(secret) { return true }
        let folded = Redactor.fold(secret)
        // order numbers are kept on purpose: their digits are not the secret's
        let orders = try! NSRegularExpression(pattern: #"20\d{2}(?:[- ]?\d{4}){3}|SO[- ]?\d{9}"#, options: [.caseInsensitive])
        let out = Redactor.fold(output)
        let rest = orders.stringByReplacingMatches(in: out, range: NSRange(location: 0, length: (out as NSString).length), withTemplate: " ")
        let digits = folded.filter(\.isNumber)
        if digits.count >= 4, rest.filter(\.isNumber).contains(digits) { return true }
        for run in folded.split(whereSeparator: { !$0.isNumber }) where run.count >= 4 && rest.contains(run) { return true }
        // names: the whole name; addresses: any three Han characters in a row
        let han = Array(String(String.UnicodeScalarView(secret.unicodeScalars.filter { Han.isCJK($0) })))
        if han.count >= 2 && han.count <= 4, output.contains(String(han)) { return true }
        if han.count > 4 {
            for i in 0...(han.count - 3) where output.contains(String(han[i..<(i + 3)])) { return true }
        }
        // words of 4+ letters (a street, a city, an e-mail user), as whole words
        let words = folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { $0.count >= 4 && $0.contains(where: \.isLetter) }
        let outWords = Set(out.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        return words.contains { outWords.contains(String($0)) }
    }

    @Test func corpusIsRedactedExactlyWithNoLeaks() throws {
        let messages = try Self.lines("redaction.txt")
        let expected = try Self.lines("redaction.expected.txt")
        #expect(messages.count >= 200)
        #expect(messages.count == expected.count)
        #expect(messages.contains { Language.of($0) == .zh } && messages.contains { Language.of($0) == .en })
        let set = try IntentSet.load(directory: TestSupport.packageRoot + "/Intents")
        let r = Redactor(entities: set.entities)
        var leaks: [String] = []
        var mismatches: [String] = []
        for (m, e) in zip(messages, expected) {
            let got = r.redact(m)
            if got != e { mismatches.append("\(m)\n   got:      \(got)\n   expected: \(e)") }
            for s in Self.secrets(message: m, expected: e) where Self.leaks(s, in: got) {
                leaks.append("'\(s)' in: \(got)")
            }
        }
        #expect(leaks.isEmpty, "\(leaks.count) leaks:\n\(leaks.joined(separator: "\n"))")
        #expect(mismatches.isEmpty, "\(mismatches.count) lines differ:\n\(mismatches.joined(separator: "\n"))")
    }

    @Test func leakCheckCanFail() {
        #expect(Self.secrets(message: "call 13812345678 now", expected: "call [PHONE] now") == ["13812345678"])
        #expect(Self.leaks("13812345678", in: "call 138-1234-5678 now"))
        #expect(Self.leaks("北京市朝阳区建国路88号", in: "寄到[ADDRESS]建国路88号"))
        #expect(Self.leaks("Jane Doe", in: "recipient: Jane [NAME]"))
        #expect(!Self.leaks("13812345678", in: "call [PHONE] now"))
    }

    /// The strings issue 13 saw leak into `--log`, each with what must not survive.
    @Test func issueLeaksAreClosed() throws {
        let r = Redactor(entities: try IntentSet.load(directory: TestSupport.packageRoot + "/Intents").entities)
        let cases: [(String, [String])] = [
            ("身份证 11010519491231002X", ["11010519491231002X"]),
            ("SSN 123-45-6789", ["123-45-6789"]),
            ("passport E12345678", ["E12345678"]),
            ("座机 0755-86013388", ["86013388"]),
            ("手机 １３８１２３４５６７８", ["１３８１２３４５６７８", "５６７８"]),
            ("Amex 3782 822463 10005", ["822463", "10005"]),
            ("exp 12/27 cvv 123", ["12/27", "123"]),
            ("Flat 3, 221B Baker Street, London NW1 6XE", ["Baker", "NW1", "6XE", "221B", "London"]),
            ("浙江省杭州市西湖区文三路 477 号华星科技大厦 6 楼", ["文三路", "477", "华星", "6 楼"]),
            ("1600 Amphitheatre Parkway, Mountain View, CA 94043", ["Amphitheatre", "Mountain View", "94043"]),
            ("收件人王小明，电话13812345678", ["王小明", "13812345678"]),
            ("recipient: Jane Doe", ["Jane Doe"]),
        ]
        for (message, secrets) in cases {
            let out = r.redact(message)
            for secret in secrets { #expect(!out.contains(secret), "\(secret) survives in \(out)") }
        }
        let cut = r.redact("请把订单2024071012345678的地址改成北京市朝阳区建国路88号SOHO现代城2号楼1502室")
        #expect(cut == "请把订单2024071012345678的地址改成[ADDRESS]")
    }

    @Test func chineseIDChecksum() {
        #expect(Redactor.validChineseID("11010519491231002X"))
        #expect(!Redactor.validChineseID("110105194912310021"))
    }
}
