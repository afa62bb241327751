/// Decodes the best B/M/E/S tag sequence for a group of units with the trained weights
/// (first-order Viterbi with hard constraints: atomic units are single words).
struct PerceptronSegmenter {
    let model: SegmenterModel

    struct Scratch {
        var codes: [UInt32] = []
        var lex: [UInt8] = []
        var emissions: [Float] = []
        var back: [UInt8] = []
        var tags: [UInt8] = []
    }

    /// Sets `isEnd[k - group.lowerBound]` when a word ends after unit `k`.
    func segment(_ t: UnsafeBufferPointer<UInt16>, _ units: [Unit], _ group: Range<Int>,
                 _ isEnd: inout [Bool], _ s: inout Scratch) {
        let n = group.count
        Self.codes(t, units, group, &s.codes)
        emissions(n, &s)
        Self.viterbi(n, units, group, s.codes, model.transitions, &s)
        for i in 0..<n where s.tags[i] >= 2 { isEnd[i] = true }
    }

    /// The same on precomputed codes (training and dev scoring).
    func segment(codes: [UInt32], _ units: [Unit], _ isEnd: inout [Bool], _ s: inout Scratch) {
        let n = units.count
        s.codes = codes
        emissions(n, &s)
        Self.viterbi(n, units, 0..<n, s.codes, model.transitions, &s)
        for i in 0..<n where s.tags[i] >= 2 { isEnd[i] = true }
    }

    static func codes(_ t: UnsafeBufferPointer<UInt16>, _ units: [Unit], _ group: Range<Int>, _ codes: inout [UInt32]) {
        codes.removeAll(keepingCapacity: true)
        codes.append(SegmentFeatures.boundaryCode)
        codes.append(SegmentFeatures.boundaryCode)
        for k in group { codes.append(SegmentFeatures.code(t, units[k])) }
        codes.append(SegmentFeatures.boundaryCode)
        codes.append(SegmentFeatures.boundaryCode)
    }

    private func emissions(_ n: Int, _ s: inout Scratch) {
        s.emissions.removeAll(keepingCapacity: true)
        s.emissions.append(contentsOf: repeatElement(0, count: n * 4))
        let mask = model.mask
        let scale = model.scale
        s.codes.withUnsafeBufferPointer { codes in
            SegmentLexicon.positions(model.lexicon, codes, n, into: &s.lex)
        }
        s.codes.withUnsafeBufferPointer { codes in
          s.lex.withUnsafeBufferPointer { lex in
            model.weights.withUnsafeBufferPointer { w in
                s.emissions.withUnsafeMutableBufferPointer { e in
                    withUnsafeTemporaryAllocation(of: Int.self, capacity: SegmentFeatures.templateCount) { f in
                        for i in 0..<n {
                            SegmentFeatures.indices(codes, lex, i, mask: mask, f.baseAddress!)
                            var s0: Int32 = 0, s1: Int32 = 0, s2: Int32 = 0, s3: Int32 = 0
                            for k in 0..<SegmentFeatures.templateCount {
                                let b = f[k] &* 4
                                s0 &+= Int32(w[b]); s1 &+= Int32(w[b &+ 1]); s2 &+= Int32(w[b &+ 2]); s3 &+= Int32(w[b &+ 3])
                            }
                            e[i * 4] = Float(s0) * scale; e[i * 4 + 1] = Float(s1) * scale
                            e[i * 4 + 2] = Float(s2) * scale; e[i * 4 + 3] = Float(s3) * scale
                        }
                    }
                }
            }
          }
        }
    }

    /// Best tags into `s.tags` from `s.emissions`.
    static func viterbi(_ n: Int, _ units: [Unit], _ group: Range<Int>, _ codes: [UInt32], _ transitions: [Float],
                        _ s: inout Scratch) {
        s.back.removeAll(keepingCapacity: true)
        s.back.append(contentsOf: repeatElement(0, count: n * 4))
        s.tags.removeAll(keepingCapacity: true)
        s.tags.append(contentsOf: repeatElement(0, count: n))
        let ninf = -Float.greatestFiniteMagnitude
        var prev: (Float, Float, Float, Float) = (ninf, ninf, ninf, ninf)
        s.emissions.withUnsafeBufferPointer { e in
            s.back.withUnsafeMutableBufferPointer { back in
                for i in 0..<n {
                    let kind = units[group.lowerBound + i].kind
                    let atomic = kind.isAtomic
                    let starts = i > 0 && SegmentFeatures.mustStart(units[group.lowerBound + i - 1].kind, kind,
                                                                     codes[i + 1], codes[i + 2])
                    var cur: (Float, Float, Float, Float) = (ninf, ninf, ninf, ninf)
                    for to in 0..<4 {
                        if atomic && to != 3 { continue }
                        if starts && (to == 1 || to == 2) { continue }
                        var best = ninf
                        var arg = 0
                        if i == 0 {
                            if to == 1 || to == 2 { continue }
                            best = 0
                        } else {
                            for from in 0..<4 where SegmentFeatures.allowed(from, to) {
                                let p = Self.get(prev, from)
                                if p == ninf { continue }
                                let v = p + transitions[from * 4 + to]
                                if v > best { best = v; arg = from }
                            }
                            if best == ninf { continue }
                        }
                        Self.set(&cur, to, best + e[i * 4 + to])
                        back[i * 4 + to] = UInt8(arg)
                    }
                    // An atomic unit after an open word (B/M) would leave no valid path:
                    // close the word before it instead.
                    if cur.0 == ninf && cur.1 == ninf && cur.2 == ninf && cur.3 == ninf {
                        cur.3 = 0
                        back[i * 4 + 3] = UInt8(Self.argmax(prev))
                    }
                    prev = cur
                }
                // End: the last word must be closed (E or S).
                var last = prev.2 >= prev.3 ? 2 : 3
                if prev.2 == ninf && prev.3 == ninf { last = argmax(prev) }
                for i in stride(from: n - 1, through: 0, by: -1) {
                    s.tags[i] = UInt8(last)
                    last = Int(back[i * 4 + last])
                }
            }
        }
    }

    @inline(__always) static func get(_ v: (Float, Float, Float, Float), _ i: Int) -> Float {
        switch i { case 0: return v.0; case 1: return v.1; case 2: return v.2; default: return v.3 }
    }
    @inline(__always) static func set(_ v: inout (Float, Float, Float, Float), _ i: Int, _ x: Float) {
        switch i { case 0: v.0 = x; case 1: v.1 = x; case 2: v.2 = x; default: v.3 = x }
    }
    static func argmax(_ v: (Float, Float, Float, Float)) -> Int {
        var best = 0
        for i in 1..<4 where get(v, i) > get(v, best) { best = i }
        return best
    }
}
