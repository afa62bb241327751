import Foundation
import Testing
@testable import ShopDialogue

@Suite struct EntityExtractionTests {
    let extractor: EntityExtractor

    init() throws {
        let root = TestSupport.packageRoot + "/Intents"
        extractor = try EntityCatalog.load(file: root + "/entities.xml", schema: root + "/schema/entities.xsd")
    }

    @Test func shippedSamplesPass() {
        #expect(extractor.failingSamples() == [])
    }

    @Test func chineseMessage() {
        let e = extractor.extract("订单2024031512345678的藏青色XL码能换吗？电话13812345678")
        let byType = Dictionary(e.map { ($0.type, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(byType["order_number"] == "2024031512345678")
        #expect(byType["colour"] == "navy")
        #expect(byType["size"] == "XL")
        #expect(byType["phone"] == "13812345678")
    }

    @Test func englishMessage() {
        let e = extractor.extract("Order so123456789 was charged $49.99 on March 15th, mail me at Jane@Example.com")
        let byType = Dictionary(e.map { ($0.type, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(byType["order_number"] == "SO123456789")
        #expect(byType["money"] == "$49.99")
        #expect(byType["date"] == "March 15th")
        #expect(byType["email"] == "jane@example.com")
    }

    @Test func orderNumberIsNotAPhoneOrCard() {
        let e = extractor.extract("2024031512345678")
        #expect(e.map(\.type) == ["order_number"])
    }

    @Test func englishTermsOnlyAtWordBoundaries() {
        // "red" inside "ordered" is not a colour
        #expect(extractor.extract("I ordered it").filter { $0.type == "colour" }.isEmpty)
        #expect(extractor.extract("the red one").first { $0.type == "colour" }?.value == "red")
    }
}
