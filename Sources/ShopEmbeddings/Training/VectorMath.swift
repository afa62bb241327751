/// The two vector operations training spends its time in, on raw pointers. Eight-wide
/// SIMD with two accumulators: plain loops stay scalar because Swift will not reorder
/// float additions, and these rows are too short (≈128) for a BLAS call to pay.
enum VectorMath {
    @inline(__always)
    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ n: Int) -> Float {
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

    /// y += alpha * x
    @inline(__always)
    static func axpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
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

    /// x *= alpha
    @inline(__always)
    static func scale(_ alpha: Float, _ x: UnsafeMutablePointer<Float>, _ n: Int) {
        for i in 0..<n { x[i] *= alpha }
    }
}
