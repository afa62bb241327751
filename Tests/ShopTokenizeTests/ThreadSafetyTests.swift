import Dispatch
import XCTest
@testable import ShopTokenize

final class ThreadSafetyTests: XCTestCase {
    func testConcurrentTokenizeGivesTheSameResults() throws {
        let tokenizer = try Tokenizer.shared()
        let lines = (0..<200).map { i in
            "第\(i)条：这款手机的电池续航很好，iPhone \(i) Pro 售价¥\(i * 100).00，详见 https://x.cn/\(i) 👍 visit me@x.com"
        }
        let expected = lines.map { tokenizer.tokenize($0) }
        let results = ResultBox(count: lines.count * 8)
        DispatchQueue.concurrentPerform(iterations: lines.count * 8) { k in
            results.set(k, tokenizer.tokenize(lines[k % lines.count]))
        }
        for k in 0..<lines.count * 8 {
            XCTAssertEqual(results.get(k), expected[k % lines.count])
        }
    }
}

/// Results written from many threads, one slot each.
private final class ResultBox: @unchecked Sendable {
    private var slots: [[Token]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ v: [Token]) { lock.lock(); slots[i] = v; lock.unlock() }
    func get(_ i: Int) -> [Token] { lock.lock(); defer { lock.unlock() }; return slots[i] }
}
