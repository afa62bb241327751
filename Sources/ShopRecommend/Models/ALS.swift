import CBLAS
import ShopNeural
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
    /// Scale λ by each row's interaction count (λ·n_u, λ·n_i: "ALS-WR", as Spark MLlib's ALS
    /// does), so the same λ means the same thing here and in `scripts/spark/als.py`.
    public var scaleRegularization = false
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
                VectorMath.dot(x.baseAddress! + u * factors, y.baseAddress! + i * factors, factors)
            }
        }
    }
}

public enum ALSTrainer {
    /// Trains on `matrix` (its values are the confidences c_ui ≥ 1). `onIteration`
    /// receives the iteration number and the full objective after that iteration.
    public static func train(_ matrix: InteractionMatrix, config: ALSConfig,
                             onIteration: ((Int, Double) -> Void)? = nil) -> ALSModel {
        // The row solves run on our own thread pool and each calls BLAS on small k×k and
        // n×k blocks: OpenBLAS must stay single-threaded or every call would fan out again
        // over the same cores. Set here, explicitly, not left to whichever module ran first.
        BLAS.useSingleThreadedBLAS()
        let k = config.factors
        var rng = SeededRandom(seed: config.seed)
        let scale = 0.1 / Float(k).squareRoot()
        var x = (0..<(matrix.userCount * k)).map { _ in rng.uniform(-scale, scale) }
        var y = (0..<(matrix.itemCount * k)).map { _ in rng.uniform(-scale, scale) }
        for it in 0..<config.iterations {
            // Users given items, then items given users: the same solve with the roles swapped.
            solveAll(target: &x, fixed: y, rows: matrix.userCount, start: matrix.userStart,
                     cols: matrix.userItems, conf: matrix.userConfidence, config: config)
            solveAll(target: &y, fixed: x, rows: matrix.itemCount, start: matrix.itemStart,
                     cols: matrix.itemUsers, conf: matrix.itemConfidence, config: config)
            if let onIteration {
                onIteration(it + 1, objective(matrix, x, y, k, config.regularization, perInteraction: config.scaleRegularization))
            }
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
        var longest = 0
        for r in 0..<rows { longest = max(longest, start[r + 1] - start[r]) }
        let longestRow = longest
        let shared = SolveInputs(target: &target, fixed: fixed, gram: g, start: start, cols: cols, conf: conf)
        defer { shared.release(into: &target) }
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: k * k + 4 * k + longestRow * (k + 1))
            defer { scratch.deallocate() }
            for r in (c * chunk)..<min(rows, (c + 1) * chunk) {
                let lo = shared.start[r], hi = shared.start[r + 1]
                let row = shared.target + r * k
                if lo == hi { for j in 0..<k { row[j] = 0 }; continue }
                // G already holds λ; ALS-WR wants λ·n on this row's diagonal.
                let extra = config.scaleRegularization ? config.regularization * Float(hi - lo - 1) : 0
                if config.solver == .cholesky {
                    solveExact(row, shared.fixed, shared.gram, shared.cols + lo, shared.conf + lo, hi - lo, k, scratch, extra: extra)
                } else {
                    solveCG(row, shared.fixed, shared.gram, shared.cols + lo, shared.conf + lo, hi - lo, k, config.cgSteps, scratch,
                            extra: extra)
                }
            }
        }
    }

    /// Copies the fixed-side rows a row's system touches into one n×k block, so every
    /// product below is a single BLAS call instead of n scattered dot products.
    @inline(__always)
    static func gather(_ f: UnsafePointer<Float>, _ idx: UnsafePointer<Int32>, _ n: Int, _ k: Int,
                       into block: UnsafeMutablePointer<Float>) {
        for e in 0..<n { (block + e * k).update(from: f + Int(idx[e]) * k, count: k) }
    }

    /// A = G + Yᵤᵀ diag(c−1) Yᵤ, b = Yᵤᵀ c, solved exactly by Cholesky.
    static func solveExact(_ out: UnsafeMutablePointer<Float>, _ f: UnsafePointer<Float>, _ g: UnsafePointer<Float>,
                           _ idx: UnsafePointer<Int32>, _ c: UnsafePointer<Float>, _ n: Int, _ k: Int,
                           _ scratch: UnsafeMutablePointer<Float>, extra: Float = 0) {
        let a = scratch, b = scratch + k * k, block = scratch + k * k + 4 * k
        gather(f, idx, n, k, into: block)
        cblas_sgemv(CblasRowMajor, CblasTrans, Int32(n), Int32(k), 1, block, Int32(k), c, 1, 0, b, 1)
        // Rows scaled by √(c−1) make Yᵀ diag(c−1) Y one symmetric rank-n update.
        for e in 0..<n {
            let w = max(0, c[e] - 1).squareRoot()
            let row = block + e * k
            for j in 0..<k { row[j] *= w }
        }
        a.update(from: g, count: k * k)
        if extra != 0 { for i in 0..<k { a[i * k + i] += extra } }
        cblas_ssyrk(CblasRowMajor, CblasUpper, CblasTrans, Int32(k), Int32(n), 1, block, Int32(k), 1, a, Int32(k))
        for i in 0..<k { for j in 0..<i { a[i * k + j] = a[j * k + i] } }
        if DenseSolve.cholesky(a, b, k: k) { out.update(from: b, count: k) }
    }

    /// Conjugate gradient on the same system, warm-started at the current `out`;
    /// A·v is computed as G v + Yᵤᵀ((c−1) ⊙ Yᵤ v) without forming A.
    static func solveCG(_ out: UnsafeMutablePointer<Float>, _ f: UnsafePointer<Float>, _ g: UnsafePointer<Float>,
                        _ idx: UnsafePointer<Int32>, _ c: UnsafePointer<Float>, _ n: Int, _ k: Int, _ steps: Int,
                        _ scratch: UnsafeMutablePointer<Float>, extra: Float = 0) {
        let r = scratch, p = scratch + k, ap = scratch + 2 * k, t = scratch + 3 * k
        let block = scratch + k * k + 4 * k, yv = block + n * k
        gather(f, idx, n, k, into: block)
        func multiply(_ v: UnsafePointer<Float>, into dst: UnsafeMutablePointer<Float>) {
            cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(k), Int32(k), 1, g, Int32(k), v, 1, 0, dst, 1)
            cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(n), Int32(k), 1, block, Int32(k), v, 1, 0, yv, 1)
            for e in 0..<n { yv[e] *= c[e] - 1 }
            cblas_sgemv(CblasRowMajor, CblasTrans, Int32(n), Int32(k), 1, block, Int32(k), yv, 1, 1, dst, 1)
            if extra != 0 { for j in 0..<k { dst[j] += extra * v[j] } }
        }
        // r = b − A x, with b = Yᵤᵀ c
        multiply(out, into: ap)
        cblas_sgemv(CblasRowMajor, CblasTrans, Int32(n), Int32(k), 1, block, Int32(k), c, 1, 0, t, 1)
        for j in 0..<k { r[j] = t[j] - ap[j] }
        p.update(from: r, count: k)
        var rsOld = cblas_sdot(Int32(k), r, 1, r, 1)
        for _ in 0..<steps {
            if rsOld < 1e-20 { break }
            multiply(p, into: ap)
            let pap = cblas_sdot(Int32(k), p, 1, ap, 1)
            if pap <= 0 { break }
            let alpha = rsOld / pap
            for j in 0..<k { out[j] += alpha * p[j]; r[j] -= alpha * ap[j] }
            let rsNew = cblas_sdot(Int32(k), r, 1, r, 1)
            for j in 0..<k { p[j] = r[j] + (rsNew / rsOld) * p[j] }
            rsOld = rsNew
        }
    }

    /// The full objective: Σ_all s² (= Σ_u xᵀ(YᵀY)x) corrected on observed pairs, plus λ terms
    /// (each row's weighted by its interaction count when `perInteraction`).
    public static func objective(_ m: InteractionMatrix, _ x: [Float], _ y: [Float], _ k: Int, _ lambda: Float,
                                 perInteraction: Bool = false) -> Double {
        let g = gram(y, rows: m.itemCount, k: k)
        var total = 0.0
        x.withUnsafeBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in
                g.withUnsafeBufferPointer { gb in
                    for u in 0..<m.userCount {
                        let xu = xb.baseAddress! + u * k
                        var quad = 0.0
                        for i in 0..<k { quad += Double(xu[i]) * Double(VectorMath.dot(gb.baseAddress! + i * k, xu, k)) }
                        total += quad
                        for e in m.userStart[u]..<m.userStart[u + 1] {
                            let s = Double(VectorMath.dot(xu, yb.baseAddress! + Int(m.userItems[e]) * k, k))
                            let c = Double(m.userConfidence[e])
                            total += c * (1 - s) * (1 - s) - s * s
                        }
                    }
                }
            }
        }
        var norms = 0.0
        func add(_ f: [Float], rows: Int, count: (Int) -> Int) {
            for r in 0..<rows {
                let w = perInteraction ? Double(count(r)) : 1
                for j in 0..<k { norms += w * Double(f[r * k + j]) * Double(f[r * k + j]) }
            }
        }
        add(x, rows: m.userCount) { m.userStart[$0 + 1] - m.userStart[$0] }
        add(y, rows: m.itemCount) { m.itemStart[$0 + 1] - m.itemStart[$0] }
        return total + Double(lambda) * norms
    }
}
