import XCTest
import ShopData
@testable import ShopCopywriting

/// Lines whose alternatives multiply past the per-line limit are sampled, not cut to the
/// first combinations (issue 19: a long `<…>` list after another one was never written).
final class RealisationSamplingTests: XCTestCase {
    let shirt = ProductRecord(id: "p1", category: "上衣", specs: [
        ProductAttribute(key: "类型", value: "上衣"), ProductAttribute(key: "衣样式", value: "衬衫"),
        ProductAttribute(key: "材质", value: "棉"),
    ], language: .zh)
    let line = "{?材质} {材质}面料<a1|a2|a3|a4|a5|a6>，<b1|b2|b3|b4|b5|b6|b7|b8>。"

    func texts(_ variation: UInt64?, limit: Int = 16) throws -> [String] {
        let l = try TemplateParser.parseLine(line)
        return TemplateRealiser.realise(l, in: SlotContext(record: shirt, language: .zh), tone: .plain, limit: limit,
                                        variation: variation).map(\.text)
    }

    func testWithoutVariationTheFirstCombinationsInOrder() throws {
        let t = try texts(nil)
        XCTAssertEqual(t.count, 16)
        XCTAssertEqual(t.first, "棉面料a1，b1。")
        XCTAssertTrue(t.allSatisfy { $0.hasPrefix("棉面料a1") || $0.hasPrefix("棉面料a2") }, "in order: only the first two of the first list")
    }

    func testVariationSamplesDistinctCombinationsOfEveryList() throws {
        var firsts = Set<String>(), seconds = Set<String>()
        for seed in UInt64(1)...8 {
            let t = try texts(seed)
            XCTAssertEqual(t.count, 16)
            XCTAssertEqual(Set(t).count, 16, "distinct")
            for x in t {
                XCTAssertTrue(x.hasPrefix("棉面料"), "the slot is always filled: \(x)")
                let inner = x.dropFirst(3)
                firsts.insert(String(inner.prefix(2)))
                seconds.insert(String(inner.dropFirst(3).prefix(2)))
            }
        }
        XCTAssertEqual(firsts.count, 6, "every alternative of the first list is used: \(firsts.sorted())")
        XCTAssertEqual(seconds.count, 8, "every alternative of the second list is used")
        XCTAssertEqual(try texts(5), try texts(5), "seeded: the same variation gives the same realisations")
        XCTAssertNotEqual(try texts(5), try texts(6))
    }

    func testSmallLinesAreUnchangedByVariation() throws {
        XCTAssertEqual(try texts(3, limit: 48), try texts(nil, limit: 48), "6 × 8 = 48 fit the limit: all, in order")
    }
}
