import Foundation

/// Adam with decoupled weight decay (AdamW) and global gradient-norm clipping.
///
/// Sparse parameters (embedding tables) are updated lazily: only rows that got
/// gradient this step move, so a 20k-word table costs what the batch touches.
public final class Adam: @unchecked Sendable {
    public let parameters: [Parameter]
    public var learningRate: Float
    public var beta1: Float
    public var beta2: Float
    public var epsilon: Float
    public var weightDecay: Float
    /// Gradients are rescaled so their global L2 norm is at most this (nil: no clipping).
    public var clipNorm: Float?
    public private(set) var stepCount = 0
    private var m: [[Float]]
    private var v: [[Float]]

    public init(parameters: [Parameter], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0, clipNorm: Float? = 5) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.clipNorm = clipNorm
        m = parameters.map { [Float](repeating: 0, count: $0.count) }
        v = parameters.map { [Float](repeating: 0, count: $0.count) }
    }

    /// Global L2 norm of all trainable gradients.
    public func gradientNorm() -> Float {
        var total: Double = 0
        for p in parameters where !p.isFrozen {
            p.grad.withUnsafeBufferPointer { g in
                if p.isSparse {
                    for r in p.touchedRows {
                        var s: Float = 0
                        for j in 0..<p.cols { let x = g[r * p.cols + j]; s += x * x }
                        total += Double(s)
                    }
                } else {
                    var s: Float = 0
                    for x in g { s += x * x }
                    total += Double(s)
                }
            }
        }
        return Float(total.squareRoot())
    }

    /// One update from the accumulated gradients; returns the gradient norm before clipping.
    @discardableResult
    public func step() -> Float {
        stepCount += 1
        let norm = gradientNorm()
        var scale: Float = 1
        if let clip = clipNorm, norm > clip, norm.isFinite { scale = clip / norm }
        let b1 = beta1, b2 = beta2, eps = epsilon, lr = learningRate
        let c1 = 1 - Float(pow(Double(beta1), Double(stepCount)))
        let c2 = 1 - Float(pow(Double(beta2), Double(stepCount)))
        let stepSize = lr / c1, c2root = c2.squareRoot()
        for (k, p) in parameters.enumerated() where !p.isFrozen {
            let decay: Float = p.decays ? 1 - lr * weightDecay : 1
            p.value.withUnsafeMutableBufferPointer { w in
            p.grad.withUnsafeBufferPointer { g in
            m[k].withUnsafeMutableBufferPointer { mk in
            v[k].withUnsafeMutableBufferPointer { vk in
                func update(_ lo: Int, _ hi: Int) {
                    for i in lo..<hi {
                        let gi = g[i] * scale
                        let mi = b1 * mk[i] + (1 - b1) * gi
                        let vi = b2 * vk[i] + (1 - b2) * gi * gi
                        mk[i] = mi; vk[i] = vi
                        w[i] = w[i] * decay - stepSize * mi / (vi.squareRoot() / c2root + eps)
                    }
                }
                if p.isSparse {
                    for r in p.touchedRows { update(r * p.cols, (r + 1) * p.cols) }
                } else {
                    update(0, w.count)
                }
            }}}}
        }
        return norm
    }

    public func zeroGrad() {
        for p in parameters { p.zeroGrad() }
    }

    /// Optimiser state for checkpoints: first and second moments per parameter.
    public var state: (m: [[Float]], v: [[Float]], step: Int) { (m, v, stepCount) }
}
