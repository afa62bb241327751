/// A weight used as a linear map, `Y = X·Wᵀ` (`self` is `rows × cols`, outputs × inputs), on
/// `n` rows at a time: the three products every layer with a weight matrix needs (forward,
/// input gradient, weight gradient), written once.
extension Parameter {
    /// `y` (`n × rows`) = `bias` on every row + `X·Wᵀ`, `X` being `n × cols`.
    func affine(input x: UnsafePointer<Float>, count n: Int, bias: Parameter, into y: UnsafeMutablePointer<Float>,
                parallel: Bool = true) {
        bias.value.withUnsafeBufferPointer { b in
            for r in 0..<n { (y + r * rows).update(from: b.baseAddress!, count: rows) }
        }
        addProduct(input: x, count: n, into: y, parallel: parallel)
    }

    /// `y` (`n × rows`) += `X·Wᵀ`, `X` being `n × cols`.
    func addProduct(input x: UnsafePointer<Float>, count n: Int, into y: UnsafeMutablePointer<Float>, parallel: Bool = true) {
        value.withUnsafeBufferPointer { w in
            BLAS.gemm(transA: false, transB: true, m: n, n: rows, k: cols, a: x, lda: cols,
                      b: w.baseAddress!, ldb: cols, beta: 1, c: y, ldc: rows, parallel: parallel)
        }
    }

    /// `dX` (`n × cols`) = `dY·W` + `beta`·`dX`, `dY` being `n × rows`.
    func inputGradient(gradOutput dy: UnsafePointer<Float>, count n: Int, into dx: UnsafeMutablePointer<Float>,
                       beta: Float, parallel: Bool = true) {
        value.withUnsafeBufferPointer { w in
            BLAS.gemm(transA: false, transB: false, m: n, n: cols, k: rows, a: dy, lda: rows,
                      b: w.baseAddress!, ldb: cols, beta: beta, c: dx, ldc: cols, parallel: parallel)
        }
    }

    /// Adds `dYᵀ·X` to the gradient, `dY` being `n × rows` and `X` `n × cols` (callers skip
    /// frozen weights).
    func addWeightGradient(gradOutput dy: UnsafePointer<Float>, input x: UnsafePointer<Float>, count n: Int,
                           parallel: Bool = true) {
        grad.withUnsafeMutableBufferPointer { gw in
            BLAS.gemm(transA: true, transB: false, m: rows, n: cols, k: n, a: dy, lda: rows,
                      b: x, ldb: cols, beta: 1, c: gw.baseAddress!, ldc: cols, parallel: parallel)
        }
    }
}
