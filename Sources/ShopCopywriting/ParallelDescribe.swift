import Foundation
import ShopCore

extension ProductDescriber {
    /// Describes many records on up to `threads` threads, `batch` records per LM call
    /// (`prepare`), then finishes them in input order with one phrase usage for the whole
    /// call (`finish`). The result is in input order; a record's output depends on the
    /// options, the seed, the record and the ones before it (diversity penalty), never on
    /// `threads` (the LM scorer's memo and prefix caches change speed, not scores).
    public func describe(_ records: [ProductRecord], threads: Int, batch: Int = 32) -> [ProductDescription] {
        var usage: [Language: PhraseUsage] = [:]
        return describe(records, threads: threads, batch: batch, usage: &usage)
    }

    /// As `describe(_:threads:batch:)`, continuing `usage` (a run described in several
    /// calls keeps one diversity record).
    public func describe(_ records: [ProductRecord], threads: Int, batch: Int = 32,
                         usage: inout [Language: PhraseUsage]) -> [ProductDescription] {
        finish(prepare(records, threads: threads, batch: batch), usage: &usage)
    }

    /// `prepare` on up to `threads` threads, `batch` records per LM call; in input order.
    public func prepare(_ records: [ProductRecord], threads: Int, batch: Int = 32) -> [PreparedDescription] {
        let workers = max(1, min(threads, (records.count + max(1, batch) - 1) / max(1, batch)))
        // A short window (the last of a run) in equal shares: 46 records as 32 + 14 left one
        // core idle for most of the run's last batch.
        let size = max(1, min(batch, (records.count + workers - 1) / workers))
        if workers == 1 {
            return stride(from: 0, to: records.count, by: size).flatMap { prepare(Array(records[$0..<min($0 + size, records.count)])) }
        }
        let slots = ResultSlots<PreparedDescription>(count: records.count)
        // Batches claimed in turn keep every thread busy when products differ in cost.
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let range = slots.claim(size) {
                for (i, d) in zip(range, prepare(Array(records[range]))) { slots.set(i, d) }
            }
        }
        return slots.values()
    }
}
