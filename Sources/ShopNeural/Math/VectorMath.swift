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

    /// Σ x[j]·y[j] eight lanes at a time in two SIMD accumulators, for the skip-gram trainer
    /// and the neighbour search (rows of ≈128, too short for a BLAS call to pay). It adds in
    /// another order than `dot`, so each keeps its callers' results: the two are kept apart,
    /// not one replacing the other.
    @inlinable @inline(__always)
    public static func dotSIMD(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ n: Int) -> Float {
        var a0 = SIMD8<Float>(repeating: 0), a1 = SIMD8<Float>(repeating: 0)
        let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
        var i = 0
        while i + 16 <= n {
            a0 += rx.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
                * ry.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
            a1 += rx.loadUnaligned(fromByteOffset: i &* 4 &+ 32, as: SIMD8<Float>.self)
                * ry.loadUnaligned(fromByteOffset: i &* 4 &+ 32, as: SIMD8<Float>.self)
            i &+= 16
        }
        var s = (a0 + a1).sum()
        while i < n { s += x[i] * y[i]; i &+= 1 }
        return s
    }

    /// y += alpha·x, eight lanes at a time.
    @inlinable @inline(__always)
    public static func axpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        let rx = UnsafeRawPointer(x), ry = UnsafeMutableRawPointer(y)
        let a = SIMD8<Float>(repeating: alpha)
        var i = 0
        while i + 8 <= n {
            let v = ry.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
                + a * rx.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
            ry.storeBytes(of: v, toByteOffset: i &* 4, as: SIMD8<Float>.self)
            i &+= 8
        }
        while i < n { y[i] += alpha * x[i]; i &+= 1 }
    }
}
