/// A trainable lookup table: id → row vector.
///
/// Row `paddingIndex` stays zero and receives no gradient. Gradients are sparse:
/// only rows that occur in the batch are touched (see `Parameter.touchedRows`).
public final class Embedding: @unchecked Sendable {
    public let vocabSize: Int
    public let dim: Int
    public let paddingIndex: Int32?
    public let weight: Parameter

    public init(vocabSize: Int, dim: Int, paddingIndex: Int32? = 0, name: String = "embedding",
                rng: inout SeededRandom) {
        self.vocabSize = vocabSize
        self.dim = dim
        self.paddingIndex = paddingIndex
        weight = Parameter(name: "\(name).weight", rows: vocabSize, cols: dim, sparse: true, decays: false)
        // Filled as a local array: through the class's property every element paid an
        // exclusivity check.
        var initial = [Float](repeating: 0, count: weight.count)
        for i in initial.indices { initial[i] = 0.5 * rng.normal() }
        weight.value = initial
        zeroPaddingRow()
    }

    /// Copies pretrained vectors in: `vectors` is `rows × dim` for ids `0..<rows` (rows ≤ vocabSize).
    public func load(pretrained vectors: Matrix) {
        precondition(vectors.cols == dim && vectors.rows <= vocabSize, "pretrained matrix shape mismatch")
        for i in 0..<vectors.count { weight.value[i] = vectors.data[i] }
        zeroPaddingRow()
    }

    /// Sets the vector of one id (e.g. from a pretrained table keyed by word).
    public func setVector(_ vector: [Float], for id: Int) {
        precondition(vector.count == dim && id >= 0 && id < vocabSize)
        for j in 0..<dim { weight.value[id * dim + j] = vector[j] }
    }

    private func zeroPaddingRow() {
        if let p = paddingIndex, p >= 0, Int(p) < vocabSize {
            for j in 0..<dim { weight.value[Int(p) * dim + j] = 0 }
        }
    }

    /// output[i] = weight[ids[i]]; output becomes `ids.count × dim`. Ids must be in range.
    public func forward(ids: [Int32], output: inout Matrix) {
        output.reshape(rows: ids.count, cols: dim)
        let d = dim
        weight.value.withUnsafeBufferPointer { w in
            output.data.withUnsafeMutableBufferPointer { o in
                for (i, id) in ids.enumerated() {
                    (o.baseAddress! + i * d).update(from: w.baseAddress! + Int(id) * d, count: d)
                }
            }
        }
    }

    /// Accumulates gradOutput rows into the rows of the ids (skips padding; nothing when frozen).
    public func backward(ids: [Int32], gradOutput: Matrix) {
        if weight.isFrozen { return }
        let d = dim
        weight.grad.withUnsafeMutableBufferPointer { g in
            gradOutput.data.withUnsafeBufferPointer { go in
                for (i, id) in ids.enumerated() where id != paddingIndex {
                    weight.touch(Int(id))
                    let dst = g.baseAddress! + Int(id) * d, src = go.baseAddress! + i * d
                    for j in 0..<d { dst[j] += src[j] }
                }
            }
        }
    }
}
