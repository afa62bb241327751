/// A fully connected layer: y = x · Wᵀ + b, with W stored `out × in`.
public final class Dense: @unchecked Sendable {
    public let inputSize: Int
    public let outputSize: Int
    public let weight: Parameter
    public let bias: Parameter

    public init(inputSize: Int, outputSize: Int, name: String = "dense", rng: inout SeededRandom) {
        self.inputSize = inputSize
        self.outputSize = outputSize
        weight = Parameter(name: "\(name).weight", rows: outputSize, cols: inputSize)
        bias = Parameter(name: "\(name).bias", rows: outputSize, cols: 1, decays: false)
        weight.initUniform(1 / Float(inputSize).squareRoot(), rng: &rng)
    }

    public var parameters: [Parameter] { [weight, bias] }

    /// output = input · Wᵀ + b for every row of input (`n × inputSize` → `n × outputSize`).
    public func forward(_ input: Matrix, output: inout Matrix) {
        precondition(input.cols == inputSize)
        let n = input.rows, o = outputSize
        output.reshape(rows: n, cols: o)
        output.data.withUnsafeMutableBufferPointer { y in
            input.data.withUnsafeBufferPointer { x in
                weight.affine(input: x.baseAddress!, count: n, bias: bias, into: y.baseAddress!)
            }
        }
    }

    /// Accumulates dW, db; writes dInput (`n × inputSize`) unless `computeInputGradient` is false.
    public func backward(input: Matrix, gradOutput: Matrix, gradInput: inout Matrix, computeInputGradient: Bool = true) {
        let n = input.rows, o = outputSize, i = inputSize
        gradOutput.data.withUnsafeBufferPointer { gy in
            if !weight.isFrozen {
                input.data.withUnsafeBufferPointer { x in
                    weight.addWeightGradient(gradOutput: gy.baseAddress!, input: x.baseAddress!, count: n)
                }
                bias.grad.withUnsafeMutableBufferPointer { gb in
                    for r in 0..<n { for j in 0..<o { gb[j] += gy[r * o + j] } }
                }
            }
            if computeInputGradient {
                gradInput.reshape(rows: n, cols: i)
                gradInput.data.withUnsafeMutableBufferPointer { gx in
                    weight.inputGradient(gradOutput: gy.baseAddress!, count: n, into: gx.baseAddress!, beta: 0)
                }
            }
        }
    }
}
