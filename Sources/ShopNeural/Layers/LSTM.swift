/// A one-direction LSTM over a padded, time-major batch.
///
/// Input is `T·B × inputSize` (row `t·B + b`), sequences left-aligned with
/// `lengths[b]` valid steps. Past a sequence's end the state is carried unchanged
/// and the output is zero, so a `reverse` LSTM starts each sequence at its own
/// last token. Gates are ordered i, f, g, o (as PyTorch); one bias per gate.
///
/// Speed: the input projection for all steps is one product, the recurrent
/// product is one per step over the whole batch, and the gate non-linearities
/// are one fused, vectorisable loop per step.
public final class LSTM: @unchecked Sendable {
    public let inputSize: Int
    public let hiddenSize: Int
    public let reverse: Bool
    /// `4H × inputSize`
    public let weightIH: Parameter
    /// `4H × H`
    public let weightHH: Parameter
    /// `4H`
    public let bias: Parameter

    /// Activations kept for the backward pass; one per concurrent call.
    public final class Cache: @unchecked Sendable {
        public internal(set) var steps = 0
        public internal(set) var batch = 0
        public internal(set) var lengths: [Int] = []
        /// Activated gates (i, f, g, o), `T·B × 4H`; reused for gate gradients in backward.
        var gates = Matrix(rows: 0, cols: 0)
        /// Cell state after each step, `T·B × H`.
        var cells = Matrix(rows: 0, cols: 0)
        /// tanh(cell) at valid steps, `T·B × H`.
        var tanhCells = Matrix(rows: 0, cols: 0)
        /// Hidden state after each step (carried through padding), `T·B × H`.
        public internal(set) var hidden = Matrix(rows: 0, cols: 0)
        /// The layer output (hidden state, zero at padding), `T·B × H`.
        public internal(set) var output = Matrix(rows: 0, cols: 0)
        var dh = Matrix(rows: 0, cols: 0)
        var dc = Matrix(rows: 0, cols: 0)
        var zeros: [Float] = []
        public init() {}
    }

    public init(inputSize: Int, hiddenSize: Int, reverse: Bool = false, name: String = "lstm",
                rng: inout SeededRandom) {
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.reverse = reverse
        weightIH = Parameter(name: "\(name).weight_ih", rows: 4 * hiddenSize, cols: inputSize)
        weightHH = Parameter(name: "\(name).weight_hh", rows: 4 * hiddenSize, cols: hiddenSize)
        bias = Parameter(name: "\(name).bias", rows: 4 * hiddenSize, cols: 1, decays: false)
        let bound = 1 / Float(hiddenSize).squareRoot()
        weightIH.initUniform(bound, rng: &rng)
        weightHH.initUniform(bound, rng: &rng)
        // Forget gate starts open so early gradients reach far back.
        for j in hiddenSize..<(2 * hiddenSize) { bias.value[j] = 1 }
    }

    public var parameters: [Parameter] { [weightIH, weightHH, bias] }

    @inline(__always) private func step(_ k: Int, _ steps: Int) -> Int { reverse ? steps - 1 - k : k }

    /// Runs the LSTM; the result is `cache.output` (`T·B × H`).
    /// `parallel` lets large products use several threads (off when the caller already runs in parallel);
    /// `writeOutput` false leaves `cache.output` unset (callers that read the hidden states themselves).
    public func forward(_ input: Matrix, batch: Int, lengths: [Int], cache: Cache, parallel: Bool = true,
                        writeOutput: Bool = true) {
        precondition(input.cols == inputSize && input.rows % max(batch, 1) == 0 && lengths.count == batch)
        let T = batch == 0 ? 0 : input.rows / batch
        prepare(cache, steps: T, batch: batch, lengths: lengths, writeOutput: writeOutput)
        if T == 0 || batch == 0 { return }
        fillInputGates(input, cache: cache, parallel: parallel)
        bias.value.withUnsafeBufferPointer { bp in
            recurrence(cache: cache, parallel: parallel, bias: bp.baseAddress!)
        }
        if writeOutput { copyOutput(cache) }
    }

    /// Sizes the cache for a `steps × batch` run.
    private func prepare(_ cache: Cache, steps T: Int, batch B: Int, lengths: [Int], writeOutput: Bool) {
        let H = hiddenSize
        cache.steps = T; cache.batch = B; cache.lengths = lengths
        cache.gates.reshape(rows: T * B, cols: 4 * H)
        cache.cells.reshape(rows: T * B, cols: H)
        cache.tanhCells.reshape(rows: T * B, cols: H)
        cache.hidden.reshape(rows: T * B, cols: H)
        if writeOutput { cache.output.reshape(rows: T * B, cols: H) }
        if cache.zeros.count != H { cache.zeros = [Float](repeating: 0, count: H) }
    }

    /// Input half of the gates for all steps at once: `cache.gates = X · W_ihᵀ` (no bias: the
    /// gate loop adds it, saving a pass over this `T·B × 4H` matrix).
    private func fillInputGates(_ input: Matrix, cache: Cache, parallel: Bool) {
        let G = 4 * hiddenSize
        cache.gates.data.withUnsafeMutableBufferPointer { gp in
            input.data.withUnsafeBufferPointer { xp in
                weightIH.value.withUnsafeBufferPointer { wp in
                    BLAS.gemm(transA: false, transB: true, m: input.rows, n: G, k: inputSize, a: xp.baseAddress!,
                              lda: inputSize, b: wp.baseAddress!, ldb: inputSize, beta: 0, c: gp.baseAddress!, ldc: G,
                              parallel: parallel)
                }
            }
        }
    }

    /// The recurrence over `cache.steps` steps, from the input gates in `cache.gates`; adds
    /// `bias` in the gate loop. Keeps every step's activations for `backward` (inference from
    /// token ids has a leaner loop: `LSTM+Inference.swift`).
    private func recurrence(cache: Cache, parallel: Bool, bias: UnsafePointer<Float>) {
        let H = hiddenSize, G = 4 * H, B = cache.batch, T = cache.steps
        let lengths = cache.lengths
        cache.gates.data.withUnsafeMutableBufferPointer { gp in
            let g0 = gp.baseAddress!
            weightHH.value.withUnsafeBufferPointer { whh in
            cache.cells.data.withUnsafeMutableBufferPointer { cp in
            cache.tanhCells.data.withUnsafeMutableBufferPointer { tp in
            cache.hidden.data.withUnsafeMutableBufferPointer { hp in
            cache.zeros.withUnsafeBufferPointer { zp in
                for k in 0..<T {
                    let t = step(k, T)
                    let g = g0 + t * B * G
                    let prev = k == 0 ? -1 : step(k - 1, T)
                    if prev >= 0 {
                        BLAS.gemm(transA: false, transB: true, m: B, n: G, k: H, a: hp.baseAddress! + prev * B * H,
                                  lda: H, b: whh.baseAddress!, ldb: H, beta: 1, c: g, ldc: G, parallel: parallel)
                    }
                    for b in 0..<B {
                        let row = g + b * G
                        let cPrev = prev >= 0 ? UnsafePointer(cp.baseAddress! + (prev * B + b) * H) : zp.baseAddress!
                        let hPrev = prev >= 0 ? UnsafePointer(hp.baseAddress! + (prev * B + b) * H) : zp.baseAddress!
                        let c = cp.baseAddress! + (t * B + b) * H
                        let tc = tp.baseAddress! + (t * B + b) * H
                        let h = hp.baseAddress! + (t * B + b) * H
                        if t < lengths[b] {
                            LSTM.cellForward(row, bias, cPrev, c, tc, h, H)
                        } else {
                            c.update(from: cPrev, count: H)
                            h.update(from: hPrev, count: H)
                            tc.update(repeating: 0, count: H)
                            row.update(repeating: 0, count: G)
                        }
                    }
                }
            }}}}}
        }
    }

    /// `cache.output`: the hidden state, zero past each sequence's end.
    private func copyOutput(_ cache: Cache) {
        let H = hiddenSize, B = cache.batch, rows = cache.steps * cache.batch, lengths = cache.lengths
        cache.output.data.withUnsafeMutableBufferPointer { op in
            cache.hidden.data.withUnsafeBufferPointer { hp in
                for i in 0..<rows {
                    let dst = op.baseAddress! + i * H
                    if i / B < lengths[i % B] { dst.update(from: hp.baseAddress! + i * H, count: H) }
                    else { dst.update(repeating: 0, count: H) }
                }
            }
        }
    }

    /// The gate step for one sequence: activates the gates in place (adding `bias` unless the
    /// gates already hold it) and writes c, tanh(c), h.
    /// Split into loops over at most three arrays each so the compiler vectorises them.
    @inline(__always)
    static func cellForward(_ g: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>?,
                            _ cPrev: UnsafePointer<Float>,
                            _ c: UnsafeMutablePointer<Float>, _ tc: UnsafeMutablePointer<Float>,
                            _ h: UnsafeMutablePointer<Float>, _ H: Int) {
        LSTMKernels.activateGates(g, bias, H)
        LSTMKernels.cell(c, g, g + H, g + 2 * H, cPrev, H)
        LSTMKernels.tanh(tc, from: c, H)
        LSTMKernels.multiply(h, g + 3 * H, tc, H)
    }

    /// Back-propagates `gradOutput` (`T·B × H`, ignored at padding) through the sequence.
    /// Accumulates the weight gradients and writes `gradInput` (`T·B × inputSize`) when asked.
    public func backward(input: Matrix, gradOutput: Matrix, cache: Cache, gradInput: inout Matrix,
                         computeInputGradient: Bool = true, parallel: Bool = true) {
        let H = hiddenSize, G = 4 * H, B = cache.batch, T = cache.steps
        let lengths = cache.lengths
        if computeInputGradient { gradInput.reset(rows: T * B, cols: inputSize) }
        if T == 0 || B == 0 { return }
        cache.dh.reset(rows: B, cols: H)
        cache.dc.reset(rows: B, cols: H)
        cache.gates.data.withUnsafeMutableBufferPointer { gp in
        cache.cells.data.withUnsafeBufferPointer { cp in
        cache.tanhCells.data.withUnsafeBufferPointer { tp in
        cache.hidden.data.withUnsafeBufferPointer { hp in
        cache.dh.data.withUnsafeMutableBufferPointer { dhp in
        cache.dc.data.withUnsafeMutableBufferPointer { dcp in
        cache.zeros.withUnsafeBufferPointer { zp in
        gradOutput.data.withUnsafeBufferPointer { gop in
        weightHH.value.withUnsafeBufferPointer { whh in
            let g0 = gp.baseAddress!
            for k in stride(from: T - 1, through: 0, by: -1) {
                let t = step(k, T)
                let prev = k == 0 ? -1 : step(k - 1, T)
                for b in 0..<B where t < lengths[b] {
                    let cPrev = prev >= 0 ? cp.baseAddress! + (prev * B + b) * H : zp.baseAddress!
                    LSTM.cellBackward(g0 + (t * B + b) * G, cPrev, tp.baseAddress! + (t * B + b) * H,
                                      gop.baseAddress! + (t * B + b) * H, dhp.baseAddress! + b * H,
                                      dcp.baseAddress! + b * H, H)
                }
                // Rows past a sequence's end carry dh, dc through unchanged (their gate rows are zero).
                if prev >= 0 {
                    BLAS.gemm(transA: false, transB: false, m: B, n: H, k: G, a: g0 + t * B * G, lda: G,
                              b: whh.baseAddress!, ldb: H, beta: 1, c: dhp.baseAddress!, ldc: H, parallel: parallel)
                }
            }
        }}}}}}}}}
        // Weight gradients: one product each over all steps.
        cache.gates.data.withUnsafeBufferPointer { dg in
            let d0 = dg.baseAddress!
            if !weightHH.isFrozen && T > 1 {
                cache.hidden.data.withUnsafeBufferPointer { hp in
                    // forward: gates of step t pair with hidden of t-1; reverse: t with t+1.
                    let dgStart = reverse ? 0 : B, hStart = reverse ? B : 0
                    weightHH.addWeightGradient(gradOutput: d0 + dgStart * G, input: hp.baseAddress! + hStart * H,
                                               count: (T - 1) * B, parallel: parallel)
                }
            }
            if !weightIH.isFrozen {
                input.data.withUnsafeBufferPointer { xp in
                    weightIH.addWeightGradient(gradOutput: d0, input: xp.baseAddress!, count: T * B, parallel: parallel)
                }
            }
            if !bias.isFrozen {
                bias.grad.withUnsafeMutableBufferPointer { gb in
                    for r in 0..<(T * B) {
                        let row = d0 + r * G
                        for j in 0..<G { gb[j] += row[j] }
                    }
                }
            }
            if computeInputGradient {
                gradInput.data.withUnsafeMutableBufferPointer { gx in
                    weightIH.value.withUnsafeBufferPointer { w in
                        BLAS.gemm(transA: false, transB: false, m: T * B, n: inputSize, k: G, a: d0, lda: G,
                                  b: w.baseAddress!, ldb: inputSize, beta: 0, c: gx.baseAddress!, ldc: inputSize,
                                  parallel: parallel)
                    }
                }
            }
        }
    }

    /// Gate gradients for one valid (t, b): overwrites the activated gates `g` with dGates,
    /// reads and updates the running dh, dc (dh is zeroed: the recurrent product refills it).
    @inline(__always)
    static func cellBackward(_ g: UnsafeMutablePointer<Float>, _ cPrev: UnsafePointer<Float>,
                             _ tc: UnsafePointer<Float>, _ dOut: UnsafePointer<Float>,
                             _ dh: UnsafeMutablePointer<Float>, _ dc: UnsafeMutablePointer<Float>, _ H: Int) {
        LSTMKernels.backwardOutputGate(dh, dOut, g + 3 * H, tc, dc, H)  // dh ← dh+dOut; dc ← dc + dh·o·(1−tc²); g_o ← dO
        LSTMKernels.backwardCellGates(g, g + H, g + 2 * H, cPrev, dc, H)  // g_i, g_f, g_g ← their gradients; dc ← dc·f
        dh.update(repeating: 0, count: H)
    }
}
