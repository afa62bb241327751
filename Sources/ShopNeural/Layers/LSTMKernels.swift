/// The LSTM's element-wise loops, each over few arrays so LLVM vectorises it
/// (with many pointers in one loop it gives up on the aliasing checks).
enum LSTMKernels {
    /// x = sigmoid(x + b)
    @inline(__always)
    static func sigmoid(_ x: UnsafeMutablePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) {
        for j in 0..<n { x[j] = fastSigmoid(x[j] + b[j]) }
    }

    /// x = tanh(x + b)
    @inline(__always)
    static func tanh(_ x: UnsafeMutablePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) {
        for j in 0..<n { x[j] = fastTanh(x[j] + b[j]) }
    }

    @inline(__always)
    static func sigmoid(_ x: UnsafeMutablePointer<Float>, _ n: Int) {
        for j in 0..<n { x[j] = fastSigmoid(x[j]) }
    }

    @inline(__always)
    static func tanh(_ x: UnsafeMutablePointer<Float>, _ n: Int) {
        for j in 0..<n { x[j] = fastTanh(x[j]) }
    }

    @inline(__always)
    static func tanh(_ y: UnsafeMutablePointer<Float>, from x: UnsafePointer<Float>, _ n: Int) {
        for j in 0..<n { y[j] = fastTanh(x[j]) }
    }

    /// Activates one step's gate blocks `[i f g o]` (each `H` wide) in place: sigmoid for i,
    /// f and o, tanh for g, adding `bias` first unless it is nil (the gates already hold it).
    /// Training's cell and inference's share it, so both read the gates the same way.
    @inline(__always)
    static func activateGates(_ g: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>?, _ H: Int) {
        if let bias {
            LSTMKernels.sigmoid(g, bias, 2 * H)
            LSTMKernels.tanh(g + 2 * H, bias + 2 * H, H)
            LSTMKernels.sigmoid(g + 3 * H, bias + 3 * H, H)
        } else {
            LSTMKernels.sigmoid(g, 2 * H)
            LSTMKernels.tanh(g + 2 * H, H)
            LSTMKernels.sigmoid(g + 3 * H, H)
        }
    }

    /// c = f·cPrev + i·g
    @inline(__always)
    static func cell(_ c: UnsafeMutablePointer<Float>, _ i: UnsafePointer<Float>, _ f: UnsafePointer<Float>,
                     _ g: UnsafePointer<Float>, _ cPrev: UnsafePointer<Float>, _ n: Int) {
        for j in 0..<n { c[j] = f[j] * cPrev[j] + i[j] * g[j] }
    }

    /// c = f·c + i·g (in place: a separate `cPrev` that aliases `c` would defeat vectorisation)
    @inline(__always)
    static func cellInPlace(_ c: UnsafeMutablePointer<Float>, _ i: UnsafePointer<Float>, _ f: UnsafePointer<Float>,
                            _ g: UnsafePointer<Float>, _ n: Int) {
        for j in 0..<n { c[j] = f[j] * c[j] + i[j] * g[j] }
    }

    /// h = o·tanh(c)
    @inline(__always)
    static func hidden(_ h: UnsafeMutablePointer<Float>, _ o: UnsafePointer<Float>, _ c: UnsafePointer<Float>, _ n: Int) {
        for j in 0..<n { h[j] = o[j] * fastTanh(c[j]) }
    }

    /// y = a·b
    @inline(__always)
    static func multiply(_ y: UnsafeMutablePointer<Float>, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) {
        for j in 0..<n { y[j] = a[j] * b[j] }
    }

    /// dh += dOut; dc += dh·o·(1 − tc²); o ← dh·tc·o·(1 − o)   (o holds the output gate, becomes its gradient)
    @inline(__always)
    static func backwardOutputGate(_ dh: UnsafeMutablePointer<Float>, _ dOut: UnsafePointer<Float>,
                                   _ o: UnsafeMutablePointer<Float>, _ tc: UnsafePointer<Float>,
                                   _ dc: UnsafeMutablePointer<Float>, _ n: Int) {
        for j in 0..<n { dh[j] += dOut[j] }
        for j in 0..<n {
            let oj = o[j], t = tc[j], d = dh[j]
            dc[j] += d * oj * (1 - t * t)
            o[j] = d * t * oj * (1 - oj)
        }
    }

    /// Given dc (total), the input, forget and candidate gates become their gradients; dc ← dc·f.
    @inline(__always)
    static func backwardCellGates(_ i: UnsafeMutablePointer<Float>, _ f: UnsafeMutablePointer<Float>,
                                  _ g: UnsafeMutablePointer<Float>, _ cPrev: UnsafePointer<Float>,
                                  _ dc: UnsafeMutablePointer<Float>, _ n: Int) {
        for j in 0..<n {
            let ij = i[j], gj = g[j], d = dc[j]
            i[j] = d * gj * ij * (1 - ij)
            g[j] = d * ij * (1 - gj * gj)
        }
        for j in 0..<n {
            let fj = f[j], d = dc[j]
            f[j] = d * cPrev[j] * fj * (1 - fj)
            dc[j] = d * fj
        }
    }
}
