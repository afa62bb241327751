import Foundation
import ShopCore

/// Describes a stream of records a window at a time, preparing one window on worker threads
/// while the caller finishes the window before it, writes it out and reads the next.
///
/// Why: `describe(_:threads:)` on a window leaves every core but one idle while the window
/// is finished (the diversity penalty runs in input order), written out and the next one
/// read, about a tenth of a run on two cores. Preparing the next window meanwhile keeps
/// them busy. Output is exactly `describe`'s: a record's draft and LM scores do not depend
/// on its batch, and windows are finished in input order with one phrase usage.
/// Use from one thread.
public final class DescribePipeline {
    public let describer: ProductDescriber
    public let threads: Int
    public let batch: Int
    private var usage: [Language: PhraseUsage] = [:]
    private var inFlight: (done: DispatchSemaphore, result: ResultSlots<[PreparedDescription]>)?

    public init(describer: ProductDescriber, threads: Int, batch: Int = 32) {
        self.describer = describer
        self.threads = max(1, threads)
        self.batch = max(1, batch)
    }

    /// Starts preparing `records` and returns the finished descriptions of the window
    /// submitted before (empty for the first). The new window is started before the one
    /// before it is finished, so the workers are never idle while the caller finishes (the
    /// finish runs in input order on the caller's thread, as before).
    public func submit(_ records: [ProductRecord]) -> [ProductDescription] {
        let previous = inFlight
        // One slot: the window's prepared drafts, handed back across the semaphore.
        let result = ResultSlots<[PreparedDescription]>(count: 1)
        let done = DispatchSemaphore(value: 0)
        let (describer, threads, batch) = (describer, threads, batch)
        DispatchQueue.global().async {
            result.set(0, describer.prepare(records, threads: threads, batch: batch))
            done.signal()
        }
        inFlight = (done, result)
        return finish(previous)
    }

    /// Waits for the window in preparation, if any, and returns it finished.
    public func drain() -> [ProductDescription] {
        let last = inFlight
        inFlight = nil
        return finish(last)
    }

    private func finish(_ window: (done: DispatchSemaphore, result: ResultSlots<[PreparedDescription]>)?) -> [ProductDescription] {
        guard let (done, result) = window else { return [] }
        done.wait()
        return describer.finish(result[0]!, usage: &usage)
    }
}
