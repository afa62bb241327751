/// Small vector kernels other modules call in their own hot loops (`@inlinable`, so they
/// inline and vectorise there: across modules a plain public function is a call per use).
public enum VectorMath {
    /// Σ x[j]·y[j] in four independent sums: a single running sum is a dependency chain
    /// the compiler may not reorder (strict floating point), so it would not vectorise.
    @inlinable @inline(__always)
    public static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ n: Int) -> Float {
        var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
        var j = 0
        while j + 4 <= n {
            s0 += x[j] * y[j]; s1 += x[j + 1] * y[j + 1]; s2 += x[j + 2] * y[j + 2]; s3 += x[j + 3] * y[j + 3]
            j += 4
        }
        while j < n { s0 += x[j] * y[j]; j += 1 }
        return (s0 + s1) + (s2 + s3)
    }
}
