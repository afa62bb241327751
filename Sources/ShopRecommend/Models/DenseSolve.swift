/// Small dense symmetric positive-definite solves for the per-user/per-item ALS systems
/// (k×k, k ≈ 16–128): too small for LAPACK's call overhead to pay.
enum DenseSolve {
    /// Solves A x = b in place by Cholesky (A is k×k row-major, overwritten with L).
    /// Accumulates in Double: Float Cholesky loses accuracy once confidences reach ~100.
    /// Returns false when A is not positive definite.
    static func cholesky(_ a: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>, k: Int) -> Bool {
        for j in 0..<k {
            var d = Double(a[j * k + j])
            for p in 0..<j { d -= Double(a[j * k + p]) * Double(a[j * k + p]) }
            if d <= 0 { return false }
            let ljj = d.squareRoot()
            a[j * k + j] = Float(ljj)
            for i in (j + 1)..<max(j + 1, k) {
                var s = Double(a[i * k + j])
                for p in 0..<j { s -= Double(a[i * k + p]) * Double(a[j * k + p]) }
                a[i * k + j] = Float(s / ljj)
            }
        }
        // Forward: L y = b, then backward: Lᵀ x = y.
        for i in 0..<k {
            var s = Double(b[i])
            for p in 0..<i { s -= Double(a[i * k + p]) * Double(b[p]) }
            b[i] = Float(s / Double(a[i * k + i]))
        }
        for i in stride(from: k - 1, through: 0, by: -1) {
            var s = Double(b[i])
            for p in (i + 1)..<max(i + 1, k) { s -= Double(a[p * k + i]) * Double(b[p]) }
            b[i] = Float(s / Double(a[i * k + i]))
        }
        return true
    }
}
