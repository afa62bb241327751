import Foundation

/// The kernels `AttentionPooling` and `AspectAttention` share: both score each
/// step with `vᵀ·tanh(W·x_t + b [+ U·q])`, softmax the scores over the sequence and return
/// the weighted sum of the inputs, so everything but the query term is the same.
enum SoftmaxAttention {
    /// Forward for one sequence `b` of length `n`, once `gates` holds `u = tanh(z)` for every
    /// row: scores `vᵀ·u_t` into the scratch `scores`, softmaxes them into the sequence's
    /// row of `weights` (`B × T`) and adds the weighted sum of its inputs to `output` (`B × D`).
    @inline(__always)
    static func forwardSequence(_ b: Int, length n: Int, steps T: Int, batch B: Int, inputSize D: Int, attentionSize A: Int,
                                input xp: UnsafePointer<Float>, gates u: UnsafePointer<Float>, context v: UnsafePointer<Float>,
                                scores s: UnsafeMutablePointer<Float>, weights wts: UnsafeMutablePointer<Float>,
                                output out: UnsafeMutablePointer<Float>) {
        if n <= 0 { return }
        var best = -Float.infinity
        for t in 0..<n {
            let row = u + (t * B + b) * A
            var acc: Float = 0
            for j in 0..<A { acc += row[j] * v[j] }
            s[t] = acc
            best = max(best, acc)
        }
        var total: Float = 0
        for t in 0..<n { s[t] = exp(s[t] - best); total += s[t] }
        let o = out + b * D
        for t in 0..<n {
            let a = s[t] / total
            wts[b * T + t] = a
            let x = xp + (t * B + b) * D
            for j in 0..<D { o[j] += a * x[j] }
        }
    }

    /// One sequence `b` of length `n` (of `T` steps, batch `B`, rows `t·B + b`): writes the
    /// weighted-sum part of the input gradient (`a_t · dOut`) into `gradInput`, adds the
    /// context vector's gradient into `gradContext` unless `contextFrozen`, and turns the
    /// cached gate activations `gates` (`u = tanh(z)`) into their pre-activation gradients
    /// `dz` (zero past the end). `dzSum`, when given, accumulates `Σ_t dz` for the sequence
    /// (the gradient of a per-sequence term added to `z`). `scores` is scratch of `T` floats.
    @inline(__always)
    static func backwardSequence(_ b: Int, length n: Int, steps T: Int, batch B: Int, inputSize D: Int, attentionSize A: Int,
                         input xp: UnsafePointer<Float>, gradOutput gp: UnsafePointer<Float>,
                         gradInput gxp: UnsafeMutablePointer<Float>, gates u: UnsafeMutablePointer<Float>,
                         weights wts: UnsafePointer<Float>, scores s: UnsafeMutablePointer<Float>,
                         context v: UnsafePointer<Float>, gradContext dv: UnsafeMutablePointer<Float>, contextFrozen: Bool,
                         dzSum dzs: UnsafeMutablePointer<Float>?) {
        let dp = gp + b * D
        // Rows past the end get zero gate gradient.
        for t in n..<T { (u + (t * B + b) * A).update(repeating: 0, count: A) }
        if n <= 0 { return }
        var weighted: Float = 0
        for t in 0..<n {
            let x = xp + (t * B + b) * D
            let gx = gxp + (t * B + b) * D
            let a = wts[b * T + t]
            var da: Float = 0
            for j in 0..<D { da += dp[j] * x[j]; gx[j] = a * dp[j] }
            s[t] = da
            weighted += a * da
        }
        for t in 0..<n {
            let ds = wts[b * T + t] * (s[t] - weighted)
            let row = u + (t * B + b) * A
            for j in 0..<A {
                let uj = row[j]
                if !contextFrozen { dv[j] += ds * uj }
                let dz = ds * v[j] * (1 - uj * uj)
                row[j] = dz
                if let dzs { dzs[b * A + j] += dz }
            }
        }
    }

    /// The gate layer `W·x` given `dz` (`rows × A`): adds `dzᵀ·X` to the weight's gradient
    /// unless it is frozen, and `dz·W` to `gradInput` (`rows × D`).
    static func backwardGate(dz: UnsafePointer<Float>, input: Matrix, weight: Parameter, gradInput: inout Matrix,
                     rows: Int, attentionSize A: Int, inputSize D: Int, parallel: Bool) {
        if !weight.isFrozen {
            input.data.withUnsafeBufferPointer { xp in
                weight.addWeightGradient(gradOutput: dz, input: xp.baseAddress!, count: rows, parallel: parallel)
            }
        }
        gradInput.data.withUnsafeMutableBufferPointer { gx in
            weight.inputGradient(gradOutput: dz, count: rows, into: gx.baseAddress!, beta: 1, parallel: parallel)
        }
    }
}

extension SoftmaxAttention {
    /// `forwardSequence` for every sequence of `cache`'s batch, once `gates` holds `u = tanh(z)`
    /// (each layer computes `z` its own way): fills the cache's weights and pooled output.
    static func forwardBatch(input xp: UnsafePointer<Float>, gates u: UnsafePointer<Float>, context: Parameter,
                             cache: SoftmaxAttentionCache, inputSize D: Int, attentionSize A: Int) {
        let B = cache.batch, T = cache.steps, lengths = cache.lengths
        context.value.withUnsafeBufferPointer { v in
        cache.weights.data.withUnsafeMutableBufferPointer { wts in
        cache.output.data.withUnsafeMutableBufferPointer { out in
        cache.scores.withUnsafeMutableBufferPointer { s in
            for b in 0..<B {
                forwardSequence(b, length: min(lengths[b], T), steps: T, batch: B, inputSize: D,
                                attentionSize: A, input: xp, gates: u, context: v.baseAddress!,
                                scores: s.baseAddress!, weights: wts.baseAddress!, output: out.baseAddress!)
            }
        }}}}
    }

    /// `backwardSequence` for every sequence of `cache`'s batch: writes `gradInput`'s
    /// weighted-sum part, adds the context's gradient, turns the cache's gates into `dz`,
    /// and sums `dz` per sequence into `dzSum` when given.
    static func backwardBatch(input: Matrix, gradOutput: Matrix, context: Parameter, cache: SoftmaxAttentionCache,
                              gradInput: inout Matrix, inputSize D: Int, attentionSize A: Int,
                              dzSum: UnsafeMutablePointer<Float>?) {
        let B = cache.batch, T = cache.steps, lengths = cache.lengths
        cache.u.data.withUnsafeMutableBufferPointer { up in
        input.data.withUnsafeBufferPointer { xp in
        gradOutput.data.withUnsafeBufferPointer { gp in
        gradInput.data.withUnsafeMutableBufferPointer { gxp in
        context.value.withUnsafeBufferPointer { v in
        context.grad.withUnsafeMutableBufferPointer { dv in
        cache.weights.data.withUnsafeBufferPointer { wts in
        cache.scores.withUnsafeMutableBufferPointer { s in
            for b in 0..<B {
                backwardSequence(b, length: min(lengths[b], T), steps: T, batch: B, inputSize: D, attentionSize: A,
                                 input: xp.baseAddress!, gradOutput: gp.baseAddress!, gradInput: gxp.baseAddress!,
                                 gates: up.baseAddress!, weights: wts.baseAddress!, scores: s.baseAddress!,
                                 context: v.baseAddress!, gradContext: dv.baseAddress!,
                                 contextFrozen: context.isFrozen, dzSum: dzSum)
            }
        }}}}}}}}
    }
}
