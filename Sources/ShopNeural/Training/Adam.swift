import Foundation
import ShopCore

/// Adam with decoupled weight decay (AdamW) and global gradient-norm clipping.
///
/// Sparse parameters (embedding tables) are updated lazily: only rows that got
/// gradient this step move, so a 20k-word table costs what the batch touches.
/// Parameters are split between threads (each parameter wholly on one thread, so
/// results do not depend on the split).
public final class Adam: @unchecked Sendable {
    public let parameters: [Parameter]
    public var learningRate: Float
    public var beta1: Float
    public var beta2: Float
    public var epsilon: Float
    public var weightDecay: Float
    /// Gradients are rescaled so their global L2 norm is at most this (nil: no clipping).
    public var clipNorm: Float?
    /// true (default): sparse parameters move only in the rows that got gradient this step.
    /// false: every row moves every step, as PyTorch's dense `torch.optim.Adam` does
    /// (rows without gradient still decay their moments and drift with them) — for
    /// like-for-like speed comparisons.
    public var lazySparseUpdates = true
    public private(set) var stepCount = 0
    private let moments: [Moments]

    /// First and second moment estimates of one parameter.
    final class Moments: @unchecked Sendable {
        var m: [Float]
        var v: [Float]
        init(count: Int) {
            m = [Float](repeating: 0, count: count)
            v = [Float](repeating: 0, count: count)
        }
    }

    public init(parameters: [Parameter], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0, clipNorm: Float? = 5) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.clipNorm = clipNorm
        moments = parameters.map { Moments(count: $0.count) }
    }

    /// Sum of squared gradient entries of one parameter (touched rows only when sparse).
    private static func squaredNorm(_ p: Parameter) -> Double {
        p.grad.withUnsafeBufferPointer { g in
            var total: Double = 0
            if p.isSparse {
                for r in p.touchedRows {
                    var s: Float = 0
                    for j in 0..<p.cols { let x = g[r * p.cols + j]; s += x * x }
                    total += Double(s)
                }
            } else {
                var s: Float = 0
                for x in g { s += x * x }
                total = Double(s)
            }
            return total
        }
    }

    /// Global L2 norm of all trainable gradients.
    public func gradientNorm() -> Float {
        Float(parameters.filter { !$0.isFrozen }.reduce(0.0) { $0 + Self.squaredNorm($1) }.squareRoot())
    }

    /// Work of updating a parameter (entries touched).
    private func cost(_ p: Parameter) -> Int { p.isSparse && lazySparseUpdates ? p.touchedRows.count * p.cols : p.count }

    /// One update from the accumulated gradients; returns the gradient norm before clipping.
    @discardableResult
    public func step() -> Float {
        stepCount += 1
        let active = parameters.indices.filter { !parameters[$0].isFrozen }
        // Two groups of similar cost, largest first.
        var groups: [[Int]] = [[], []], load = [0, 0]
        for k in active.sorted(by: { cost(parameters[$0]) > cost(parameters[$1]) }) {
            let g = load[0] <= load[1] ? 0 : 1
            groups[g].append(k); load[g] += cost(parameters[k])
        }
        let normsPtr = UncheckedBox(UnsafeMutablePointer<Double>.allocate(capacity: parameters.count))
        defer { normsPtr.value.deallocate() }
        let params = UncheckedBox(parameters), groupsBox = UncheckedBox(groups)
        let parallel = BLAS.threads > 1 && load.min()! > 50_000
        if parallel {
            BLAS.parallel(2) { g in
                for k in groupsBox.value[g] { normsPtr.value[k] = Self.squaredNorm(params.value[k]) }
            }
        } else {
            for k in active { normsPtr.value[k] = Self.squaredNorm(parameters[k]) }
        }
        // Summed in parameter order: the same norm whatever the split.
        var total: Double = 0
        for k in active { total += normsPtr.value[k] }
        let norm = Float(total.squareRoot())
        var scale: Float = 1
        if let clip = clipNorm, norm > clip, norm.isFinite { scale = clip / norm }
        let c1 = 1 - Float(pow(Double(beta1), Double(stepCount)))
        let c2 = 1 - Float(pow(Double(beta2), Double(stepCount)))
        let hyper = StepConstants(b1: beta1, b2: beta2, eps: epsilon, lr: learningRate, weightDecay: weightDecay,
                                  scale: scale, stepSize: learningRate / c1, c2root: c2.squareRoot(),
                                  lazy: lazySparseUpdates)
        let momentsBox = UncheckedBox(moments)
        if parallel {
            BLAS.parallel(2) { g in
                for k in groupsBox.value[g] { Self.update(params.value[k], momentsBox.value[k], hyper) }
            }
        } else {
            for k in active { Self.update(parameters[k], moments[k], hyper) }
        }
        return norm
    }

    private struct StepConstants: Sendable {
        let b1, b2, eps, lr, weightDecay, scale, stepSize, c2root: Float
        let lazy: Bool
    }

    private static func update(_ p: Parameter, _ mo: Moments, _ h: StepConstants) {
        let decay: Float = p.decays ? 1 - h.lr * h.weightDecay : 1
        p.value.withUnsafeMutableBufferPointer { w in
        p.grad.withUnsafeBufferPointer { g in
        mo.m.withUnsafeMutableBufferPointer { mk in
        mo.v.withUnsafeMutableBufferPointer { vk in
            func run(_ lo: Int, _ hi: Int) {
                for i in lo..<hi {
                    let gi = g[i] * h.scale
                    let mi = h.b1 * mk[i] + (1 - h.b1) * gi
                    let vi = h.b2 * vk[i] + (1 - h.b2) * gi * gi
                    mk[i] = mi; vk[i] = vi
                    w[i] = w[i] * decay - h.stepSize * mi / (vi.squareRoot() / h.c2root + h.eps)
                }
            }
            if p.isSparse && h.lazy {
                // Untouched rows hold zero gradient (zeroGrad clears touched rows only,
                // and only they were ever written), so the dense branch is exact too.
                for r in p.touchedRows { run(r * p.cols, (r + 1) * p.cols) }
            } else {
                run(0, w.count)
            }
        }}}}
    }

    public func zeroGrad() {
        for p in parameters { p.zeroGrad() }
    }
}
