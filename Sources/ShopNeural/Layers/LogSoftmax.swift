import CBLAS
import Foundation
import ShopCore

/// Row-wise log-softmax over wide rows (a language model's vocabulary), in place,
/// with vectorisable loops and rows split across threads.
public enum LogSoftmax {
    /// Largest value of p[0..<n] (four running maxima: no serial dependency chain).
    /// `@inlinable` so other modules' loops (the copywriting prefix cache) vectorise it too.
    @inlinable @inline(__always)
    public static func maximum(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        var m0 = -Float.infinity, m1 = m0, m2 = m0, m3 = m0
        var j = 0
        while j + 4 <= n {
            m0 = max(m0, p[j]); m1 = max(m1, p[j + 1]); m2 = max(m2, p[j + 2]); m3 = max(m3, p[j + 3])
            j += 4
        }
        while j < n { m0 = max(m0, p[j]); j += 1 }
        return max(max(m0, m1), max(m2, m3))
    }

    /// Replaces each listed row of `rows × n` values by its log-softmax.
    static func inPlace(_ data: UnsafeMutablePointer<Float>, rows: [Int], width n: Int) {
        let box = UncheckedBox(data)
        let parts = rows.count * n >= 1 << 18 ? BLAS.threads : 1
        BLAS.parallel(parts) { part in
            let lo = rows.count * part / parts, hi = rows.count * (part + 1) / parts
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: n)
            defer { scratch.deallocate() }
            for k in lo..<hi {
                let row = box.value + rows[k] * n
                let best = maximum(row, n)
                for j in 0..<n { scratch[j] = fastExp(row[j] - best) }
                let total = cblas_sasum(Int32(n), scratch, 1)  // all terms are positive
                let logZ = best + log(total)
                for j in 0..<n { row[j] -= logZ }
            }
        }
    }
}
