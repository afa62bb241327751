import ShopKernels

/// Matrix products whose every entry is one fused multiply-add chain over `k` in order from
/// zero, each row computed alone.
///
/// Why not OpenBLAS: Zen's sgemm sums an entry in an order that depends on its row's place
/// in the block it is computed in, so a row's bits change with the rows that share the call.
/// Where rows are computed in an order that depends on thread timing (the sentiment model's
/// token gate table, the copy LM's prefix states), that made outputs differ from run to
/// run. A chain gives the same bits whichever rows share the call, and on every CPU: the C
/// kernels (AVX-512F, or AVX2 with FMA) and the Swift loop below compute the same chain.
public enum ChainProduct {
    /// Whether this CPU runs the C kernels (`ShopKernels`: 16 or 8 wide where Swift's
    /// baseline code is 4); they give the Swift loop's bits.
    public static let kernelsAvailable = shop_log_sum_exp_available() != 0

    /// out[r·columns + j] = Σ_i a[r·k + i] · wT[i·columns + j] for r < rows, j < columns, each
    /// entry a fused multiply-add chain over i from zero. `kernels`: by `shop_output_logits`
    /// (only when `kernelsAvailable`); else in Swift, the same operations (the path for CPUs
    /// without the kernels, and the reference the kernels are tested against).
    public static func product(_ a: UnsafePointer<Float>, rows: Int, k: Int, _ wT: UnsafePointer<Float>, columns: Int,
                               into out: UnsafeMutablePointer<Float>, kernels: Bool = kernelsAvailable) {
        if kernels && kernelsAvailable {
            shop_output_logits(a, rows, k, wT, columns, out)
            return
        }
        for r in 0..<rows {
            let o = out + r * columns
            o.update(repeating: 0, count: columns)
            for i in 0..<k {
                let x = a[r * k + i], w = wT + i * columns
                for j in 0..<columns { o[j] = o[j].addingProduct(x, w[j]) }
            }
        }
    }

    /// `m` (rows × columns, row-major) transposed: the layout `product` reads its weights in.
    public static func transposed(_ m: [Float], rows: Int, columns: Int) -> [Float] {
        var t = [Float](repeating: 0, count: m.count)
        for r in 0..<rows { for c in 0..<columns { t[c * rows + r] = m[r * columns + c] } }
        return t
    }
}
