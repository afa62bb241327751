import ShopCore

/// A BiLSTM's input gates per token id, for inference: row `v` is
/// `[E[v]·W_ih,fwdᵀ + b_fwd | E[v]·W_ih,revᵀ + b_rev]` (8H floats), where `E` is the
/// embedding table. Looking a token's row up replaces the input product of both
/// directions (`T·B × E × 8H` multiply-adds per batch: half of a BiLSTM's inference work)
/// and the embedding copy. The result equals the products' up to float rounding: each entry
/// is one fused multiply-add chain (`ChainProduct`), so a row's bits do not depend on the
/// rows computed with it.
///
/// Rows are computed on first use (`fill`), so a table never costs more products than
/// the input projections it replaces, and a process that predicts a few sentences pays
/// for a few rows. A table is tied to the weight versions it was computed from
/// (`versions`, see `Parameter.version`); `TokenGateCache` replaces it when they change.
final class TokenGateTable: @unchecked Sendable {
    /// One direction's half of the table.
    struct Columns {
        let base: UnsafePointer<Float>
        /// Floats between consecutive rows (8H).
        let stride: Int
        /// Floats of this direction per row (4H).
        let width: Int

        @inline(__always) func row(_ id: Int) -> UnsafePointer<Float> { base + id * stride }
    }

    let vocabSize: Int
    let hiddenSize: Int
    /// Versions of the weights the rows were computed from (order: `TokenGateCache.sources`).
    let versions: [UInt64]
    private let storage: UnsafeMutablePointer<Float>
    private var filled: [Bool]
    /// Rows computed so far.
    private(set) var filledCount = 0
    /// Both directions' input weights transposed (E × 4H), for `ChainProduct`.
    private var inputWeightsT: [[Float]] = []

    init(vocabSize: Int, hiddenSize: Int, versions: [UInt64]) {
        self.vocabSize = vocabSize
        self.hiddenSize = hiddenSize
        self.versions = versions
        // Left uninitialised: only rows that get filled are ever read (or faulted in).
        storage = .allocate(capacity: vocabSize * 8 * hiddenSize)
        filled = [Bool](repeating: false, count: vocabSize)
    }

    deinit { storage.deallocate() }

    var forwardColumns: Columns { Columns(base: storage, stride: 8 * hiddenSize, width: 4 * hiddenSize) }
    var reverseColumns: Columns { Columns(base: storage + 4 * hiddenSize, stride: 8 * hiddenSize, width: 4 * hiddenSize) }

    /// Computes the rows of `ids` (all in `0..<vocabSize`) that are not filled yet, from the
    /// current weights. Not thread-safe: `TokenGateCache` calls it under its lock; rows once
    /// filled are never written again, so readers of earlier rows need no lock.
    func fill(ids: [Int32], embedding: Embedding, encoder: BiLSTM) {
        precondition(embedding.vocabSize == vocabSize && encoder.hiddenSize == hiddenSize
                     && encoder.inputSize == embedding.dim)
        var missing: [Int] = []
        for id in ids {
            let v = Int(id)
            precondition(v >= 0 && v < vocabSize, "token id \(v) outside the table")
            if !filled[v] { filled[v] = true; missing.append(v) }
        }
        if missing.isEmpty { return }
        filledCount += missing.count
        let U = missing.count, E = embedding.dim, G = 4 * hiddenSize, W = 2 * G
        var x = Matrix(rows: 0, cols: 0)
        embedding.forward(ids: missing.map { Int32($0) }, output: &x)
        let directions = [encoder.forwardLSTM, encoder.reverseLSTM]
        // The weights are fixed for the table's life (`versions`): transposed once.
        if inputWeightsT.isEmpty { inputWeightsT = directions.map { ChainProduct.transposed($0.weightIH.value, rows: G, columns: E) } }
        // Each row a chain of its own: which rows are missing together depends on which
        // thread asks first, and a row's bits must not.
        var y = [Float](repeating: 0, count: 2 * U * G)
        x.data.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                let ptrs = UncheckedBox((xp.baseAddress!, yp.baseAddress!))
                let weights = inputWeightsT
                let project: @Sendable (Int) -> Void = { d in
                    let (xa, ya) = ptrs.value
                    weights[d].withUnsafeBufferPointer { wT in
                        ChainProduct.product(xa, rows: U, k: E, wT.baseAddress!, columns: G, into: ya + d * U * G)
                    }
                }
                // The two directions on two threads when there is enough work (as in BiLSTM.forward).
                if U >= 32 { BLAS.parallel(2, project) } else { project(0); project(1) }
            }
        }
        directions[0].bias.value.withUnsafeBufferPointer { bf in
            directions[1].bias.value.withUnsafeBufferPointer { br in
                y.withUnsafeBufferPointer { yp in
                    for (u, v) in missing.enumerated() {
                        let forward = yp.baseAddress! + u * G, reverse = forward + U * G, dst = storage + v * W
                        for j in 0..<G { dst[j] = forward[j] + bf[j] }
                        for j in 0..<G { dst[G + j] = reverse[j] + br[j] }
                    }
                }
            }
        }
    }
}
