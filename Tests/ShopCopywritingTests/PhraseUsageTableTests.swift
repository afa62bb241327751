import ShopCore
@testable import ShopCopywriting
import XCTest

/// The diversity penalty and the seen-hash set over `IntegerKeyTable` (ShopCore), against
/// references built on `Set` and `Dictionary`.
final class PhraseUsageTableTests: XCTestCase {
    /// The penalty and its record, against the same arithmetic over a `Set` of the text's
    /// phrases and a dictionary of counts, on catalogue-like text in both languages.
    func testPenaltyMatchesASetAndDictionaryReference() {
        let zh = ["这款连衣裙采用雪纺面料，轻盈飘逸。", "荷叶边设计，甜美又灵动。", "这款连衣裙采用雪纺面料，透气舒适。",
                  "简约的圆领设计，修饰脸型。", "日常穿搭很好驾驭。", "荷叶边设计，甜美又灵动。日常穿搭很好驾驭。", "裙", ""]
        let en = ["Meet the Acme travel mug: keeps drinks hot for 6 hours.", "Keeps drinks hot for 6 hours.",
                  "A travel mug from Acme, with a leak-proof lid.", "Meet the Acme travel mug.", "Mug", ""]
        for (language, texts) in [(Language.zh, zh), (.en, en)] {
            for saturation in [1, 2, 4] {
                var usage = PhraseUsage(saturation: saturation, chineseGram: 4)
                var counts: [UInt64: Int] = [:]
                var rng = SplitMix64(seed: UInt64(saturation))
                for step in 0..<200 {
                    let text = texts[rng.below(texts.count)]
                    let g = PhraseUsage.grams(text, language: language, chineseGram: 4)
                    var worn = 0.0
                    for x in g { if let c = counts[x] { worn += Double(min(c, saturation)) / Double(saturation) * (x >> 63 == 1 ? 4 : 1) } }
                    let want = counts.isEmpty || g.isEmpty ? 0 : min(1, worn / Double(g.count))
                    XCTAssertEqual(usage.penalty(text, language: language), want, "\(language) step \(step): \(text)")
                    if rng.below(3) == 0 {
                        usage.record(text, language: language)
                        for x in g { counts[x, default: 0] += 1 }
                    }
                }
            }
        }
    }
}

final class SeenHashesTests: XCTestCase {
    /// First occurrences answer as a `Set`'s inserts do, zero and colliding keys included.
    func testInsertAnswersAsASetDoes() {
        var rng = SplitMix64(seed: 5)
        for count in [0, 1, 3, 64, 1_000] {
            let keys: [UInt64] = (0..<count).map { i in
                i % 9 == 0 ? 0 : i % 4 == 0 ? UInt64(rng.below(8)) << 58 : UInt64(rng.below(count / 2 + 1)) &* 0x9E37_79B9
            }
            var set = Set<UInt64>()
            let answers = SeenHashes.with(roomFor: count) { seen in keys.map { seen.insert($0) } }
            for (k, a) in zip(keys, answers) { XCTAssertEqual(a, set.insert(k).inserted, "count \(count), key \(k)") }
        }
    }
}
