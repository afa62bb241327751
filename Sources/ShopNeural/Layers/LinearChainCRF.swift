import Foundation

/// A linear-chain conditional random field over per-token emission scores: a sequence's
/// score is Σ emission[t, yₜ] + Σ transition[yₜ₋₁, yₜ] + start[y₀] + end[y_last], and its
/// probability is exp(score) over the sum for all tag sequences (forward algorithm).
/// Decoding takes the best whole sequence (Viterbi), so the tagger cannot, for instance,
/// put an I straight after an O once the transitions have learnt how rare that is.
///
/// Emissions are time-major like `BiLSTM`'s output: row `t · batch + b` is token t of
/// sequence b; rows at or past a sequence's length are padding and get zero gradient.
/// Sums run in Double, in log space.
public final class LinearChainCRF: @unchecked Sendable {
    public let tagCount: Int
    /// `K × K`, row = previous tag, column = next tag.
    public let transitions: Parameter
    /// Score of each tag as the first of a sequence (`K × 1`).
    public let start: Parameter
    /// Score of each tag as the last of a sequence (`K × 1`).
    public let end: Parameter

    /// Starts with every transition at 0 (all sequences equally likely apart from the emissions).
    public init(tagCount: Int, name: String = "crf") {
        precondition(tagCount > 0)
        self.tagCount = tagCount
        transitions = Parameter(name: "\(name).transitions", rows: tagCount, cols: tagCount, decays: false)
        start = Parameter(name: "\(name).start", rows: tagCount, cols: 1, decays: false)
        end = Parameter(name: "\(name).end", rows: tagCount, cols: 1, decays: false)
    }

    public var parameters: [Parameter] { [transitions, start, end] }

    @inline(__always)
    static func logSumExp(_ v: [Double]) -> Double {
        var m = -Double.infinity
        for x in v where x > m { m = x }
        if m == -.infinity { return m }
        var s = 0.0
        for x in v { s += Foundation.exp(x - m) }
        return m + Foundation.log(s)
    }

    /// Log of the partition function and the forward / backward tables of one sequence.
    private func tables(_ e: (Int, Int) -> Double, length L: Int) -> (logZ: Double, alpha: [Double], beta: [Double]) {
        let K = tagCount
        var alpha = [Double](repeating: 0, count: L * K), beta = [Double](repeating: 0, count: L * K)
        var scratch = [Double](repeating: 0, count: K)
        let tr = transitions.value, st = start.value, en = end.value
        for j in 0..<K { alpha[j] = Double(st[j]) + e(0, j) }
        if L > 1 {
            for t in 1..<L {
                for j in 0..<K {
                    for i in 0..<K { scratch[i] = alpha[(t - 1) * K + i] + Double(tr[i * K + j]) }
                    alpha[t * K + j] = Self.logSumExp(scratch) + e(t, j)
                }
            }
        }
        for j in 0..<K { beta[(L - 1) * K + j] = Double(en[j]) }
        if L > 1 {
            for t in stride(from: L - 2, through: 0, by: -1) {
                for i in 0..<K {
                    for j in 0..<K { scratch[j] = Double(tr[i * K + j]) + e(t + 1, j) + beta[(t + 1) * K + j] }
                    beta[t * K + i] = Self.logSumExp(scratch)
                }
            }
        }
        for j in 0..<K { scratch[j] = alpha[(L - 1) * K + j] + Double(en[j]) }
        return (Self.logSumExp(scratch), alpha, beta)
    }

    /// Σ over sequences of −log p(tags | emissions), divided by `normaliser` (e.g. the token
    /// count, so the figure reads like a per-token cross-entropy). Adds the gradient to the
    /// parameters' `grad` and writes d loss / d emissions to `gradEmissions` (same shape as
    /// `emissions`). `tags[b]` must hold at least `lengths[b]` tags in `0..<tagCount`.
    @discardableResult
    public func loss(emissions: Matrix, batch B: Int, lengths: [Int], tags: [[Int]], normaliser: Double,
                     gradEmissions: inout Matrix) -> Double {
        let K = tagCount
        precondition(emissions.cols == K && lengths.count == B && tags.count == B)
        gradEmissions.reset(rows: emissions.rows, cols: K)
        let scale = 1 / max(normaliser, 1e-12)
        let tr = transitions.value, st = start.value, en = end.value
        var total = 0.0
        for b in 0..<B where lengths[b] > 0 {
            let L = lengths[b], y = tags[b]
            precondition((L - 1) * B + b < emissions.rows && y.count >= L, "emissions or tags shorter than the length")
            let e: (Int, Int) -> Double = { t, j in Double(emissions.data[(t * B + b) * K + j]) }
            let (logZ, alpha, beta) = tables(e, length: L)
            var gold = Double(st[y[0]]) + Double(en[y[L - 1]])
            for t in 0..<L {
                gold += e(t, y[t])
                if t > 0 { gold += Double(tr[y[t - 1] * K + y[t]]) }
            }
            total += logZ - gold
            // Marginals minus the gold indicator are the gradients of logZ − gold.
            for t in 0..<L {
                for j in 0..<K {
                    let p = Foundation.exp(alpha[t * K + j] + beta[t * K + j] - logZ)
                    let g = p - (y[t] == j ? 1 : 0)
                    gradEmissions.data[(t * B + b) * K + j] = Float(g * scale)
                    if t == 0 { start.grad[j] += Float(g * scale) }
                    if t == L - 1 { end.grad[j] += Float(g * scale) }
                }
                if t > 0 {
                    for i in 0..<K {
                        for j in 0..<K {
                            let p = Foundation.exp(alpha[(t - 1) * K + i] + Double(tr[i * K + j]) + e(t, j) + beta[t * K + j] - logZ)
                            transitions.grad[i * K + j] += Float(p * scale)
                        }
                    }
                    transitions.grad[y[t - 1] * K + y[t]] -= Float(scale)
                }
            }
        }
        return total * scale
    }

    /// The same loss without touching any gradient (dev scores, tests).
    public func negativeLogLikelihood(emissions: Matrix, batch B: Int, lengths: [Int], tags: [[Int]], normaliser: Double) -> Double {
        let K = tagCount
        let tr = transitions.value, st = start.value, en = end.value
        var total = 0.0
        for b in 0..<B where lengths[b] > 0 {
            let L = lengths[b], y = tags[b]
            let e: (Int, Int) -> Double = { t, j in Double(emissions.data[(t * B + b) * K + j]) }
            var gold = Double(st[y[0]]) + Double(en[y[L - 1]])
            for t in 0..<L {
                gold += e(t, y[t])
                if t > 0 { gold += Double(tr[y[t - 1] * K + y[t]]) }
            }
            total += tables(e, length: L).logZ - gold
        }
        return total / max(normaliser, 1e-12)
    }

    /// The highest-scoring tag sequence of each sequence (Viterbi); empty for length 0.
    public func decode(emissions: Matrix, batch B: Int, lengths: [Int]) -> [[Int]] {
        let K = tagCount
        precondition(emissions.cols == K && lengths.count == B)
        let tr = transitions.value, st = start.value, en = end.value
        return (0..<B).map { b in
            let L = lengths[b]
            guard L > 0 else { return [] }
            var score = (0..<K).map { Double(st[$0]) + Double(emissions.data[b * K + $0]) }
            var back = [Int](repeating: 0, count: L * K)
            if L > 1 {
                for t in 1..<L {
                    var next = [Double](repeating: 0, count: K)
                    for j in 0..<K {
                        var bestI = 0, best = -Double.infinity
                        for i in 0..<K where score[i] + Double(tr[i * K + j]) > best { best = score[i] + Double(tr[i * K + j]); bestI = i }
                        next[j] = best + Double(emissions.data[(t * B + b) * K + j])
                        back[t * K + j] = bestI
                    }
                    score = next
                }
            }
            var last = 0
            for j in 1..<K where score[j] + Double(en[j]) > score[last] + Double(en[last]) { last = j }
            var path = [Int](repeating: 0, count: L)
            path[L - 1] = last
            if L > 1 { for t in stride(from: L - 1, to: 0, by: -1) { path[t - 1] = back[t * K + path[t]] } }
            return path
        }
    }
}
