import Foundation
import ShopData
import XCTest
@testable import ShopEmbeddings
import ShopCore

/// The default vectors in Models/ load, and related shop words sit closer than unrelated ones.
final class ShippedVectorsTests: XCTestCase {
    func load(_ lang: String) throws -> WordVectors {
        let path = (ResourcePaths.packageFolder("Models") as NSString).appendingPathComponent("embeddings-\(lang).model")
        return try WordVectors.load(path)
    }

    func testChineseDefaults() throws {
        let v = try load("zh")
        XCTAssertEqual(v.dimension, 100)
        let related = try XCTUnwrap(v.similarity("快递", "物流"))
        let unrelated = try XCTUnwrap(v.similarity("快递", "屏幕"))
        XCTAssertGreaterThan(related, unrelated + 0.2)
        XCTAssertNotNil(v.vector(for: "快递柜台"), "unseen word gets a vector from its characters")
    }

    func testEnglishDefaults() throws {
        let v = try load("en")
        let related = try XCTUnwrap(v.similarity("battery", "batteries"))
        let unrelated = try XCTUnwrap(v.similarity("battery", "refund"))
        XCTAssertGreaterThan(related, unrelated + 0.2)
        XCTAssertEqual(v.analogy("good", "better", "bad", k: 3).first?.word, "worse")
    }
}
