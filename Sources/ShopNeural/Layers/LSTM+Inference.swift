extension LSTM {
    /// Inference from token ids: the input gates of step t, sequence b are row `ids[t·B + b]`
    /// of a `TokenGateTable` (embedding row · W_ihᵀ + bias) instead of a product with the
    /// embedded input. The result equals `forward` on the embedded ids up to rounding.
    ///
    /// Nothing is kept for a backward pass, so the loop holds one step's gates (`B × 4H`) and
    /// the running cell and hidden state (`B × H` each) in `cache` — small enough to stay in
    /// cache between steps — and writes the hidden states straight into `output` (`T·B` rows,
    /// `outputStride` floats apart; zero past each sequence's end): a BiLSTM passes its
    /// concatenated output, each direction its own columns.
    func infer(ids: UnsafePointer<Int32>, table: TokenGateTable.Columns, steps T: Int, batch B: Int, lengths: [Int],
               cache: Cache, output: UnsafeMutablePointer<Float>, outputStride: Int) {
        let H = hiddenSize, G = 4 * H
        precondition(table.width == G && lengths.count == B && lengths.allSatisfy { $0 <= T })
        cache.steps = 0; cache.batch = B; cache.lengths = lengths  // no activations for backward
        cache.gates.reshape(rows: B, cols: G)
        cache.cells.reset(rows: B, cols: H)
        cache.hidden.reset(rows: B, cols: H)
        if T == 0 || B == 0 { return }
        cache.gates.data.withUnsafeMutableBufferPointer { gp in
        cache.cells.data.withUnsafeMutableBufferPointer { cp in
        cache.hidden.data.withUnsafeMutableBufferPointer { hp in
        weightHH.value.withUnsafeBufferPointer { whh in
            let g0 = gp.baseAddress!, c0 = cp.baseAddress!, h0 = hp.baseAddress!
            for k in 0..<T {
                let t = reverse ? T - 1 - k : k
                // Rows before the first sequence still running at t need no product.
                guard let lo = lengths.firstIndex(where: { t < $0 }) else {
                    for b in 0..<B { (output + (t * B + b) * outputStride).update(repeating: 0, count: H) }
                    continue
                }
                if k > 0 {
                    // States of sequences that have not started yet (reverse direction) are zero.
                    BLAS.gemm(transA: false, transB: true, m: B - lo, n: G, k: H, a: h0 + lo * H, lda: H,
                              b: whh.baseAddress!, ldb: H, beta: 0, c: g0 + lo * G, ldc: G, parallel: false)
                }
                for b in 0..<B {
                    let out = output + (t * B + b) * outputStride
                    guard t < lengths[b] else { out.update(repeating: 0, count: H); continue }
                    let row = g0 + b * G, c = c0 + b * H, h = h0 + b * H
                    let input = table.row(Int(ids[t * B + b]))
                    if k == 0 { row.update(from: input, count: G) }
                    // The token's row is added the way the bias is in `forward` (at k = 0 it is the gates).
                    LSTM.cellInfer(row, k == 0 ? nil : input, c, h, H)
                    out.update(from: h, count: H)
                }
            }
        }}}}
    }

    /// One step of a cell whose states the caller keeps apart (the copywriting LM's prefix
    /// tree): `gates` (`4H`, the input and recurrent products without the bias) are
    /// activated in place with `bias` added, then `c` = f·cPrev + i·g and `h` = o·tanh(c).
    /// The same kernels as `forward`, so the caller's states are the LSTM's.
    public static func step(gates g: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, cPrev: UnsafePointer<Float>,
                            c: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>, hiddenSize H: Int) {
        LSTMKernels.activateGates(g, bias, H)
        LSTMKernels.cell(c, g, g + H, g + 2 * H, cPrev, H)
        LSTMKernels.hidden(h, g + 3 * H, c, H)
    }

    /// `cellForward` without the activations `backward` needs: cell state `c` updated in place,
    /// `h` = o·tanh(c).
    @inline(__always)
    static func cellInfer(_ g: UnsafeMutablePointer<Float>, _ add: UnsafePointer<Float>?,
                          _ c: UnsafeMutablePointer<Float>, _ h: UnsafeMutablePointer<Float>, _ H: Int) {
        LSTMKernels.activateGates(g, add, H)
        LSTMKernels.cellInPlace(c, g, g + H, g + 2 * H, H)
        LSTMKernels.hidden(h, g + 3 * H, c, H)
    }
}
