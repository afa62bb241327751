import XCTest
@testable import ShopNeural

/// Central finite differences against analytic gradients.
///
/// Each checked entry must satisfy |analytic − numeric| ≤ atol + rtol·max(|analytic|, |numeric|).
/// The float32 forward pass limits precision, so shapes are small and eps is 1e-2
/// (truncation error ~eps², round-off ~1e-6/eps); a wrong formula is off by O(|gradient|)
/// and fails (see GradientCheckerSelfTests, which feeds it deliberately wrong gradients).
struct GradientChecker {
    var eps: Float = 1e-2
    var atol: Double = 1e-3
    var rtol: Double = 2e-2
    /// Entries checked per tensor (all when the tensor is smaller).
    var samples = 60

    struct Result {
        var checked = 0
        /// Largest |a − n| / (atol + rtol·max(|a|,|n|)); ≤ 1 passes.
        var worst: Double = 0
        var worstDetail = ""
        var passed: Bool { worst <= 1 && checked > 0 }
    }

    /// Perturbs entries through `get`/`set` and compares with `analytic`.
    func check(_ name: String, analytic: [Float], get: (Int) -> Float, set: (Int, Float) -> Void,
               indices: [Int]? = nil, loss: () -> Double) -> Result {
        var rng = SeededRandom(seed: UInt64(name.utf8.count) &* 7919)
        let candidates = indices ?? Array(analytic.indices)
        let picked = candidates.count <= samples ? candidates : (0..<samples).map { _ in candidates[rng.int(below: candidates.count)] }
        var result = Result()
        for i in picked {
            let original = get(i)
            set(i, original + eps)
            let up = loss()
            set(i, original - eps)
            let down = loss()
            set(i, original)
            let numeric = (up - down) / (2 * Double(eps))
            let a = Double(analytic[i])
            let ratio = abs(a - numeric) / (atol + rtol * max(abs(a), abs(numeric)))
            result.checked += 1
            if ratio > result.worst {
                result.worst = ratio
                result.worstDetail = "\(name)[\(i)]: analytic \(a), numeric \(numeric)"
            }
        }
        return result
    }

    /// Checks a parameter's accumulated gradient; `loss` runs only the forward pass.
    func check(_ parameter: Parameter, indices: [Int]? = nil, loss: () -> Double) -> Result {
        check(parameter.name, analytic: parameter.grad, get: { parameter.value[$0] }, set: { parameter.value[$0] = $1 },
              indices: indices, loss: loss)
    }

    /// Checks the gradient with respect to an input matrix held in a `Ref`.
    func check(_ name: String, input: Ref<Matrix>, analytic: [Float], loss: () -> Double) -> Result {
        check(name, analytic: analytic, get: { input.value.data[$0] }, set: { input.value.data[$0] = $1 }, loss: loss)
    }
}

/// A shared, mutable box so loss closures see perturbed inputs.
final class Ref<T> {
    var value: T
    init(_ value: T) { self.value = value }
}

/// Σ output · R in Double: a loss whose gradient with respect to the output is R.
func projection(_ m: Matrix, _ r: [Float]) -> Double {
    var s: Double = 0
    for i in 0..<m.count { s += Double(m.data[i]) * Double(r[i]) }
    return s
}

func randomMatrix(_ rows: Int, _ cols: Int, _ rng: inout SeededRandom, scale: Float = 1) -> Matrix {
    Matrix(rows: rows, cols: cols, data: (0..<(rows * cols)).map { _ in scale * rng.uniform(-1, 1) })
}

func assertPassed(_ r: GradientChecker.Result, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertTrue(r.passed, "gradient check failed (worst ratio \(r.worst)): \(r.worstDetail)", file: file, line: line)
}
