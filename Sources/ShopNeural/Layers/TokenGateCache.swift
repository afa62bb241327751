import Foundation

/// Hands out a `TokenGateTable` that matches a classifier's current weights; safe to call
/// from several threads at once.
///
/// In sync by construction: every write to a `Parameter`'s values bumps its `version`
/// (Adam steps, `Embedding.setVector`/`load(pretrained:)`, archive restore, best-epoch
/// restore, initialisation, any direct write); a table records the versions of the
/// embedding, both input weights and both biases it was computed from, and a table whose
/// versions differ from the current ones is dropped for a new, empty one. Training while
/// another thread predicts stays unsupported (as for the whole model).
///
/// Memory budget: a table holds vocab × 8H floats (20k × 1024 = 80 MB at the benchmark
/// shapes, only rows actually used are touched). Above `maxFloats` (32M floats = 128 MB)
/// no table is made and inference runs the input products instead.
final class TokenGateCache: @unchecked Sendable {
    static let maxFloats = 32 << 20
    private let lock = NSLock()
    private var current: TokenGateTable?

    /// The parameters a table is computed from, in a fixed order.
    static func sources(_ embedding: Embedding, _ encoder: BiLSTM) -> [Parameter] {
        [embedding.weight, encoder.forwardLSTM.weightIH, encoder.forwardLSTM.bias,
         encoder.reverseLSTM.weightIH, encoder.reverseLSTM.bias]
    }

    /// Whether a model of these shapes gets a table at all.
    static func fits(vocabSize: Int, hiddenSize: Int) -> Bool {
        let (floats, overflow) = vocabSize.multipliedReportingOverflow(by: 8 * hiddenSize)
        return !overflow && floats <= maxFloats
    }

    /// A table of the current weights with the rows of `ids` (in `0..<vocabSize`) filled,
    /// or nil when the model is over the memory budget.
    func table(for ids: [Int32], embedding: Embedding, encoder: BiLSTM) -> TokenGateTable? {
        guard Self.fits(vocabSize: embedding.vocabSize, hiddenSize: encoder.hiddenSize) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        let versions = Self.sources(embedding, encoder).map(\.version)
        if current?.versions != versions {
            current = TokenGateTable(vocabSize: embedding.vocabSize, hiddenSize: encoder.hiddenSize, versions: versions)
        }
        current!.fill(ids: ids, embedding: embedding, encoder: encoder)
        return current
    }

    /// The current table, if any (tests).
    var currentTable: TokenGateTable? {
        lock.lock()
        defer { lock.unlock() }
        return current
    }
}
