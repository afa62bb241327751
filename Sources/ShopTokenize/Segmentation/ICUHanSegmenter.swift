/// The baseline: Han runs split by ICU's dictionary word breaker alone (used for
/// `--lang en` and when no segmentation model is available; also the benchmark anchor).
struct ICUHanSegmenter {
    let pool: WordBreakPool

    /// Sets `isEnd[k - group.lowerBound]` when a word ends after unit `k`.
    func segment(_ t: UnsafeBufferPointer<UInt16>, _ units: [Unit], _ group: Range<Int>,
                 _ isEnd: inout [Bool], _ ends: inout [Int32]) {
        var k = group.lowerBound
        while k < group.upperBound {
            guard units[k].kind == .han else { isEnd[k - group.lowerBound] = true; k += 1; continue }
            var r = k
            while r < group.upperBound, units[r].kind == .han { r += 1 }
            let lo = units[k].start
            pool.segmentEnds(t, lo..<units[r - 1].end, into: &ends)
            var x = k
            for e in ends {
                let end = lo + Int(e)
                while x < r, units[x].end < end { x += 1 }
                if x < r, units[x].end == end { isEnd[x - group.lowerBound] = true }
            }
            k = r
        }
    }
}
