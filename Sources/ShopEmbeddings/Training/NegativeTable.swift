/// The table negatives are drawn from: each word appears in proportion to count^0.75
/// (word2vec), shuffled once so a thread can walk it sequentially from a random start
/// (fastText's trick: cache-friendly and still random).
struct NegativeTable: Sendable {
    let entries: [Int32]

    init(counts: [Int], power: Double = 0.75, rng: inout SplitMix64) {
        let weights = counts.map { pow(Double($0), power) }
        let z = weights.reduce(0, +)
        let size = min(10_000_000, max(100_000, counts.count * 200))
        var entries: [Int32] = []
        entries.reserveCapacity(size + counts.count)
        for (i, w) in weights.enumerated() {
            let n = Int((w / z * Double(size)).rounded(.up))
            for _ in 0..<n { entries.append(Int32(i)) }
        }
        // Fisher–Yates with our own generator, so the table is the same for a given seed.
        if entries.count > 1 {
            for i in stride(from: entries.count - 1, to: 0, by: -1) {
                let j = rng.below(i + 1)
                entries.swapAt(i, j)
            }
        }
        self.entries = entries
    }
}

import Foundation
import ShopNeural
import ShopCore
