import XCTest
@testable import ShopRecommend

/// `scaleRegularization` (ALS-WR, Spark MLlib's convention): each row's λ is λ·n.
final class ALSRegularizationScalingTests: XCTestCase {
    /// A ring: user u has items u and u+1 (mod n), so every user and every item has exactly
    /// two interactions. Scaled λ then equals plain 2λ exactly, for both solvers.
    func ring(_ n: Int) -> InteractionMatrix {
        var triples: [(user: String, item: String, confidence: Float)] = []
        for u in 0..<n {
            triples.append(("u\(u)", "i\(u)", 1 + Float(u % 3)))
            triples.append(("u\(u)", "i\((u + 1) % n)", 2 + Float(u % 2)))
        }
        return InteractionMatrix(triples: triples)
    }

    func config(_ solver: ALSConfig.Solver, reg: Float, scaled: Bool) -> ALSConfig {
        var c = ALSConfig()
        c.factors = 4; c.iterations = 3; c.regularization = reg; c.solver = solver; c.seed = 7; c.threads = 1
        c.scaleRegularization = scaled
        return c
    }

    func testScaledLambdaEqualsLambdaTimesCountOnARing() {
        let m = ring(12)
        for solver in [ALSConfig.Solver.cholesky, .cg] {
            let scaled = ALSTrainer.train(m, config: config(solver, reg: 0.5, scaled: true))
            let doubled = ALSTrainer.train(m, config: config(solver, reg: 1.0, scaled: false))
            let plain = ALSTrainer.train(m, config: config(solver, reg: 0.5, scaled: false))
            for (a, b) in zip(scaled.userFactors, doubled.userFactors) { XCTAssertEqual(a, b, accuracy: 1e-5, "\(solver)") }
            for (a, b) in zip(scaled.itemFactors, doubled.itemFactors) { XCTAssertEqual(a, b, accuracy: 1e-5, "\(solver)") }
            let differs = zip(scaled.userFactors, plain.userFactors).contains { abs($0 - $1) > 1e-4 }
            XCTAssertTrue(differs, "scaling must change the solution (\(solver))")
        }
    }

    func testObjectiveWeighsNormsByCounts() {
        let m = ring(6)
        let model = ALSTrainer.train(m, config: config(.cholesky, reg: 0.5, scaled: true))
        let scaled = ALSTrainer.objective(m, model.userFactors, model.itemFactors, 4, 0.5, perInteraction: true)
        let doubled = ALSTrainer.objective(m, model.userFactors, model.itemFactors, 4, 1.0)
        XCTAssertEqual(scaled, doubled, accuracy: 1e-6 * max(1, abs(doubled)))
    }
}
