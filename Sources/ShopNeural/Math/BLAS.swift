import CBLAS
import Dispatch
import Foundation

/// Matrix products through OpenBLAS, row-major throughout.
///
/// ShopNeural schedules its own parallelism (the two LSTM directions run on two
/// threads; large products are split by rows), so OpenBLAS is kept at one thread:
/// that lets two threads call it at once without oversubscribing the cores.
public enum BLAS {
    /// Products with at least this many multiply-adds are split across threads.
    static let splitThreshold = 1 << 22

    /// Number of worker threads ShopNeural uses for one call (the machine's cores, at most 2..8).
    public static let threads: Int = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))

    /// Puts OpenBLAS in single-thread mode (cheap when already so).
    @inline(__always)
    public static func useSingleThreadedBLAS() {
        if openblas_get_num_threads() != 1 { openblas_set_num_threads(1) }
    }

    /// Puts OpenBLAS in single-thread mode and ends the worker threads it started when it
    /// loaded. ShopNeural never hands OpenBLAS more than one thread, but the library starts
    /// one worker per extra core at load, and each spins (`sched_yield`) for its first tenth
    /// of a second or so: half the CPU of a short `describe`, and a core taken from whatever
    /// start-up runs in parallel. Call early, from one thread, before any other BLAS call.
    public static func stopIdleThreads() {
        openblas_set_num_threads(1)
        _ = blas_thread_shutdown_()
    }

    /// OpenBLAS's current thread count (for benchmark reports).
    public static var openBLASThreads: Int { Int(openblas_get_num_threads()) }

    /// C = alpha · op(A) · op(B) + beta · C, where op(A) is m×k and op(B) is k×n.
    /// Large products are split by rows of C across `threads` threads.
    public static func gemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int,
        parallel: Bool = true
    ) {
        if m == 0 || n == 0 { return }
        useSingleThreadedBLAS()
        let parts = (parallel && m * n * k >= splitThreshold && m >= 2 * threads) ? threads : 1
        if parts == 1 {
            cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
            return
        }
        let ptrs = SendablePointers(a: a, b: b, c: c)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let lo = m * part / parts, hi = m * (part + 1) / parts
            if hi <= lo { return }
            let aPart = transA ? ptrs.a + lo : ptrs.a + lo * lda
            cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                        Int32(hi - lo), Int32(n), Int32(k), alpha, aPart, Int32(lda), ptrs.b, Int32(ldb), beta,
                        ptrs.c + lo * ldc, Int32(ldc))
        }
    }

    /// y = alpha · op(A) · x + beta · y with A stored m×n.
    public static func gemv(
        trans: Bool, m: Int, n: Int, alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
        x: UnsafePointer<Float>, beta: Float = 0, y: UnsafeMutablePointer<Float>
    ) {
        if m == 0 || n == 0 { return }
        useSingleThreadedBLAS()
        cblas_sgemv(CblasRowMajor, trans ? CblasTrans : CblasNoTrans, Int32(m), Int32(n), alpha, a, Int32(lda),
                    x, 1, beta, y, 1)
    }

    /// Runs `body(0) … body(count-1)` on up to `count` threads and waits.
    public static func parallel(_ count: Int, _ body: @Sendable (Int) -> Void) {
        if count <= 1 { if count == 1 { body(0) }; return }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}

/// Raw pointers handed to worker threads; each worker writes a disjoint part.
struct SendablePointers: @unchecked Sendable {
    let a: UnsafePointer<Float>
    let b: UnsafePointer<Float>
    let c: UnsafeMutablePointer<Float>
}
