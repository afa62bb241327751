import XCTest
@testable import ShopNeural

/// Dense Adam on a sparse parameter (the peer-equal benchmark mode) must be exactly
/// Adam on the same table declared dense; lazy Adam must leave untouched rows alone.
final class AdamDenseUpdateTests: XCTestCase {
    private func run(sparse: Bool, lazy: Bool) -> [Float] {
        let p = Parameter(name: "table", rows: 6, cols: 3, sparse: sparse)
        p.value = (0..<18).map { Float($0) * 0.1 - 0.9 }
        let adam = Adam(parameters: [p], learningRate: 0.05, clipNorm: nil)
        adam.lazySparseUpdates = lazy
        for step in 0..<5 {
            adam.zeroGrad()
            // Steps touch different rows, so later steps see rows with zero gradient
            // but non-zero moments: the case where lazy and dense differ.
            let row = step % 2 == 0 ? 1 : 4
            if sparse { p.touch(row) }
            for j in 0..<3 { p.grad[row * 3 + j] = Float(j + 1) * (step % 2 == 0 ? 1 : -0.5) }
            adam.step()
        }
        return p.value
    }

    func testDenseModeOnSparseTableEqualsDenseTable() {
        XCTAssertEqual(run(sparse: true, lazy: false), run(sparse: false, lazy: true))
    }

    func testLazyModeMovesOnlyRowsThatGotGradient() {
        let lazy = run(sparse: true, lazy: true), dense = run(sparse: false, lazy: true)
        let start: [Float] = (0..<18).map { Float($0) * 0.1 - 0.9 }
        XCTAssertEqual(Array(lazy[0..<3]), Array(start[0..<3]))          // row 0 never touched
        XCTAssertNotEqual(Array(lazy[3..<6]), Array(dense[3..<6]))       // row 1 skipped its zero-gradient steps
    }
}
