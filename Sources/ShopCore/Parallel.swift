import Foundation

/// Work spread over the cores in contiguous runs: worker w of n takes positions
/// `w·⌈count/n⌉ ..< (w+1)·⌈count/n⌉` (the last run shorter, empty runs skipped), so which
/// worker handles a position depends only on `count` and `workers`, never on timing.
public enum Parallel {
    /// The workers used when none are given: one per active core.
    public static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Calls `body` with each worker's run of `0..<count`, concurrently, and waits.
    public static func runs(_ count: Int, workers: Int = cores, _ body: @Sendable (Range<Int>) -> Void) {
        let workers = max(1, workers)
        let per = (count + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let lo = w * per, hi = min(count, lo + per)
            if lo < hi { body(lo..<hi) }
        }
    }

    /// `transform` of every element, computed in runs on all workers, in input order.
    public static func map<T: Sendable, U>(_ items: [T], workers: Int = cores, _ transform: @Sendable (T) -> U) -> [U] {
        var out = [U?](repeating: nil, count: items.count)
        out.withUnsafeMutableBufferPointer { buf in
            nonisolated(unsafe) let b = buf
            runs(items.count, workers: workers) { r in for i in r { b[i] = transform(items[i]) } }
        }
        return out.map { $0! }
    }
}
