import Foundation
import ShopCore
import XCTest

final class BackgroundResultTests: XCTestCase {
    struct Failed: Error, Equatable { let reason: String }

    func testTheValueIsComputedElsewhereAndReadAsOftenAsWanted() throws {
        let started = DispatchSemaphore(value: 0)
        let pending = BackgroundResult { () -> [Int] in
            started.signal()
            return (1...1000).map { $0 * $0 }
        }
        // It runs without being asked: the worker has started before value() is called.
        XCTAssertEqual(started.wait(timeout: .now() + 10), .success)
        XCTAssertEqual(try pending.value().count, 1000)
        XCTAssertEqual(try pending.value().last, 1_000_000)
    }

    func testAnErrorIsRethrownOnEveryRead() {
        let pending = BackgroundResult { () throws -> Int in throw Failed(reason: "no model") }
        for _ in 0..<2 {
            XCTAssertThrowsError(try pending.value()) { XCTAssertEqual($0 as? Failed, Failed(reason: "no model")) }
        }
    }
}
