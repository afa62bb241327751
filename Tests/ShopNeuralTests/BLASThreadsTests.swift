import ShopCore
import ShopNeural
import XCTest

final class BLASThreadsTests: XCTestCase {
    /// After OpenBLAS's workers are ended, products (small ones, and large ones that
    /// ShopNeural splits across its own threads) still equal a plain triple loop, and
    /// OpenBLAS stays at one thread. Run twice: ending them again must be harmless.
    func testProductsAreRightAfterOpenBLASWorkersAreEnded() {
        for _ in 0..<2 {
            BLAS.stopIdleThreads()
            XCTAssertEqual(BLAS.openBLASThreads, 1)
            for (m, n, k) in [(3, 5, 4), (256, 192, 128)] {
                var rng = SplitMix64(seed: UInt64(m * 1000 + n))
                let a = (0..<(m * k)).map { _ in Float(rng.below(1000)) / 500 - 1 }
                let b = (0..<(k * n)).map { _ in Float(rng.below(1000)) / 500 - 1 }
                var c = [Float](repeating: 0, count: m * n)
                a.withUnsafeBufferPointer { ap in
                    b.withUnsafeBufferPointer { bp in
                        c.withUnsafeMutableBufferPointer { cp in
                            BLAS.gemm(transA: false, transB: false, m: m, n: n, k: k, a: ap.baseAddress!, lda: k,
                                      b: bp.baseAddress!, ldb: n, c: cp.baseAddress!, ldc: n)
                        }
                    }
                }
                for i in 0..<m {
                    for j in 0..<n {
                        var want: Double = 0
                        for p in 0..<k { want += Double(a[i * k + p]) * Double(b[p * n + j]) }
                        XCTAssertEqual(Double(c[i * n + j]), want, accuracy: 1e-3, "\(m)×\(n)×\(k) at \(i),\(j)")
                    }
                }
            }
        }
    }
}
