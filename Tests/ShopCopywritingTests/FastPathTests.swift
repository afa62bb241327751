import XCTest
import ShopCore
@testable import ShopCopywriting

/// The speed paths of `describe` (issue 19) must answer exactly as the plain code they replace:
/// each is compared here with that plain code on texts that exercise its edge cases.
final class FastPathTests: XCTestCase {
    static let texts = [
        "", "a", "垂感", "这条裙子垂感自然，低调又耐看。", "低调", "不低调的垂", "垂感垂感低调",
        "ASCII only: drape, low-key.", "混合 mixed 文本 with 垂感 and émigré", "emoji 👗 then 垂感 and 𠀀 at the end 低调",
        "适合多个季节的裙子", "四季皆宜，一年四季", "显高显瘦", "  spaced  out   text  ", "It's a Kid's toy - ages 3+ (NO.1)",
    ]

    func testClaimsFoundInOnePassMatchesASearchPerClaim() throws {
        let table = try ClaimsTable.parse("""
            垂感 材质=雪纺
            垂 材质=雪纺
            低调 !图案=亮片
            四季 never
            一年四季 never
            适合多个季节 never
            显高 never
            drape 材质=雪纺
            𠀀 never
            """, file: "c.txt")
        for t in Self.texts {
            let naive = table.claims.indices.filter { Self.bytes(Array(t.utf8), contain: Array(table.claims[$0].phrase.utf8)) }
            XCTAssertEqual(table.claimsFound(in: t) ?? [], naive, t)
        }
    }

    static func bytes(_ hay: [UInt8], contain needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= hay.count else { return false }
        return (0...(hay.count - needle.count)).contains { Array(hay[$0..<($0 + needle.count)]) == needle }
    }

    /// The table count of repeated bigrams equals a set's, on texts from none to hundreds of
    /// units, with few distinct units (many repeats, long probe runs) and many.
    func testRepetitionCountsWhatASetCounts() {
        var rng = SplitMix64(seed: 11)
        var texts = Self.texts
        for n in [0, 1, 2, 3, 5, 40, 64, 65, 130, 500] {
            for alphabet in [["好", "看"], ["a ", "b ", "c "], Array("上衣裙子显瘦百搭").map(String.init)] {
                texts.append((0..<n).map { _ in alphabet[rng.below(alphabet.count)] }.joined())
            }
        }
        // Chinese units skip the punctuation search for ideographs: none is on the list.
        XCTAssertFalse(TextStatistics.punctuation.contains { Han.isCommon($0) })
        for t in texts + ["春装。连衣裙，“显瘦”！", "一、二；三：四（五）《六》【七】…八—九～十·"] {
            let want = t.unicodeScalars.filter { !TextStatistics.isWhitespace($0.value) && !TextStatistics.punctuation.contains($0.value) }
                .map { UInt64($0.value >= 65 && $0.value <= 90 ? $0.value + 32 : $0.value) }
            XCTAssertEqual(TextStatistics.unitHashes(t, language: .zh), want, t)
        }
        for t in texts {
            for language in [Language.zh, .en] {
                let u = TextStatistics.unitHashes(t, language: language)
                var expected = 0.0
                if u.count > 2 {
                    var seen = Set<UInt64>(), repeats = 0
                    for i in 0..<(u.count - 1) where !seen.insert(u[i] &* 0x9E37_79B9_7F4A_7C15 ^ u[i + 1]).inserted { repeats += 1 }
                    expected = Double(repeats) / Double(u.count - 1)
                }
                XCTAssertEqual(TextStatistics.repetition(t, language: language), expected, t)
            }
        }
    }

    func testLastWordIsTheLastPieceOfASplit() {
        for t in ["", " ", "a", "a b", "a  b  ", "  lead", "approx", "one two three ", "x\u{301} y", "3.5 oz"] {
            let s = Substring(t)
            XCTAssertEqual(String(FeatureCleaner.lastWord(s)), String(s.split(separator: " ").last ?? ""), t)
        }
    }

    func testASCIIWordHashesMatchTheGeneralSplit() {
        let symbols = ["Brand™ Kids’ Shoes – Size 3½ × 2", "“Quoted” • 90° ©2019 ®Reg…", "a\u{00A0}b·c′d″e—f‘g",
                       "Café", "e\u{301}clair", "™\u{FE0F} joined", "word™\u{200D}x", "Straße", "ﬁne"]
        for t in Self.texts + ["Hello, World! It's 4 o'clock", "UPPER lower MiXeD", "tab\tnew\nline\r\nend", "trailing word"] + symbols {
            let general = t.lowercased().split(whereSeparator: { !($0.isLetter || $0 == "'") })
                .map { FNV1a.hash64(units: $0.unicodeScalars.map(\.value)) & ~(1 << 63) }
            if t.unicodeScalars.allSatisfy({ $0.value < 0x80 || PhraseUsage.separatorSymbols.contains($0.value) }) {
                XCTAssertEqual(PhraseUsage.asciiWordHashes(t), general, t)
            } else {
                XCTAssertNil(PhraseUsage.asciiWordHashes(t), t)
            }
        }
    }

    func testChineseGramsMatchTheGeneralWindows() {
        for t in Self.texts + ["\u{3000}全角\u{3000}空格\u{00A0}和\u{2009}窄空格"] {
            let scalars = t.unicodeScalars.filter { !$0.properties.isWhitespace }.map(\.value)
            var expected = Set<UInt64>()
            if scalars.count < 4 {
                expected.insert(FNV1a.hash64(units: scalars) & ~(1 << 63))
            } else {
                for i in 0...(scalars.count - 4) { expected.insert(FNV1a.hash64(units: scalars[i..<(i + 4)]) & ~(1 << 63)) }
            }
            XCTAssertEqual(PhraseUsage.grams(t, language: .zh), expected, t)
        }
    }

    func testNewFactsCountsAsTheSetFormula() {
        let a = ProductAttribute(key: "材质", value: "棉"), b = ProductAttribute(key: "颜色", value: "白色")
        let c = ProductAttribute(key: "风格", value: "简约")
        let cases: [([ProductAttribute], Set<ProductAttribute>, Set<ProductAttribute>)] = [
            ([], [], []), ([a, a, b], [], []), ([a, b, c], [a, c], [c]), ([a, a, b, b], [b], []), ([c], [a], [a]),
        ]
        for (facts, important, covered) in cases {
            let expected = Set(facts).filter { important.isEmpty || important.contains($0) }.subtracting(covered).count
            XCTAssertEqual(CandidateGenerator.newFacts(facts, important: important, covered: covered), expected)
        }
    }

    func testSharedFactCacheGivesTheSameFacts() {
        let record = ProductRecord(id: "x", title: "Star Wars Costume, Adult", brand: "Rubie's",
                                   specs: [ProductAttribute(key: "Color", value: "Black"), ProductAttribute(key: "材质", value: "棉")],
                                   features: ["Includes a mask. Fits most adults.", "Officially licensed"])
        let first = SlotContext(record: record, language: .en)
        for key in ["feature", "name", "brand", "color"] { _ = first.attributes(for: key) }
        let shared = SlotContext(record: record, language: .en, sharing: first)
        let fresh = SlotContext(record: record, language: .en)
        for key in ["feature", "name", "brand", "color", "Color", "材质", "title", "price", "missing"] {
            XCTAssertEqual(shared.attributes(for: key), fresh.attributes(for: key), key)
            XCTAssertEqual(shared.lowercasedRawValues(number: SlotKeys.number(key), key: key), fresh.rawValues(for: key).map { $0.lowercased() }, key)
        }
        // Another language's context does not share (names are cut per language).
        let zh = SlotContext(record: record, language: .zh, sharing: first)
        XCTAssertEqual(zh.attributes(for: "name"), SlotContext(record: record, language: .zh).attributes(for: "name"))
    }
}
