import ShopCore

/// A bidirectional LSTM: a forward and a reverse `LSTM` over the same padded batch,
/// outputs concatenated (`T·B × 2H`: forward in columns 0..<H, reverse in H..<2H).
///
/// The two directions are independent, so they run on two threads at once
/// (each with single-threaded BLAS): that is how this layer uses both cores.
public final class BiLSTM: @unchecked Sendable {
    public let forwardLSTM: LSTM
    public let reverseLSTM: LSTM
    public var inputSize: Int { forwardLSTM.inputSize }
    public var hiddenSize: Int { forwardLSTM.hiddenSize }
    public var outputSize: Int { 2 * forwardLSTM.hiddenSize }

    public final class Cache: @unchecked Sendable {
        public let forward = LSTM.Cache()
        public let reverse = LSTM.Cache()
        /// `T·B × 2H`
        public internal(set) var output = Matrix(rows: 0, cols: 0)
        var gradForward = Matrix(rows: 0, cols: 0)
        var gradReverse = Matrix(rows: 0, cols: 0)
        var gradInputForward = Matrix(rows: 0, cols: 0)
        var gradInputReverse = Matrix(rows: 0, cols: 0)
        public init() {}
    }

    public init(inputSize: Int, hiddenSize: Int, name: String = "bilstm", rng: inout SeededRandom) {
        forwardLSTM = LSTM(inputSize: inputSize, hiddenSize: hiddenSize, reverse: false, name: "\(name).fwd", rng: &rng)
        reverseLSTM = LSTM(inputSize: inputSize, hiddenSize: hiddenSize, reverse: true, name: "\(name).rev", rng: &rng)
    }

    public var parameters: [Parameter] { forwardLSTM.parameters + reverseLSTM.parameters }

    public func forward(_ input: Matrix, batch: Int, lengths: [Int], cache: Cache) {
        let box = UncheckedBox((self, input, cache))
        BLAS.parallel(2) { d in
            let (layer, x, c) = box.value
            if d == 0 {
                layer.forwardLSTM.forward(x, batch: batch, lengths: lengths, cache: c.forward, parallel: false,
                                          writeOutput: false)
            } else {
                layer.reverseLSTM.forward(x, batch: batch, lengths: lengths, cache: c.reverse, parallel: false,
                                          writeOutput: false)
            }
        }
        concatenate(cache, batch: batch, lengths: lengths)
    }

    /// Padded tokens (steps × batch) from which inference runs the two directions on two threads.
    static let parallelInferenceTokens = 256

    /// Inference from token ids (`steps · batch`, time-major, in range) with the input gates
    /// looked up in `table` instead of computed from embedded inputs: same output as
    /// `forward` on the embedded ids up to rounding, without the input products. Leaves
    /// nothing for `backward`.
    /// `parallelFrom`: padded tokens from which the directions run on two threads (tests vary it).
    func forward(ids: [Int32], table: TokenGateTable, steps: Int, batch: Int, lengths: [Int], cache: Cache,
                 parallelFrom: Int = BiLSTM.parallelInferenceTokens) {
        precondition(ids.count == steps * batch && table.hiddenSize == hiddenSize)
        let H = hiddenSize
        cache.output.reshape(rows: steps * batch, cols: 2 * H)
        ids.withUnsafeBufferPointer { idp in
            cache.output.data.withUnsafeMutableBufferPointer { op in
                let box = UncheckedBox((self, table, cache, idp.baseAddress!, op.baseAddress!))
                // The directions are independent (same result on one thread or two); a short
                // batch (one chat message) is cheaper in turn than the hand-off to a second thread.
                let direction: @Sendable (Int) -> Void = { d in
                    let (layer, tab, c, idsPtr, out) = box.value
                    let lstm = d == 0 ? layer.forwardLSTM : layer.reverseLSTM
                    lstm.infer(ids: idsPtr, table: d == 0 ? tab.forwardColumns : tab.reverseColumns, steps: steps,
                               batch: batch, lengths: lengths, cache: d == 0 ? c.forward : c.reverse,
                               output: out + d * H, outputStride: 2 * H)
                }
                if steps * batch >= parallelFrom {
                    BLAS.parallel(2, direction)
                } else {
                    direction(0)
                    direction(1)
                }
            }
        }
    }

    /// `cache.output`: both directions' hidden states side by side, zero past each sequence's end.
    private func concatenate(_ cache: Cache, batch B: Int, lengths: [Int]) {
        let H = hiddenSize, rows = cache.forward.hidden.rows
        cache.output.reshape(rows: rows, cols: 2 * H)
        cache.output.data.withUnsafeMutableBufferPointer { o in
            cache.forward.hidden.data.withUnsafeBufferPointer { f in
                cache.reverse.hidden.data.withUnsafeBufferPointer { r in
                    for i in 0..<rows {
                        let dst = o.baseAddress! + i * 2 * H
                        if i / B < lengths[i % B] {
                            dst.update(from: f.baseAddress! + i * H, count: H)
                            (dst + H).update(from: r.baseAddress! + i * H, count: H)
                        } else {
                            dst.update(repeating: 0, count: 2 * H)
                        }
                    }
                }
            }
        }
    }

    /// Back-propagates `gradOutput` (`T·B × 2H`); writes `gradInput` (`T·B × inputSize`) when asked.
    public func backward(input: Matrix, gradOutput: Matrix, cache: Cache, gradInput: inout Matrix,
                         computeInputGradient: Bool = true) {
        let H = hiddenSize, rows = gradOutput.rows
        cache.gradForward.reshape(rows: rows, cols: H)
        cache.gradReverse.reshape(rows: rows, cols: H)
        gradOutput.data.withUnsafeBufferPointer { g in
            cache.gradForward.data.withUnsafeMutableBufferPointer { f in
                cache.gradReverse.data.withUnsafeMutableBufferPointer { r in
                    for i in 0..<rows {
                        (f.baseAddress! + i * H).update(from: g.baseAddress! + i * 2 * H, count: H)
                        (r.baseAddress! + i * H).update(from: g.baseAddress! + i * 2 * H + H, count: H)
                    }
                }
            }
        }
        let box = UncheckedBox((self, input, cache))
        BLAS.parallel(2) { d in
            let (layer, x, c) = box.value
            if d == 0 {
                layer.forwardLSTM.backward(input: x, gradOutput: c.gradForward, cache: c.forward,
                                           gradInput: &c.gradInputForward,
                                           computeInputGradient: computeInputGradient, parallel: false)
            } else {
                layer.reverseLSTM.backward(input: x, gradOutput: c.gradReverse, cache: c.reverse,
                                           gradInput: &c.gradInputReverse,
                                           computeInputGradient: computeInputGradient, parallel: false)
            }
        }
        if computeInputGradient {
            gradInput.reshape(rows: rows, cols: inputSize)
            gradInput.data.withUnsafeMutableBufferPointer { o in
                cache.gradInputForward.data.withUnsafeBufferPointer { a in
                    cache.gradInputReverse.data.withUnsafeBufferPointer { b in
                        for i in 0..<o.count { o[i] = a[i] + b[i] }
                    }
                }
            }
        }
    }
}
