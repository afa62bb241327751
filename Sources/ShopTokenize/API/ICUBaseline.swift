/// Plain ICU word breaking with no rules and no model: whitespace dropped, every other ICU
/// segment a word. The anchor the benchmarks measure in the same run as the tokenizer.
/// One instance per thread (it owns one ICU iterator).
public final class ICUBaseline {
    private let pool: WordBreakPool
    private var ends: [Int32] = []

    public init() throws { pool = try WordBreakPool(locale: "zh") }

    public func words(_ text: String) -> [String] {
        let utf16 = Array(text.utf16)
        var out: [String] = []
        utf16.withUnsafeBufferPointer { t in
            pool.segmentEnds(t, 0..<t.count, into: &ends)
            var s = 0
            for e32 in ends {
                let e = Int(e32)
                if !CharClass.isWhitespace(t.scalar(at: s).value) {
                    out.append(String(decoding: UnsafeBufferPointer(rebasing: t[s..<e]), as: UTF16.self))
                }
                s = e
            }
        }
        return out
    }
}
