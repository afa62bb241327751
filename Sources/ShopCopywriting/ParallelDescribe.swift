import Foundation
import ShopCore

extension ProductDescriber {
    /// Describes many records on up to `threads` threads, `batch` records per LM call
    /// (`describe(_ records:)`). The result is in input order; batches are fixed runs of
    /// `batch` records, so a record's output depends on the options, the seed, the record and
    /// the ones before it in its batch (diversity penalty), never on `threads` (the LM
    /// scorer's memo and prefix caches change speed, not scores).
    public func describe(_ records: [ProductRecord], threads: Int, batch: Int = 32) -> [ProductDescription] {
        let size = max(1, batch)
        let workers = max(1, min(threads, (records.count + size - 1) / size))
        if workers == 1 {
            return stride(from: 0, to: records.count, by: size).flatMap { describe(Array(records[$0..<min($0 + size, records.count)])) }
        }
        let slots = ResultSlots<ProductDescription>(count: records.count)
        // Batches claimed in turn keep every thread busy when products differ in cost.
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let range = slots.claim(size) {
                for (i, d) in zip(range, describe(Array(records[range]))) { slots.set(i, d) }
            }
        }
        return slots.values()
    }
}
