import XCTest
import ShopNeural
@testable import ShopEmbeddings
import ShopCore

final class SubwordTests: XCTestCase {
    func testLatinUnitsAreMarkedNgrams() {
        let s = SubwordScheme(minN: 3, maxN: 3, buckets: 100)
        XCTAssertEqual(s.units(of: "cat"), ["<ca", "cat", "at>"])
        XCTAssertEqual(s.units(of: "ab"), ["<ab", "ab>"])
        XCTAssertEqual(s.units(of: "a"), [], "'<a>' is the word itself")
        XCTAssertEqual(s.bucketIDs(of: "cat").count, 3)
        XCTAssertTrue(s.bucketIDs(of: "cat").allSatisfy { $0 >= 0 && $0 < 100 })
    }

    func testChineseUnitsAreCharactersAndBigrams() {
        let s = SubwordScheme()
        XCTAssertEqual(s.units(of: "快递员"), ["快", "递", "员", "快递", "递员"])
        XCTAssertEqual(s.units(of: "快递"), ["快", "递"])
        XCTAssertEqual(s.units(of: "好"), [])
        XCTAssertEqual(SubwordScheme.none.units(of: "快递员"), [])
    }

    /// An unseen word gets a non-zero vector from its units, closer to words it shares
    /// units with than to others — in both scripts.
    func testUnseenWordVectorFollowsItsRelatives() throws {
        var rng = SplitMix64(seed: 3)
        let charge = ["charger", "charging", "charged", "cable", "plug"]
        let screen = ["screen", "display", "bright", "pixel", "glass"]
        let delivery = ["快递", "物流", "送货", "到货", "包裹"]
        let quality = ["屏幕", "清晰", "显示", "亮度", "像素"]
        let topics = [charge, screen, delivery, quality]
        let sentences: [[String]] = (0..<1600).map { _ in
            let t = topics[rng.below(topics.count)]
            return (0..<7).map { _ in t[rng.below(t.count)] }
        }
        let (vocab, corpus) = SyntheticCorpus.build(sentences)
        let v = try SkipGramTrainer(config: SyntheticCorpus.config(subwords: SubwordScheme(minN: 3, maxN: 5, buckets: 20_000)))
            .train(vocabulary: vocab, corpus: corpus).vectors
        for (unseen, relative, other) in [("chargers", "charger", "screen"), ("快递员", "快递", "屏幕")] {
            XCTAssertFalse(v.contains(unseen))
            let u = try XCTUnwrap(v.vector(for: unseen))
            XCTAssertGreaterThan(WordVectors.norm(u), 0)
            let near = try XCTUnwrap(v.similarity(unseen, relative))
            let far = try XCTUnwrap(v.similarity(unseen, other))
            XCTAssertGreaterThan(near, far + 0.1, "\(unseen): \(relative) \(near) vs \(other) \(far)")
        }
        XCTAssertNil(v.vector(for: "zz"), "no units kept: no vector")
    }
}
