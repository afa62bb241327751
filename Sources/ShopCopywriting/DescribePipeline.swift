import Foundation
import ShopCore

/// Describes a stream of records: worker threads prepare batches (draft and LM scores) in
/// the order they were submitted, while the caller finishes them in input order, writes
/// them out and reads more.
///
/// Why a stream of batches rather than windows: preparing a window with
/// `prepare(_:threads:batch:)` leaves a core idle at the window's end (its last batch runs
/// alone), and the last window was finished with every worker idle. Profiles of
/// `describe` on 1,070 AdvertiseGen records showed about a tenth of the two cores idle that
/// way. Here the workers go straight on to the next batch of whatever was submitted, and
/// the caller finishes one batch at a time as soon as it is ready.
///
/// Output is exactly `describe`'s: a record's draft and LM scores do not depend on its
/// batch, and batches are finished in input order with one phrase usage. Use from one
/// thread. The workers stop at `drain` (or when the pipeline is released) and start again
/// at the next `submit`.
public final class DescribePipeline {
    public let describer: ProductDescriber
    public let threads: Int
    public let batch: Int
    /// `submit` returns once no more than this many records are submitted but unfinished:
    /// enough queued work that the workers never wait for the caller.
    public let lookahead: Int
    private var usage: [Language: PhraseUsage] = [:]
    private let queue: BatchQueue
    /// Records submitted but not yet in a batch (a batch is queued once full, or at `drain`).
    private var partial: [ProductRecord] = []
    private var queuedBatches = 0, finishedBatches = 0
    /// Records in queued batches not yet finished.
    private var unfinishedRecords = 0
    /// Record count of each queued batch not yet finished, in order.
    private var batchSizes: [Int] = []

    public init(describer: ProductDescriber, threads: Int, batch: Int = 32, lookahead: Int = 256) {
        self.describer = describer
        self.threads = max(1, threads)
        self.batch = max(1, batch)
        self.lookahead = max(self.batch, lookahead)
        queue = BatchQueue(describer: describer, workers: self.threads)
    }

    deinit { queue.stop() }

    /// Queues `records` and returns, in input order, the descriptions finished meanwhile:
    /// those of earlier submissions beyond the `lookahead` newest records.
    public func submit(_ records: [ProductRecord]) -> [ProductDescription] {
        partial += records
        while partial.count >= batch {
            enqueue(Array(partial.prefix(batch)))
            partial.removeFirst(batch)
        }
        var out: [ProductDescription] = []
        while unfinishedRecords > lookahead { out += finishNext() }
        return out
    }

    /// Finishes everything submitted and returns it in input order; stops the workers.
    public func drain() -> [ProductDescription] {
        // The last records in equal shares, one per worker: 46 records as 32 + 14 left a
        // core idle for most of the run's last batch.
        if !partial.isEmpty {
            let share = (partial.count + threads - 1) / threads
            for start in stride(from: 0, to: partial.count, by: share) {
                enqueue(Array(partial[start..<min(start + share, partial.count)]))
            }
            partial = []
        }
        var out: [ProductDescription] = []
        while finishedBatches < queuedBatches { out += finishNext() }
        queue.stop()
        return out
    }

    private func enqueue(_ records: [ProductRecord]) {
        queue.add(records)
        queuedBatches += 1
        batchSizes.append(records.count)
        unfinishedRecords += records.count
    }

    /// Waits for the oldest unfinished batch and finishes it.
    private func finishNext() -> [ProductDescription] {
        let prepared = queue.take(finishedBatches)
        finishedBatches += 1
        unfinishedRecords -= batchSizes.removeFirst()
        return describer.finish(prepared, usage: &usage)
    }
}

/// The batches a pipeline's workers prepare, numbered in the order they were added, and
/// their results until taken. Its own object so that the workers keep it, not the pipeline,
/// alive: releasing the pipeline stops them.
private final class BatchQueue: @unchecked Sendable {
    private let describer: ProductDescriber
    private let workers: Int
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var waiting: [(number: Int, records: [ProductRecord])] = []
    private var head = 0
    private var added = 0
    private var ready: [Int: [PreparedDescription]] = [:]
    private var stopping = false
    private var running = 0

    init(describer: ProductDescriber, workers: Int) {
        self.describer = describer
        self.workers = workers
    }

    /// Queues a batch for the next free worker (starting the workers when none run).
    func add(_ records: [ProductRecord]) {
        condition.lock()
        waiting.append((added, records))
        added += 1
        stopping = false
        // A worker that saw `stopping` has left `running` in the same locked step, so this
        // never starts more than `workers`.
        while running < workers {
            running += 1
            let worker = Thread { [self] in work() }
            worker.name = "describe worker"
            worker.start()
        }
        condition.broadcast()
        condition.unlock()
    }

    /// Batch `number`'s prepared descriptions, waiting until they are ready.
    func take(_ number: Int) -> [PreparedDescription] {
        condition.lock()
        defer { condition.unlock() }
        while ready[number] == nil { condition.wait() }
        return ready.removeValue(forKey: number)!
    }

    /// Lets the workers end once nothing waits (batches already queued are still prepared;
    /// a later `add` starts them again).
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while head == waiting.count && !stopping { condition.wait() }
            if head == waiting.count {
                running -= 1
                condition.unlock()
                return
            }
            let job = waiting[head]
            waiting[head].records = []
            head += 1
            if head >= 1024 {
                waiting.removeFirst(head)
                head = 0
            }
            condition.unlock()
            let prepared = describer.prepare(job.records)
            condition.lock()
            ready[job.number] = prepared
            condition.broadcast()
            condition.unlock()
        }
    }
}
