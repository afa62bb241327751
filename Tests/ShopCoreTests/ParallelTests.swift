import Foundation
import XCTest
import ShopCore

final class ParallelTests: XCTestCase {
    /// Worker runs are contiguous, ⌈count/workers⌉ long, cover every position once, and skip empty runs.
    func testRunsCoverEveryPositionOnceInContiguousRuns() {
        for (count, workers) in [(10, 3), (2, 5), (0, 4), (7, 1), (8, 8)] {
            let seen = ResultSlots<Int>(count: count)
            let runs = NSLock()
            let collected = UncheckedCell<[Range<Int>]>([])
            Parallel.runs(count, workers: workers) { r in
                runs.lock(); collected.value.append(r); runs.unlock()
                for i in r { seen.set(i, i) }
            }
            XCTAssertEqual(seen.values(), Array(0..<count), "\(count) over \(workers)")
            let per = (count + workers - 1) / workers
            let expected = stride(from: 0, to: count, by: max(1, per)).map { $0..<min(count, $0 + per) }
            XCTAssertEqual(collected.value.sorted { $0.lowerBound < $1.lowerBound }, expected, "\(count) over \(workers)")
        }
    }

    func testMapKeepsInputOrder() {
        let items = (0..<1000).map { "w\($0)" }
        XCTAssertEqual(Parallel.map(items, workers: 4) { $0.count }, items.map(\.count))
        XCTAssertEqual(Parallel.map(items) { $0 + "!" }, items.map { $0 + "!" })
        XCTAssertEqual(Parallel.map([Int](), workers: 3) { $0 * 2 }, [])
    }
}
