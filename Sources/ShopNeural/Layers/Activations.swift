/// Branch-free tanh and sigmoid (Eigen's rational approximation, |error| < 1e-6).
///
/// Written without library calls so the compiler vectorises the gate loops;
/// `tanhf`/`expf` per element would dominate an LSTM step otherwise. `@inlinable` so other
/// modules' loops (the copywriting LM's prefix cache) inline and vectorise them too.
@inlinable @inline(__always)
public func fastTanh(_ v: Float) -> Float {
    let x = min(max(v, -7.90531110763549805), 7.90531110763549805)
    let x2 = x * x
    var p: Float = -2.76076847742355e-16
    p = p * x2 + 2.00018790482477e-13
    p = p * x2 + -8.60467152213735e-11
    p = p * x2 + 5.12229709037114e-08
    p = p * x2 + 1.48572235717979e-05
    p = p * x2 + 6.37261928875436e-04
    p = p * x2 + 4.89352455891786e-03
    p = p * x
    var q: Float = 1.19825839466702e-06
    q = q * x2 + 1.18534705686654e-04
    q = q * x2 + 2.26843463243900e-03
    q = q * x2 + 4.89352518554385e-03
    return p / q
}

@inlinable @inline(__always)
public func fastSigmoid(_ x: Float) -> Float {
    0.5 + 0.5 * fastTanh(0.5 * x)
}

/// In-place tanh over `count` values.
@inline(__always)
func tanhInPlace(_ p: UnsafeMutablePointer<Float>, _ count: Int) {
    for i in 0..<count { p[i] = fastTanh(p[i]) }
}

/// exp(x) for x ≤ 88 (relative error < 3e-6 for |x| ≤ 30), branch-free: 2^(x·log2 e) split into an
/// integer power built from the exponent bits and a degree-7 polynomial, so that
/// loops over it vectorise (glibc's `expf` is a call per element).
@inlinable @inline(__always)
public func fastExp(_ v: Float) -> Float {
    let x = min(max(v, -87.0), 88.0)
    let t = x * 1.4426950408889634
    // Round to nearest by adding 1.5·2²³: the integer lands in the low mantissa bits.
    let magic: Float = 12_582_912
    let shifted = t + magic
    let r = shifted - magic
    let f = t - r  // in [-0.5, 0.5]
    let n = Int32(bitPattern: shifted.bitPattern) &- Int32(bitPattern: magic.bitPattern)
    var p: Float = 1.525273380405984e-05
    p = p * f + 1.5403530393381606e-04
    p = p * f + 1.3333558146428443e-03
    p = p * f + 9.618129107628477e-03
    p = p * f + 5.550410866482158e-02
    p = p * f + 0.2402265069591007
    p = p * f + 0.6931471805599453
    p = p * f + 1
    return p * Float(bitPattern: UInt32(bitPattern: (n &+ 127) << 23))
}
