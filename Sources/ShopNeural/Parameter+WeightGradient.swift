extension Parameter {
    /// For a weight used as `Y = X·Wᵀ` (`self` is `rows × cols`, outputs × inputs) on `n`
    /// rows: adds `dYᵀ·X` to the gradient, `dY` being `n × rows` and `X` `n × cols` (callers
    /// skip frozen weights). Every layer's weight gradient is this one product.
    func addWeightGradient(gradOutput dy: UnsafePointer<Float>, input x: UnsafePointer<Float>, count n: Int,
                           parallel: Bool = true) {
        grad.withUnsafeMutableBufferPointer { gw in
            BLAS.gemm(transA: true, transB: false, m: rows, n: cols, k: n, a: dy, lda: rows,
                      b: x, ldb: cols, beta: 1, c: gw.baseAddress!, ldc: cols, parallel: parallel)
        }
    }
}
