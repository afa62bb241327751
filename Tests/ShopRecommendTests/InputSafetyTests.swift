import Foundation
import XCTest
@testable import ShopRecommend

/// Issue 20: ratings `inf`, `NaN`, `1e400` were accepted and only failed when the model was
/// saved (no line); `-k 0` crashed the top-K selection.
final class InputSafetyTests: XCTestCase {
    func testNonFiniteRatingsAndTimestampsAreErrorsWithTheirLine() throws {
        let path = NSTemporaryDirectory() + "interactions-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let csv = """
            user,item,rating,timestamp
            u1,i1,5,100
            u1,i2,inf,101
            u2,i1,NaN,102
            u2,i2,1e400,103
            u3,i1,4,nan
            u3,i2,4,1e300
            u4,i1,3,104

            """
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        let (xs, errors) = try InteractionReader.read(path: path)
        XCTAssertEqual(xs.map(\.user), ["u1", "u4"])
        XCTAssertEqual(errors.map(\.line), [3, 4, 5, 6, 7])
        XCTAssertTrue(errors.allSatisfy { "\($0)".contains(path) })
    }

    func testTopKWithZeroOrHugeKDoesNotCrash() {
        let scores: [Float] = [0.1, 0.9, 0.5]
        XCTAssertTrue(TopKSelection.best(scores, k: 0).isEmpty)
        XCTAssertTrue(TopKSelection.best(scores, k: -3).isEmpty)
        XCTAssertEqual(TopKSelection.best(scores, k: Int.max).map(\.item), [1, 2, 0])
    }
}
