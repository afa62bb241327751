import Foundation
import ShopKernels
import ShopNeural

/// Scores token sequences under one `LSTMLanguageModel`, computing each distinct prefix once.
///
/// Why: ranking scores thousands of template sentences that share long prefixes (the same
/// opening words, the same product type before a slot). A prefix's LSTM state and its
/// log-normaliser over the vocabulary depend on the prefix alone, and the normaliser is
/// the expensive part (a `vocab × hidden` product and `vocab` exponentials per token). This
/// cache is a trie of prefixes holding both, so a new sentence pays only for the tokens past
/// its longest cached prefix; the new prefixes of a batch are computed level by level in
/// fixed-size matrix products.
///
/// The arithmetic is `LSTMLanguageModel.tokenLogProbabilities(of:)`'s (the cell is ShopNeural's `LSTM.step`,
/// input projection as a per-token table, the same log-softmax); results agree within float
/// rounding. A prefix's figures never depend on which other sequences share its batch.
/// Not thread-safe: give each thread its own (`LMFluencyScorer` keeps a pool).
public final class PrefixStateCache {
    public let model: LSTMLanguageModel
    let H: Int, G: Int, V: Int
    let maxLength: Int
    /// `vocab × 4H`: embedding · W_ihᵀ, the input part of the gates for each token.
    let inputGates: [Float]
    let weightHH: [Float], gateBias: [Float]
    let outWeight: [Float], outBias: [Float]
    /// `hidden × vocab` and `hidden × 4H`: the output and recurrent weights transposed, for
    /// the kernels (empty without them).
    let outWeightT: [Float], weightHHT: [Float]

    /// Node 0 is the zero state before the first token; node n > 0 is the state after its
    /// prefix. Mapped at the first batch for `maxNodes` nodes (`MappedFloats`).
    private var hidden = MappedFloats(count: 1)
    private var cell = MappedFloats(count: 1)
    /// log Σ exp(logits) at each node (the normaliser for predicting the next token).
    private var logZ = MappedFloats(count: 1)
    /// (parent << 32 | token) → child node.
    private var children = PrefixChildren()
    public private(set) var nodeCount = 0
    /// The trie is emptied before a batch when it would hold more nodes than this (each node
    /// keeps 2 × hidden + 1 floats: 16 MB at hidden 64).
    public var maxNodes = 1 << 15
    /// Prefix states computed so far (a measure of the work done).
    public private(set) var computedNodes = 0

    // Scratch for one level / one chunk.
    private var gates: [Float] = []
    private var parentHidden: [Float] = []
    private var normaliserInput: [Float] = []
    private var logits: [Float] = []

    /// Whether this cache computes with the AVX-512 kernels (`shop_output_log_normalisers`,
    /// `shop_lstm_cell`) instead of OpenBLAS products and the Swift cell. Both give the same
    /// bits (`OutputNormaliserKernelTests`); the kernels skip repacking the weights for every
    /// block and the zero-padded rows.
    public let kernels: Bool

    /// `kernels`: use the AVX-512 kernels (default: when this CPU has them, the hidden size
    /// is a multiple of 16 and the vocabulary at least `minimumColumns`); false forces the
    /// reference path.
    public init(model: LSTMLanguageModel, kernels: Bool? = nil) {
        self.model = model
        let cfg = model.config
        H = cfg.hiddenSize
        G = 4 * H
        V = cfg.vocabSize
        maxLength = cfg.maxLength
        let E = cfg.embedDim
        var table = [Float](repeating: 0, count: V * G)
        let emb = model.embedding.weight.value, wih = model.lstm.weightIH.value
        let (v, g) = (V, G)
        emb.withUnsafeBufferPointer { e in
            wih.withUnsafeBufferPointer { w in
                table.withUnsafeMutableBufferPointer { t in
                    BLAS.gemm(transA: false, transB: true, m: v, n: g, k: E, a: e.baseAddress!, lda: E,
                              b: w.baseAddress!, ldb: E, beta: 0, c: t.baseAddress!, ldc: g, parallel: false)
                }
            }
        }
        inputGates = table
        weightHH = model.lstm.weightHH.value
        gateBias = model.lstm.bias.value
        outWeight = model.output.weight.value
        outBias = model.output.bias.value
        self.kernels = (kernels ?? Self.vectorKernel) && Self.vectorKernel && H % 16 == 0 && V >= Self.minimumColumns
        outWeightT = self.kernels ? Self.transposed(outWeight, rows: V, columns: H) : []
        weightHHT = self.kernels ? Self.transposed(weightHH, rows: G, columns: H) : []
        reset()
    }

    /// Forgets every cached prefix. Node storage is kept: a node's state and normaliser are
    /// written when it is created, before anything reads them, and node 0 (the zero state)
    /// is never written.
    public func reset() {
        children.removeAll()
        nodeCount = 1
    }

    /// Nodes with storage.
    private var capacity = 0

    /// Storage for nodes `0..<n`: mapped for `maxNodes + 1` nodes at once (pages are
    /// touched as nodes are written), more only when one batch needs more. Node 0, the zero
    /// state, is the only node read before it is written: fresh storage reads as zero
    /// (refilling storage with zeros on every reset was a twentieth of English `describe`).
    private func reserve(nodes n: Int) {
        guard n > capacity else { return }
        let target = capacity == 0 ? max(n, maxNodes + 1) : max(n, 2 * capacity)
        if capacity == 0 {
            hidden = MappedFloats(count: target * H)
            cell = MappedFloats(count: target * H)
            logZ = MappedFloats(count: target)
        } else {
            hidden.grow(to: target * H)
            cell.grow(to: target * H)
            logZ.grow(to: target)
        }
        capacity = target
    }

    /// Log-probability of each token after the first given the tokens before it, summed, and
    /// the number of such tokens, for each sequence (cut to the model's `maxLength` as
    /// `LSTMLanguageModel` does). Ids outside the vocabulary read as the unknown id.
    public func logProbabilities(_ sequences: [[Int32]]) -> [(logProb: Float, tokens: Int)] {
        let vocab = Int32(V), unk = model.config.unknownIndex
        let seqs = sequences.map { s in s.prefix(maxLength).map { ($0 >= 0 && $0 < vocab) ? $0 : unk } }
        let upperBound = seqs.reduce(0) { $0 + max(0, $1.count - 1) }
        if nodeCount + upperBound > maxNodes { reset() }

        // Walk every sequence down the trie; create the missing prefixes level by level.
        // paths[s][j] = node after seqs[s][0...j] (j < count - 1: the states that predict).
        var paths = seqs.map { s -> [Int32] in var p = [Int32](); p.reserveCapacity(max(0, s.count - 1)); return p }
        var cursor = [Int32](repeating: 0, count: seqs.count)
        var active = seqs.indices.filter { seqs[$0].count > 1 }
        let firstNew = nodeCount
        while !active.isEmpty {
            let levelStart = nodeCount
            var created: [(node: Int32, parent: Int32, token: Int32)] = []
            var still: [Int] = []
            for s in active {
                let seq = seqs[s]
                var node = cursor[s]
                var j = paths[s].count
                while j < seq.count - 1 {
                    if let child = children[node, seq[j]] {
                        node = child
                        paths[s].append(child)
                        j += 1
                        // A prefix created in this level has no state yet: continue next level.
                        if Int(child) >= levelStart { break }
                    } else {
                        let child = Int32(nodeCount)
                        nodeCount += 1
                        children.insert(parent: node, token: seq[j], child: child)
                        created.append((child, node, seq[j]))
                        node = child
                        paths[s].append(child)
                        j += 1
                        break
                    }
                }
                cursor[s] = node
                if j < seq.count - 1 { still.append(s) }
            }
            if !created.isEmpty { computeStates(created) }
            active = still
        }
        if nodeCount > firstNew { computeNormalisers(from: firstNew) }
        computedNodes += nodeCount - firstNew

        var out = [(logProb: Float, tokens: Int)](repeating: (0, 0), count: seqs.count)
        let h0 = hidden.base, z0 = logZ.base
        outWeight.withUnsafeBufferPointer { wp in
            for (s, seq) in seqs.enumerated() where seq.count > 1 {
                var total: Float = 0
                for (j, node) in paths[s].enumerated() {
                    let target = Int(seq[j + 1])
                    let logit = VectorMath.dot(h0 + Int(node) * H, wp.baseAddress! + target * H, H) + outBias[target]
                    total += logit - z0[Int(node)]
                }
                out[s] = (total, paths[s].count)
            }
        }
        return out
    }

    /// Rows per matrix product on the reference path (the kernels compute each row alone and
    /// need no padding): every product of a kind has exactly this many rows (the
    /// last block zero-padded), so BLAS takes the same path for every block and a prefix's
    /// figures are bit-for-bit the same whatever else is in its batch: the output of a run
    /// does not depend on how products were batched or spread over threads. The output
    /// layer's block is larger so that packing its `vocab × hidden` weights is amortised.
    static let stateBlock = 32, normaliserBlock = 128

    /// LSTM step for one level of new prefixes: gates = table[token] + h_parent · W_hhᵀ, then
    /// `LSTM.cellForward`'s kernels (sigmoid/tanh with the bias added, c = f·c' + i·g, h = o·tanh c).
    private func computeStates(_ created: [(node: Int32, parent: Int32, token: Int32)]) {
        let m = created.count, H = H, G = G, R = Self.stateBlock
        reserve(nodes: nodeCount)
        if gates.count != R * G { gates = [Float](repeating: 0, count: R * G) }
        if parentHidden.count != R * H { parentHidden = [Float](repeating: 0, count: R * H) }
        let h0 = hidden.base, c0 = cell.base
        gates.withUnsafeMutableBufferPointer { gp in
        parentHidden.withUnsafeMutableBufferPointer { pp in
        inputGates.withUnsafeBufferPointer { tp in
        weightHH.withUnsafeBufferPointer { whh in
        weightHHT.withUnsafeBufferPointer { whhT in
        gateBias.withUnsafeBufferPointer { bp in
            let g0 = gp.baseAddress!, p0 = pp.baseAddress!, b = bp.baseAddress!
            var start = 0
            if kernels {
                // h_parent · W_hhᵀ for the block's rows only, then the cell adds the token's row.
                while start < m {
                    let n = min(R, m - start)
                    for r in 0..<n { (p0 + r * H).update(from: h0 + Int(created[start + r].parent) * H, count: H) }
                    shop_output_logits(p0, n, H, whhT.baseAddress!, G, g0)
                    for r in 0..<n {
                        let c = created[start + r]
                        shop_lstm_cell(g0 + r * G, tp.baseAddress! + Int(c.token) * G, b, c0 + Int(c.parent) * H,
                                       c0 + Int(c.node) * H, h0 + Int(c.node) * H, H)
                    }
                    start += n
                }
                return
            }
            while start < m {
                let n = min(R, m - start)
                for r in 0..<R {
                    if r < n {
                        let c = created[start + r]
                        (g0 + r * G).update(from: tp.baseAddress! + Int(c.token) * G, count: G)
                        (p0 + r * H).update(from: h0 + Int(c.parent) * H, count: H)
                    } else {
                        (g0 + r * G).update(repeating: 0, count: G)
                        (p0 + r * H).update(repeating: 0, count: H)
                    }
                }
                BLAS.gemm(transA: false, transB: true, m: R, n: G, k: H, a: p0, lda: H, b: whh.baseAddress!, ldb: H,
                          beta: 1, c: g0, ldc: G, parallel: false)
                for r in 0..<n {
                    let c = created[start + r]
                    let g = g0 + r * G
                    let cPrev = UnsafePointer(c0 + Int(c.parent) * H)
                    let cNew = c0 + Int(c.node) * H, hNew = h0 + Int(c.node) * H
                    LSTM.step(gates: g, bias: b, cPrev: cPrev, c: cNew, h: hNew, hiddenSize: H)
                }
                start += n
            }
        }}}}}}
    }

    /// logZ of nodes `from..<nodeCount`: logits = h · W_outᵀ + b, a block of rows at a time,
    /// then max + log Σ exp per row.
    private func computeNormalisers(from first: Int) {
        let V = V, H = H, R = Self.normaliserBlock
        if kernels {
            let G = Int(SHOP_OUTPUT_GROUP_ROWS)
            if logits.count != G * V { logits = [Float](repeating: 0, count: G * V) }
            let rows = nodeCount - first
            outWeightT.withUnsafeBufferPointer { wp in
            outBias.withUnsafeBufferPointer { bp in
            logits.withUnsafeMutableBufferPointer { sp in
                shop_output_log_normalisers(hidden.base + first * H, rows, H, wp.baseAddress!, bp.baseAddress!, V,
                                            sp.baseAddress!, logZ.base + first)
            }}}
            return
        }
        if logits.count != R * V { logits = [Float](repeating: 0, count: R * V) }
        if normaliserInput.count != R * H { normaliserInput = [Float](repeating: 0, count: R * H) }
        var start = first
        while start < nodeCount {
            let n = min(R, nodeCount - start)
            logits.withUnsafeMutableBufferPointer { lp in
            normaliserInput.withUnsafeMutableBufferPointer { ap in
                let l0 = lp.baseAddress!, a0 = ap.baseAddress!
                a0.update(from: hidden.base + start * H, count: n * H)
                if n < R { (a0 + n * H).update(repeating: 0, count: (R - n) * H) }
                outWeight.withUnsafeBufferPointer { wp in
                    BLAS.gemm(transA: false, transB: true, m: R, n: V, k: H, a: a0, lda: H,
                              b: wp.baseAddress!, ldb: H, beta: 0, c: l0, ldc: V, parallel: false)
                }
                // The bias is added in the first pass over each row (h·Wᵀ + b, as Dense's
                // bias-then-accumulate gives), saving a pass over the block.
                outBias.withUnsafeBufferPointer { bp in
                    for r in 0..<n { logZ.base[start + r] = Self.logSumExp(l0 + r * V, bias: bp.baseAddress!, V) }
                }
            }}
            start += n
        }
    }

    /// Whether this CPU runs the C kernel (`shop_log_sum_exp`, AVX-512), which is a third of
    /// describe's LM time done 16 wide instead of 4; it gives the same bits as the reference.
    static let vectorKernel = shop_log_sum_exp_available() != 0

    /// The narrowest output layer the kernels take: OpenBLAS sums products fewer than 10
    /// columns wide in another order, so its bits are only matched from here (the copy LMs
    /// have 1,340 and 3,331 words; the gates are 4H ≥ 64 wide).
    static let minimumColumns = 64

    /// `m` (rows × columns, row-major) transposed.
    static func transposed(_ m: [Float], rows: Int, columns: Int) -> [Float] {
        var t = [Float](repeating: 0, count: m.count)
        for r in 0..<rows { for c in 0..<columns { t[c * rows + r] = m[r * columns + c] } }
        return t
    }

    /// max + log Σ exp(x − max), as ShopNeural's `LogSoftmax` after adding the bias (p is overwritten).
    @inline(__always)
    static func logSumExp(_ p: UnsafeMutablePointer<Float>, bias b: UnsafePointer<Float>, _ n: Int) -> Float {
        vectorKernel ? shop_log_sum_exp(p, b, n) : logSumExpReference(p, bias: b, n)
    }

    /// The Swift reference of `logSumExp` (and the path on CPUs without AVX-512).
    @inline(__always)
    static func logSumExpReference(_ p: UnsafeMutablePointer<Float>, bias b: UnsafePointer<Float>, _ n: Int) -> Float {
        for k in 0..<n { p[k] += b[k] }
        let best = LogSoftmax.maximum(p, n)
        for k in 0..<n { p[k] = fastExp(p[k] - best) }
        return best + log(sum(p, n))
    }

    /// Σ p[0..<n] in eight running sums (no serial dependency chain).
    @inline(__always)
    static func sum(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
        var s4: Float = 0, s5: Float = 0, s6: Float = 0, s7: Float = 0
        var j = 0
        while j + 8 <= n {
            s0 += p[j]; s1 += p[j + 1]; s2 += p[j + 2]; s3 += p[j + 3]
            s4 += p[j + 4]; s5 += p[j + 5]; s6 += p[j + 6]; s7 += p[j + 7]
            j += 8
        }
        while j < n { s0 += p[j]; j += 1 }
        return ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7))
    }
}
