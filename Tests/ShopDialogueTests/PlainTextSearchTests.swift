import Foundation
import ShopCore
import Testing
@testable import ShopDialogue

/// The chat's fast text searches against the Foundation searches they replace: the anger
/// lexicon (canonical-equivalence `contains`/`replacingOccurrences` on plain text) and the
/// gazetteer (literal NSString search), on every evaluation message and on seeded random text
/// that mixes plain characters with ones that are not (combining marks, compatibility
/// ideographs, the Kelvin sign, dotted capital I).
@Suite struct PlainTextSearchTests {
    /// Plain pieces (lexicon words among them) and non-plain ones.
    static let plainPieces = ["scam", "SCAM", "fed up", "again", "week", "months", "3 weeks", "!!", "？？", "?!", "麻烦", "垃圾", "气死",
                              "一个月", "两周", "订单", "退货", "你好", "hello", " ", "，", "。", "ｗｅｅｋ", "Ｘ", "2024031512345678",
                              "order", "navy", "藏青色", "XL", "红色", "顺丰", "paypal", "支付宝", "\n", "\t", "'", "—", "…"]
    static let otherPieces = ["\u{0301}", "e\u{0301}", "\u{F9FE}", "\u{212A}", "İ", "\u{302A}", "é", "ß", "🙂", "\u{2000}", "\u{0000}",
                              "Å", "\u{1100}\u{1161}", "ﬁ", "\r\n", "\r"]

    static func randomText(_ rng: inout SplitMix64, plainOnly: Bool) -> String {
        let n = 1 + Int(rng.next() % 8)
        var s = ""
        for _ in 0..<n {
            if !plainOnly && rng.next() % 4 == 0 {
                s += otherPieces[Int(rng.next() % UInt64(otherPieces.count))]
            } else {
                s += plainPieces[Int(rng.next() % UInt64(plainPieces.count))]
            }
        }
        return s
    }

    static func evalMessages() throws -> [String] {
        let dir = TestSupport.packageRoot + "/Intents/eval/"
        var out: [String] = []
        for f in ["zh.tsv", "en.tsv", "dev.tsv", "complaints.tsv", "complaints-dev.tsv", "urgency-cues.tsv", "urgency-cues-dev.tsv", "redaction.txt"] {
            for line in try String(contentsOfFile: dir + f, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
                out.append(String(line.split(separator: "\t").last ?? ""))
            }
        }
        return out
    }

    @Test func plainSetExcludesCharactersWithCanonicalEquivalents() {
        #expect(PlainTextSearch.isPlain("我的订单 where is it？！ ｗｅｅｋ"))
        for s in Self.otherPieces { #expect(!PlainTextSearch.isPlain("ok" + s), "\(s.unicodeScalars.map { $0.value })") }
    }

    @Test func containsAndReplacingEqualFoundationOnPlainText() {
        var rng = SplitMix64(seed: 11)
        var checked = 0
        for _ in 0..<4000 {
            let hay = Self.randomText(&rng, plainOnly: true), needle = Self.randomText(&rng, plainOnly: true)
            let piece = Self.plainPieces[Int(rng.next() % UInt64(Self.plainPieces.count))]
            #expect(PlainTextSearch.isPlain(hay) && PlainTextSearch.isPlain(needle))
            #expect(PlainTextSearch.contains(hay, needle) == hay.contains(needle), "\(hay) / \(needle)")
            #expect(PlainTextSearch.contains(hay, piece) == hay.contains(piece), "\(hay) / \(piece)")
            #expect(PlainTextSearch.replacing(piece, with: "", in: hay) == hay.replacingOccurrences(of: piece, with: ""), "\(hay) / \(piece)")
            #expect(PlainTextSearch.replacing(piece, with: "<x>", in: hay) == hay.replacingOccurrences(of: piece, with: "<x>"))
            if hay.contains(piece) { checked += 1 }
        }
        #expect(checked > 300)  // the comparison saw many hits (421 with this seed), not only misses
    }

    /// `LexiconUrgency.rawScore` as it was before the fast path (Foundation searches only).
    static func referenceRawScore(_ text: String) -> Float {
        let t = text.lowercased().replacingOccurrences(of: "麻烦", with: "")
        var s: Float = 0
        for w in LexiconUrgency.strong where t.contains(w) { s += 1 }
        s += min(0.45, Float(LexiconUrgency.mild.filter { t.contains($0) }.count) * 0.4)
        if text.contains("!!") || text.contains("！！") || text.contains("!！") || text.contains("！!") { s += 0.3 }
        if text.contains("??") || text.contains("？？") || text.contains("?!") || text.contains("？！") { s += 0.3 }
        let capsWords = text.split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 4 && $0.allSatisfy { $0.isUppercase } }
        if !capsWords.isEmpty { s += capsWords.count >= 2 ? 0.5 : 0.3 }
        let ns = text as NSString
        if LexiconUrgency.longWait.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) != nil { s += 0.3 }
        return s
    }

    @Test func lexiconScoreEqualsTheFoundationScore() throws {
        #expect(LexiconUrgency.plainCues)
        var texts = try Self.evalMessages()
        var rng = SplitMix64(seed: 5)
        for i in 0..<3000 { texts.append(Self.randomText(&rng, plainOnly: i % 2 == 0)) }
        var nonZero = 0, longWaits = 0
        for t in texts {
            let fast = LexiconUrgency().rawScore(t), reference = Self.referenceRawScore(t)
            #expect(fast == reference, "\(t)")
            if fast > 0 { nonZero += 1 }
            let ns = t as NSString
            if LexiconUrgency.longWait.firstMatch(in: t, range: NSRange(location: 0, length: ns.length)) != nil { longWaits += 1 }
        }
        #expect(nonZero > 200 && longWaits > 50)
    }

    @Test func gazetteerSearchEqualsFoundationSearch() throws {
        let root = TestSupport.packageRoot + "/Intents"
        let extractor = try EntityCatalog.load(file: root + "/entities.xml", schema: root + "/schema/entities.xsd")
        var texts = try Self.evalMessages()
        var rng = SplitMix64(seed: 8)
        for i in 0..<2000 { texts.append(Self.randomText(&rng, plainOnly: i % 2 == 0)) }
        var hits = 0, fastChecked = 0
        for t in texts {
            let p = EntityExtractor.Prepared(t)
            for def in extractor.definitions {
                let reference = extractor.termMatchesFoundation(def, p)
                hits += reference.count
                if let fast = extractor.termMatchesFast(def, p) {
                    fastChecked += 1
                    #expect(fast == reference, "\(def.name): \(t)")
                }
            }
        }
        #expect(hits > 300 && fastChecked > 1000)
    }
}
