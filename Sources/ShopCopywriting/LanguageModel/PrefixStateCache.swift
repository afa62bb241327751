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
/// rounding. Every matrix product is a fused multiply-add chain in order, computed one row
/// at a time (by the vector kernels, or in Swift where the CPU has none), so a prefix's
/// figures never depend on which other sequences share its batch, nor on the machine.
///
/// A model trained self-normalised (`LanguageModelConfig.selfNormalisation` > 0) keeps its
/// log-normaliser near 0, so by default its scores are the target logits alone: no
/// normaliser is computed, which was five sixths of the multiply-adds at hidden 64 and a
/// vocabulary of 1,340 (more for English's 3,331). `exactNormalisers` computes them anyway.
/// Not thread-safe: give each thread its own (`LMFluencyScorer` keeps a pool).
public final class PrefixStateCache {
    public let model: LSTMLanguageModel
    let H: Int, G: Int, V: Int
    let maxLength: Int
    /// `vocab × 4H`: embedding · W_ihᵀ, the input part of the gates for each token.
    let inputGates: [Float]
    let gateBias: [Float]
    let outWeight: [Float], outBias: [Float]
    /// `hidden × vocab` and `hidden × 4H`: the output and recurrent weights transposed (the
    /// products' layout).
    let outWeightT: [Float], weightHHT: [Float]

    /// Node 0 is the zero state before the first token; node n > 0 is the state after its
    /// prefix. Mapped at the first batch for `maxNodes` nodes (`MappedFloats`).
    private var hidden = MappedFloats(count: 1)
    private var cell = MappedFloats(count: 1)
    /// log Σ exp(logits) at each node (the normaliser for predicting the next token).
    private var logZ = MappedFloats(count: 1)
    /// At node n > 0, the logit of n's last token after its parent's state: the score term of
    /// that token, computed once when n is made, while the parent's state is at hand. Scoring
    /// a sequence then reads one float per token instead of a state and a weight row from
    /// wherever they are in memory (a twentieth of Chinese `describe`).
    private var edgeLogit = MappedFloats(count: 1)
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
    private var logits: [Float] = []

    /// Whether this cache computes with the vector kernels (`shop_output_log_normalisers`,
    /// `shop_lstm_cell`; AVX-512F or AVX2) instead of the same arithmetic in Swift. Both give
    /// the same bits on every CPU (`OutputNormaliserKernelTests`); the kernels are 8 or 16
    /// lanes wide where Swift's baseline x86-64 code is scalar for fused multiply-adds.
    public let kernels: Bool
    /// Whether scores subtract each prefix's log-normaliser (exact log-probabilities), or
    /// read a self-normalised model's logits as they are.
    public let normalises: Bool

    /// `kernels`: use the vector kernels (default: when this CPU has them and the hidden
    /// size is a multiple of 16); false forces the Swift path. `exactNormalisers`: compute
    /// the normalisers of a self-normalised model too (a plain model's always are).
    public init(model: LSTMLanguageModel, kernels: Bool? = nil, exactNormalisers: Bool = false) {
        normalises = exactNormalisers || model.config.selfNormalisation == 0
        self.model = model
        let cfg = model.config
        H = cfg.hiddenSize
        G = 4 * H
        V = cfg.vocabSize
        maxLength = cfg.maxLength
        let E = cfg.embedDim
        let useKernels = (kernels ?? Self.vectorKernel) && Self.vectorKernel && H % 16 == 0
        // The table is a chain product too. It was OpenBLAS's: Zen's sgemm sums some entries
        // in another order than AVX-512 CPUs' does, which changed a few Chinese blurbs with
        // the machine.
        var table = [Float](repeating: 0, count: V * G)
        let (v, g) = (V, G)
        let wihT = ChainProduct.transposed(model.lstm.weightIH.value, rows: g, columns: E)
        model.embedding.weight.value.withUnsafeBufferPointer { e in
            wihT.withUnsafeBufferPointer { wT in
                table.withUnsafeMutableBufferPointer { t in
                    ChainProduct.product(e.baseAddress!, rows: v, k: E, wT.baseAddress!, columns: g, into: t.baseAddress!, kernels: useKernels)
                }
            }
        }
        inputGates = table
        gateBias = model.lstm.bias.value
        outWeight = model.output.weight.value
        outBias = model.output.bias.value
        self.kernels = useKernels
        outWeightT = ChainProduct.transposed(outWeight, rows: V, columns: H)
        weightHHT = ChainProduct.transposed(model.lstm.weightHH.value, rows: G, columns: H)
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
            edgeLogit = MappedFloats(count: target)
        } else {
            hidden.grow(to: target * H)
            cell.grow(to: target * H)
            logZ.grow(to: target)
            edgeLogit.grow(to: target)
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
        // In token order, each sentence shares with the one before it the longest prefix it
        // shares with any (see the first level below). Node numbers follow this order; no
        // figure depends on them.
        var active = seqs.indices.filter { seqs[$0].count > 1 }
        active.sort { seqs[$0].lexicographicallyPrecedes(seqs[$1]) }
        let firstNew = nodeCount
        while !active.isEmpty {
            let levelStart = nodeCount
            var created: [(node: Int32, parent: Int32, token: Int32)] = []
            var still: [Int] = []
            for (i, s) in active.enumerated() {
                let seq = seqs[s]
                // The first level takes the prefix nodes a sentence shares with the one before
                // it from that one's path rather than looking them up again (a lookup is a
                // cache miss in a table of megabytes), so each cached node is looked up about
                // once a batch. Only nodes made before this call are taken: the walk goes
                // through those without stopping.
                if levelStart == firstNew && i > 0 {
                    let previous = seqs[active[i - 1]], before = paths[active[i - 1]]
                    let limit = Swift.min(seq.count - 1, before.count)
                    var k = 0
                    while k < limit && seq[k] == previous[k] && Int(before[k]) < firstNew { k += 1 }
                    if k > 0 {
                        paths[s].append(contentsOf: before[0..<k])
                        cursor[s] = before[k - 1]
                    }
                }
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
        if normalises && nodeCount > firstNew { computeNormalisers(from: firstNew) }
        computedNodes += nodeCount - firstNew

        // Term j is the logit of seq[j + 1] after node paths[s][j]: the edge logit of node
        // paths[s][j + 1], except the last, whose node is not made (its state predicts nothing).
        var out = [(logProb: Float, tokens: Int)](repeating: (0, 0), count: seqs.count)
        let z0 = logZ.base, e0 = edgeLogit.base, normalises = normalises
        for (s, seq) in seqs.enumerated() where seq.count > 1 {
            var total: Float = 0
            let path = paths[s], last = path.count - 1
            for j in 0..<last {
                let logit = e0[Int(path[j + 1])]
                total += normalises ? logit - z0[Int(path[j])] : logit
            }
            let logit = outWeight.withUnsafeBufferPointer { wp in
                Self.logit(of: Int(seq[last + 1]), after: hidden.base + Int(path[last]) * H, weights: wp.baseAddress!, bias: outBias, H)
            }
            total += normalises ? logit - z0[Int(path[last])] : logit
            out[s] = (total, path.count)
        }
        return out
    }

    /// The logit of `token` after state `h`, `h · W_out[token] + b[token]`: the one formula
    /// for a node's edge logit and a sentence's last term, so the two have the same bits.
    @inline(__always)
    static func logit(of token: Int, after h: UnsafePointer<Float>, weights: UnsafePointer<Float>, bias: UnsafePointer<Float>, _ H: Int) -> Float {
        VectorMath.dot(h, weights + token * H, H) + bias[token]
    }

    /// Rows per product of parent states (scratch size; any value gives the same bits).
    static let stateBlock = 32

    /// LSTM step for one level of new prefixes: gates = table[token] + h_parent · W_hhᵀ, then
    /// `LSTM.cellForward`'s kernels (sigmoid/tanh with the bias added, c = f·c' + i·g, h = o·tanh c).
    private func computeStates(_ created: [(node: Int32, parent: Int32, token: Int32)]) {
        let m = created.count, H = H, G = G, R = Self.stateBlock, kernels = kernels
        reserve(nodes: nodeCount)
        if gates.count != R * G { gates = [Float](repeating: 0, count: R * G) }
        if parentHidden.count != R * H { parentHidden = [Float](repeating: 0, count: R * H) }
        let h0 = hidden.base, c0 = cell.base, e0 = edgeLogit.base
        gates.withUnsafeMutableBufferPointer { gp in
        parentHidden.withUnsafeMutableBufferPointer { pp in
        inputGates.withUnsafeBufferPointer { tp in
        weightHHT.withUnsafeBufferPointer { whhT in
        gateBias.withUnsafeBufferPointer { bp in
        outWeight.withUnsafeBufferPointer { wp in
        outBias.withUnsafeBufferPointer { op in
            let g0 = gp.baseAddress!, p0 = pp.baseAddress!, b = bp.baseAddress!
            var start = 0
            // h_parent · W_hhᵀ for the block's rows, then the cell adds the token's row.
            while start < m {
                let n = min(R, m - start)
                for r in 0..<n {
                    let c = created[start + r], token = Int(c.token)
                    (p0 + r * H).update(from: h0 + Int(c.parent) * H, count: H)
                    e0[Int(c.node)] = Self.logit(of: token, after: p0 + r * H, weights: wp.baseAddress!, bias: op.baseAddress!, H)
                }
                ChainProduct.product(p0, rows: n, k: H, whhT.baseAddress!, columns: G, into: g0, kernels: kernels)
                for r in 0..<n {
                    let c = created[start + r]
                    let cPrev = UnsafePointer(c0 + Int(c.parent) * H), token = tp.baseAddress! + Int(c.token) * G
                    let cNew = c0 + Int(c.node) * H, hNew = h0 + Int(c.node) * H
                    if kernels {
                        shop_lstm_cell(g0 + r * G, token, b, cPrev, cNew, hNew, H)
                    } else {
                        // The cell's order: the token's row plus the product, then the step.
                        let g = g0 + r * G
                        for j in 0..<G { g[j] = token[j] + g[j] }
                        LSTM.step(gates: g, bias: b, cPrev: cPrev, c: cNew, h: hNew, hiddenSize: H)
                    }
                }
                start += n
            }
        }}}}}}}
    }

    /// logZ of nodes `from..<nodeCount`: logits = h · W_outᵀ + b, then max + log Σ exp per row.
    private func computeNormalisers(from first: Int) {
        let V = V, H = H, G = Int(SHOP_OUTPUT_GROUP_ROWS)
        if logits.count != G * V { logits = [Float](repeating: 0, count: G * V) }
        let rows = nodeCount - first
        outWeightT.withUnsafeBufferPointer { wp in
        outBias.withUnsafeBufferPointer { bp in
        logits.withUnsafeMutableBufferPointer { sp in
            if kernels {
                shop_output_log_normalisers(hidden.base + first * H, rows, H, wp.baseAddress!, bp.baseAddress!, V,
                                            sp.baseAddress!, logZ.base + first)
                return
            }
            var start = first
            while start < nodeCount {
                let n = min(G, nodeCount - start)
                ChainProduct.product(hidden.base + start * H, rows: n, k: H, wp.baseAddress!, columns: V, into: sp.baseAddress!, kernels: false)
                for r in 0..<n { logZ.base[start + r] = Self.logSumExpReference(sp.baseAddress! + r * V, bias: bp.baseAddress!, V) }
                start += n
            }
        }}}
    }

    /// Whether this CPU runs the C kernels (`shop_log_sum_exp` and the rest: AVX-512F, or AVX2
    /// with FMA), 16 or 8 wide where Swift's baseline code is 4; they give the reference's bits.
    static let vectorKernel = ChainProduct.kernelsAvailable

    /// max + log Σ exp(x − max), as ShopNeural's `LogSoftmax` after adding the bias (p is
    /// overwritten): the path on CPUs without the kernels, and their reference.
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
