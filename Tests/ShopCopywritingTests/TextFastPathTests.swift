import XCTest
import ShopCore
@testable import ShopCopywriting

/// More of `describe`'s speed paths (issue 19), each against the plain code it replaced, on
/// edge cases and (when the shared corpora are present) every catalogue bullet and title.
final class TextFastPathTests: XCTestCase {
    static let edgeCases = [
        "", " ", "a", "CLICK HERE for more", "Click\r\nhere", "click here", "clickhere", "See More…", "see\u{00A0}more",
        "View Shipping Rates.", "make sure this fits by entering your model number.", "MAKE SURE THIS FITS",
        "Kelvin \u{212A} sign", "émigré click here", "naïve see more", "emoji 👗 make sure this fits", "\u{0130}stanbul",
        "\r\n", "a\r\nb", " padded ", "\tTabbed\t", "x\u{0301}", "\u{0600}1", "1\u{0600}", "\u{00A0}nbsp\u{00A0}", "\u{2003}em",
        "ALL CAPS HEADLINE HERE", "Mixed Case Sentence With Words.", "12345 678 90", "混合 text 文本",
    ]

    /// Read once for all the tests (the catalogue parse is most of their time).
    static let corpusTexts: [String] = {
        let path = Fixtures.root + "/../shared/corpora/" + CopyCorpora.catalogue
        guard let products = try? CopyCorpora.catalogueProducts(path: path).records else { return [] }
        return products.flatMap { [$0.title ?? ""] + $0.features }
    }()

    func testBoilerplateSearchMatchesLowercasedSearch() {
        let texts = Self.edgeCases + Self.corpusTexts
        var found = 0
        for t in texts {
            let lower = t.lowercased()
            let want = FeatureCleaner.boilerplate.contains { lower.firstRange(of: $0) != nil }
            XCTAssertEqual(FeatureCleaner.mentionsBoilerplate(t), want, t)
            if want { found += 1 }
        }
        XCTAssertGreaterThan(found, 5, "the cases include texts that do mention boilerplate")
    }

    func testCountsMatchCharacterCounts() {
        for t in Self.edgeCases + Self.corpusTexts {
            let c = FeatureCleaner.counts(t)
            XCTAssertEqual(c.length, t.count, t)
            XCTAssertEqual(c.letters, t.filter { $0.isLetter }.count, t)
            XCTAssertEqual(c.upper, t.filter { $0.isUppercase }.count, t)
        }
    }

    func testTrimMatchesCharacterTrim() {
        func reference(_ t: String) -> String {
            var s = Substring(t)
            while let f = s.first, f.isWhitespace { s = s.dropFirst() }
            while let l = s.last, l.isWhitespace { s = s.dropLast() }
            return String(s)
        }
        var texts = Self.edgeCases + Self.corpusTexts
        // Every ASCII byte at either end.
        for v in 0..<128 { let c = String(UnicodeScalar(UInt8(v))); texts += [c + "x", "x" + c, c] }
        for t in texts { XCTAssertEqual(t.trimmingCharactersInSet(), reference(t), t.debugDescription) }
    }

    func testLanguageGuessMatchesThePropertyCount() {
        func reference(_ text: String) -> Language {
            var han = 0, letters = 0
            for s in text.unicodeScalars {
                if s.properties.isIdeographic { han += 1; letters += 1 } else if s.properties.isAlphabetic { letters += 1 }
            }
            return letters > 0 && han * 5 >= letters ? .zh : .en
        }
        var texts = Self.edgeCases + Self.corpusTexts + ["这是中文 with some English", "中 abcd", "中 abcde", "ｆｕｌｌ ｗｉｄｔｈ 中"]
        for v in 0..<128 { texts.append(String(UnicodeScalar(UInt8(v))) + "中") }
        for t in texts { XCTAssertEqual(Language.guess(t), reference(t), t.debugDescription) }
    }

    func testPrefixChildrenAnswersAsADictionary() {
        var rng = SplitMix64(seed: 31)
        var table = PrefixChildren(minimumCapacity: 4)
        var dict: [UInt64: Int32] = [:]
        for round in 0..<3 {
            for i in 0..<5_000 {
                let parent = Int32(rng.below(3_000)), token = Int32(rng.below(i % 7 == 0 ? 4 : 5_000))
                let key = PrefixChildren.key(parent: parent, token: token)
                XCTAssertEqual(table[parent, token], dict[key], "round \(round), lookup \(i)")
                if dict[key] == nil {
                    let child = Int32(dict.count + 1)
                    table.insert(parent: parent, token: token, child: child)
                    dict[key] = child
                }
            }
            XCTAssertEqual(table.count, dict.count)
            table.removeAll()
            dict.removeAll()
            XCTAssertNil(table[0, 0])
        }
    }

    func testSharedContextsGiveTheRecordsOwnExemptPhrases() {
        let a = ProductRecord(id: "a", title: "Mama Knows Best: Ultimate Guard, Set of 2", brand: "Ultimate Guard")
        let b = ProductRecord(id: "b", title: "Plain Mug", brand: "Acme")
        let first = SlotContext(record: a, language: .en)
        let want = SlotContext(record: a, language: .en).exemptPhrases
        XCTAssertEqual(first.exemptPhrases, want)
        XCTAssertEqual(SlotContext(record: a, language: .en, sharing: first).exemptPhrases, want)
        // Another record never shares them.
        XCTAssertEqual(SlotContext(record: b, language: .en, sharing: first).exemptPhrases, SlotContext(record: b, language: .en).exemptPhrases)
        XCTAssertTrue(want.contains("Ultimate Guard"))
    }

    func testNameCutPointsMatchTheCharacterSearch() {
        let titles = Self.edgeCases + Self.corpusTexts + [
            "Pokemon TCG: Sun and Moon Crimson Invasion Elite Trainer Box", "Model 1: 7 Scale Car", "Scale 1:7 x: 8",
            "PLUS PLUS - Construction Building Toy, 600 Pieces (Mixed) | Kids w/ Box", "A – B – C, D", ": leading", "trailing: ",
            "Costume\r\n: Adult", "Café: Crème (Brûlée) - Set",
        ]
        var cut = 0
        for t in titles {
            let fast = ProductName.cutPoints(t), slow = ProductName.cutPointsByCharacter(t)
            XCTAssertEqual(fast.map { t.utf8.distance(from: t.utf8.startIndex, to: $0) }, slow.map { t.utf8.distance(from: t.utf8.startIndex, to: $0) }, t)
            if !fast.isEmpty { cut += 1 }
        }
        XCTAssertGreaterThan(cut, 5)
    }

    func testFirstWordIsTheFirstPieceOfASplit() {
        for t in Self.edgeCases + Self.corpusTexts + ["  two  spaces", "one", " ", "a\u{0301} b", " \u{0301}x y"] {
            XCTAssertEqual(BulletSentence.firstWord(t), t.split(separator: " ").first, t.debugDescription)
        }
    }

    /// A short title cut by byte search is the one the character search cuts, on the edge
    /// cases, separators at and around 8 characters, and every catalogue title and bullet.
    func testShortTitleByteCutIsTheCharacterCut() {
        var texts = Self.edgeCases + Self.corpusTexts
        for sep in FeatureCleaner.shortTitleSeparators {
            for n in 6...10 { texts.append(String(repeating: "x", count: n) + sep + "rest, more - tail") }
        }
        texts += ["Toy Car, red (big) - set | kit: w/ box", "Abcdefg\r\nh, rest", "12345678 w/ case with lid", "Shorty, x"]
        var cut = 0, ascii = 0
        for t in texts {
            guard let fast = FeatureCleaner.asciiCut(t) else { continue }
            ascii += 1
            let want = FeatureCleaner.characterCut(t)
            XCTAssertEqual(String(fast), String(want), t)
            if fast.count < t.count { cut += 1 }
        }
        XCTAssertGreaterThan(ascii, 40)
        XCTAssertGreaterThan(cut, 20, "titles that are cut are compared")
        XCTAssertNil(FeatureCleaner.asciiCut("Caf\u{00E9} table, oak"), "non-ASCII titles take the character search")
        XCTAssertNil(FeatureCleaner.asciiCut("Line\r\nbreak, title"), "CR LF is one character")
    }

    /// An ASCII price text contains a currency symbol or range separator by bytes exactly
    /// when `contains` says so, for every symbol and separator.
    func testPriceByteSearchMatchesContains() {
        let needles = Price.symbols.map(\.0) + [" to ", "~", "–", "—", "-", "至"]
        let texts = ["$19.99", "US$ 5", "19,99 EUR", "10 - 20", "10~20", "1 to 2", "KRW 1000", "JPY1980", "usd 5", "", " ",
                     "HK$1", "C$ 2", "A$3", "12 RMB", "CHF", "eur", "5 GBP", "$10.99 - $20.99", "1\r\n2", "SGD-INR"]
        var hits = 0
        for t in texts where t.utf8.allSatisfy({ $0 < 0x80 }) {
            for n in needles {
                XCTAssertEqual(Price.bytesContain(t, n), t.contains(n), "\(t) / \(n)")
                if t.contains(n) { hits += 1 }
            }
        }
        XCTAssertGreaterThan(hits, 20)
    }

    /// Keys of Chinese characters alone skip the age and weight tests, but the weight keys
    /// are still tested, and the answer is the full test's on AdvertiseGen-like keys.
    func testChineseKeysTakeTheShortSanityPath() {
        XCTAssertNil(ValueSanity.problem(key: "材质", value: "0"))
        XCTAssertNotNil(ValueSanity.problem(key: "重量", value: "0 kg"))
        XCTAssertEqual(ValueSanity.problem(key: "净重", value: "0 kg"), ValueSanity.problem(key: "weight", value: "0 kg"))
        XCTAssertNotNil(ValueSanity.problem(key: "Age 年龄", value: "200 years"), "a key with Latin letters takes the full test")
    }

    /// The planner's "has a letter or number" test is `Character`'s, on the edge cases (a
    /// prepended Arabic number sign, combining marks, punctuation alone), every catalogue
    /// title and bullet, and every sentence the shipped templates write for a few records.
    func testLetterOrNumberTestIsCharacters() throws {
        var texts = Self.edgeCases + Self.corpusTexts
        texts += ["！", "。，、", "——", "\u{0600}一", "\u{0600}a", "\u{200D}一", "\u{0301}一", "一\u{0301}", "\u{0301}", "…1", "①", "Ⅻ", "\u{3007}",
                  "\u{FF11}", "\u{F900}", "\u{9FFF}", "\u{4E00}", "\u{3400}", "-_-", "\r\n", "\u{1F457}"]
        let library = try Fixtures.shippedLibrary()
        for record in try LazyExpansionTests.records() {
            let language = record.inferredLanguage
            let context = SlotContext(record: record, language: language)
            for template in library.templates where template.language == language {
                for part in template.parts {
                    for line in part.lines { texts += TemplateRealiser.realise(line, in: context, tone: nil, limit: 4).map(\.text) }
                }
            }
        }
        var without = 0
        for t in texts {
            let want = t.contains { $0.isLetter || $0.isNumber }
            XCTAssertEqual(TextStatistics.hasLetterOrNumber(t), want, "\(t.unicodeScalars.map(\.value))")
            if !want { without += 1 }
        }
        XCTAssertGreaterThan(texts.count, 3_000)
        // Every common Han character is a letter to `Character` (the shortcut's premise).
        for v in UInt32(0x4E00)...0x9FFF {
            XCTAssertTrue(Character(Unicode.Scalar(v)!).isLetter, "U+\(String(v, radix: 16))")
        }
        XCTAssertGreaterThan(without, 8, "texts without a letter or number are tested too")
    }

    /// Keys compare as `==` does: by bytes only where no other spelling is equivalent.
    func testSpecKeysCompareAsStrings() {
        let keys = ["材质", "材料", "颜色", "color", "colour", "Color", "", "\u{F900}", "\u{8C48}", "caf\u{00E9}", "cafe\u{0301}",
                    "版型", "版型 ", "k", "\u{212A}", "材质\u{0301}", "x\u{F900}", "x\u{8C48}"]
        var equalPairs = 0
        for a in keys {
            for b in keys {
                XCTAssertEqual(SlotContext.sameText(a, b), a == b, "\(a.unicodeScalars.map(\.value)) vs \(b.unicodeScalars.map(\.value))")
                if a == b && !UTF8Key.bytesEqual(a, b) { equalPairs += 1 }
            }
        }
        XCTAssertGreaterThan(equalPairs, 3, "canonically equal spellings with other bytes are compared")
    }

    /// Bullet cleaning's shortcuts: the headline found in the first 40 characters is the one
    /// the whole-bullet search found within 40, and the last word found from the end is the
    /// last piece of a split on spaces, on the edge cases and every catalogue bullet.
    func testBulletCleaningShortcutsMatchTheSearchesTheyReplace() {
        var texts = Self.edgeCases + Self.corpusTexts
        texts += [String(repeating: "x", count: 39) + "]", String(repeating: "x", count: 40) + "]", String(repeating: "y", count: 39) + ":",
                  String(repeating: "y", count: 40) + ": z", "a] b: c", "HEAD: text] more", "trailing spaces   ", "   ", "one"]
        var headlines = 0
        for t in texts {
            let s = Substring(t)
            let close = s.firstIndex(where: { $0 == "】" || $0 == "]" })
            let wantClose = close.flatMap { s.distance(from: s.startIndex, to: $0) < 40 ? $0 : nil }
            XCTAssertEqual(FeatureCleaner.headlineEnd(s), wantClose, t)
            let colon = s.firstIndex(of: ":")
            let wantColon = colon.flatMap { s.distance(from: s.startIndex, to: $0) < 40 ? $0 : nil }
            XCTAssertEqual(FeatureCleaner.headlineColon(s), wantColon, t)
            if wantClose != nil || wantColon != nil { headlines += 1 }
            XCTAssertEqual(String(FeatureCleaner.lastWord(s)), t.split(separator: " ").last.map(String.init) ?? "", t)
        }
        XCTAssertGreaterThan(headlines, 20)
    }
}

