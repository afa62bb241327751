import CBLAS
import Dispatch

/// Implicit-feedback matrix factorisation by alternating least squares
/// (Hu, Koren & Volinsky 2008): minimise Σ c_ui (p_ui − x_uᵀy_i)² + λ(‖X‖² + ‖Y‖²), where
/// p_ui = 1 for observed pairs (else 0) and c_ui is the observed confidence (else 1).
/// Each half-step solves every user (item) system in parallel, either exactly by
/// Cholesky or approximately by a few conjugate-gradient steps warm-started from the
/// previous factors (Takács et al. 2011), which is what makes large k cheap.
public struct ALSConfig: Sendable, Equatable {
    public enum Solver: String, Sendable, Codable { case cholesky, cg }
    public var factors = 64
    public var iterations = 15
    public var regularization: Float = 0.01
    public var solver = Solver.cg
    public var cgSteps = 3
    public var seed: UInt64 = 42
    public var threads = 0   // 0: all cores
    public init() {}
}

public struct ALSModel: Sendable {
    public let factors: Int
    /// users × factors and items × factors, row-major.
    public var userFactors: [Float]
    public var itemFactors: [Float]

    /// Score of item i for user u.
    public func score(user u: Int, item i: Int) -> Float {
        userFactors.withUnsafeBufferPointer { x in
            itemFactors.withUnsafeBufferPointer { y in
                DenseSolve.dot(x.baseAddress! + u * factors, y.baseAddress! + i * factors, factors)
            }
        }
    }
}

public enum ALSTrainer {
    /// Trains on `matrix` (its values are the confidences c_ui ≥ 1). `onIteration`
    /// receives the iteration number and the full objective after that iteration.
    public static func train(_ matrix: InteractionMatrix, config: ALSConfig,
                             onIteration: ((Int, Double) -> Void)? = nil) -> ALSModel {
        let k = config.factors
        var rng = SeededGenerator(seed: config.seed)
        let scale = 0.1 / Float(k).squareRoot()
        var x = (0..<(matrix.userCount * k)).map { _ in rng.symmetric(scale) }
        var y = (0..<(matrix.itemCount * k)).map { _ in rng.symmetric(scale) }
        for it in 0..<config.iterations {
            // Users given items, then items given users: the same solve with the roles swapped.
            solveAll(target: &x, fixed: y, rows: matrix.userCount, start: matrix.userStart,
                     cols: matrix.userItems, conf: matrix.userConfidence, config: config)
            solveAll(target: &y, fixed: x, rows: matrix.itemCount, start: matrix.itemStart,
                     cols: matrix.itemUsers, conf: matrix.itemConfidence, config: config)
            if let onIteration { onIteration(it + 1, objective(matrix, x, y, k, config.regularization)) }
        }
        return ALSModel(factors: k, userFactors: x, itemFactors: y)
    }

    /// Gram matrix FᵀF of the fixed side (k×k), the part every row's system shares.
    static func gram(_ f: [Float], rows: Int, k: Int) -> [Float] {
        var g = [Float](repeating: 0, count: k * k)
        if rows > 0 {
            cblas_ssyrk(CblasRowMajor, CblasUpper, CblasTrans, Int32(k), Int32(rows), 1, f, Int32(k), 0, &g, Int32(k))
            for i in 0..<k { for j in 0..<i { g[i * k + j] = g[j * k + i] } }
        }
        return g
    }

    static func solveAll(target: inout [Float], fixed: [Float], rows: Int, start: [Int], cols: [Int32],
                         conf: [Float], config: ALSConfig) {
        let k = config.factors
        var g = gram(fixed, rows: fixed.count / k, k: k)
        for i in 0..<k { g[i * k + i] += config.regularization }
        let workers = config.threads > 0 ? config.threads : max(1, ProcessInfo_activeCores())
        let chunk = max(1, (rows + workers * 4 - 1) / (workers * 4))
        let chunks = (rows + chunk - 1) / chunk
        let shared = SolveInputs(target: &target, fixed: fixed, gram: g, start: start, cols: cols, conf: conf)
        defer { shared.release(into: &target) }
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: k * k + 4 * k)
            defer { scratch.deallocate() }
            for r in (c * chunk)..<min(rows, (c + 1) * chunk) {
                let lo = shared.start[r], hi = shared.start[r + 1]
                let row = shared.target + r * k
                if lo == hi { for j in 0..<k { row[j] = 0 }; continue }
                if config.solver == .cholesky {
                    solveExact(row, shared.fixed, shared.gram, shared.cols + lo, shared.conf + lo, hi - lo, k, scratch)
                } else {
                    solveCG(row, shared.fixed, shared.gram, shared.cols + lo, shared.conf + lo, hi - lo, k, config.cgSteps, scratch)
                }
            }
        }
    }

    /// A = G + Σ (c−1) y yᵀ, b = Σ c y, solved exactly.
    static func solveExact(_ out: UnsafeMutablePointer<Float>, _ f: UnsafePointer<Float>, _ g: UnsafePointer<Float>,
                           _ idx: UnsafePointer<Int32>, _ c: UnsafePointer<Float>, _ n: Int, _ k: Int,
                           _ scratch: UnsafeMutablePointer<Float>) {
        let a = scratch, b = scratch + k * k
        a.update(from: g, count: k * k)
        for j in 0..<k { b[j] = 0 }
        for e in 0..<n {
            let yv = f + Int(idx[e]) * k, w = c[e] - 1
            for p in 0..<k {
                let wp = w * yv[p]
                let arow = a + p * k
                for q in 0..<k { arow[q] += wp * yv[q] }
                b[p] += c[e] * yv[p]
            }
        }
        if DenseSolve.cholesky(a, b, k: k) { out.update(from: b, count: k) }
    }

    /// Conjugate gradient on the same system, warm-started at the current `out`;
    /// A·v is computed as G v + Σ (c−1)(yᵀv) y without forming A.
    static func solveCG(_ out: UnsafeMutablePointer<Float>, _ f: UnsafePointer<Float>, _ g: UnsafePointer<Float>,
                        _ idx: UnsafePointer<Int32>, _ c: UnsafePointer<Float>, _ n: Int, _ k: Int, _ steps: Int,
                        _ scratch: UnsafeMutablePointer<Float>) {
        let r = scratch, p = scratch + k, ap = scratch + 2 * k
        func multiply(_ v: UnsafePointer<Float>, into dst: UnsafeMutablePointer<Float>) {
            for i in 0..<k { dst[i] = DenseSolve.dot(g + i * k, v, k) }
            for e in 0..<n {
                let yv = f + Int(idx[e]) * k
                let w = (c[e] - 1) * DenseSolve.dot(yv, v, k)
                for j in 0..<k { dst[j] += w * yv[j] }
            }
        }
        // r = b − A x
        multiply(out, into: ap)
        for j in 0..<k { r[j] = -ap[j] }
        for e in 0..<n {
            let yv = f + Int(idx[e]) * k, ce = c[e]
            for j in 0..<k { r[j] += ce * yv[j] }
        }
        p.update(from: r, count: k)
        var rsOld = DenseSolve.dot(r, r, k)
        for _ in 0..<steps {
            if rsOld < 1e-20 { break }
            multiply(p, into: ap)
            let pap = DenseSolve.dot(p, ap, k)
            if pap <= 0 { break }
            let alpha = rsOld / pap
            for j in 0..<k { out[j] += alpha * p[j]; r[j] -= alpha * ap[j] }
            let rsNew = DenseSolve.dot(r, r, k)
            for j in 0..<k { p[j] = r[j] + (rsNew / rsOld) * p[j] }
            rsOld = rsNew
        }
    }

    /// The full objective: Σ_all s² (= Σ_u xᵀ(YᵀY)x) corrected on observed pairs, plus λ terms.
    public static func objective(_ m: InteractionMatrix, _ x: [Float], _ y: [Float], _ k: Int, _ lambda: Float) -> Double {
        let g = gram(y, rows: m.itemCount, k: k)
        var total = 0.0
        x.withUnsafeBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in
                g.withUnsafeBufferPointer { gb in
                    for u in 0..<m.userCount {
                        let xu = xb.baseAddress! + u * k
                        var quad = 0.0
                        for i in 0..<k { quad += Double(xu[i]) * Double(DenseSolve.dot(gb.baseAddress! + i * k, xu, k)) }
                        total += quad
                        for e in m.userStart[u]..<m.userStart[u + 1] {
                            let s = Double(DenseSolve.dot(xu, yb.baseAddress! + Int(m.userItems[e]) * k, k))
                            let c = Double(m.userConfidence[e])
                            total += c * (1 - s) * (1 - s) - s * s
                        }
                    }
                }
            }
        }
        var norms = 0.0
        for v in x { norms += Double(v) * Double(v) }
        for v in y { norms += Double(v) * Double(v) }
        return total + Double(lambda) * norms
    }
}
