import Foundation

/// Sigmoid and log looked up in precomputed tables (as word2vec and fastText do): the
/// inner loop calls them a dozen times per word and `exp`/`log` would dominate.
struct SigmoidTable: Sendable {
    static let size = 512
    static let maxInput: Float = 8
    private let sigmoid: [Float]
    private let logTable: [Float]

    init() {
        sigmoid = (0...SigmoidTable.size).map { i in
            let x = (Float(i) * 2 * SigmoidTable.maxInput) / Float(SigmoidTable.size) - SigmoidTable.maxInput
            return 1 / (1 + Foundation.exp(-x))
        }
        logTable = (0...SigmoidTable.size).map { i in
            Foundation.log((Float(i) + 1e-5) / Float(SigmoidTable.size))
        }
    }

    @inline(__always)
    func sigmoid(_ x: Float) -> Float {
        if x < -SigmoidTable.maxInput { return 0 }
        if x > SigmoidTable.maxInput { return 1 }
        let i = Int((x + SigmoidTable.maxInput) * Float(SigmoidTable.size) / SigmoidTable.maxInput / 2)
        return sigmoid.withUnsafeBufferPointer { $0[i] }
    }

    /// log(x) for x in [0, 1]; coarse, only used for the reported loss.
    @inline(__always)
    func log(_ x: Float) -> Float {
        if x >= 1 { return 0 }
        let i = Int(x * Float(SigmoidTable.size))
        return logTable.withUnsafeBufferPointer { $0[max(0, i)] }
    }
}
