/// A trainable tensor: its values, its gradient, and how the optimiser may touch it.
///
/// Stored as `rows × cols` row-major (a vector is `n × 1`). Sparse parameters
/// (embedding tables) record which rows received gradient so that zeroing and the
/// Adam step cost only the touched rows.
public final class Parameter: @unchecked Sendable {
    public let name: String
    public let rows: Int
    public let cols: Int
    /// The values. Every write (element, whole array, or in place through
    /// `withUnsafeMutableBufferPointer`) bumps `version`, so caches derived from the
    /// values (`TokenGateCache`) can tell they are stale. A `didSet` that ignores the
    /// old value is applied in place, so this costs one increment per write access.
    public var value: [Float] { didSet { version &+= 1 } }
    /// Counts writes to `value`; derived caches compare it to the count they were built at.
    public private(set) var version: UInt64 = 0
    public var grad: [Float]
    /// Frozen parameters get no gradient and are not updated.
    public var isFrozen: Bool = false
    /// Whether gradients arrive for a few rows at a time.
    public let isSparse: Bool
    /// Whether decoupled weight decay applies (off for biases and norms).
    public var decays: Bool
    private var touched: [Bool]
    /// Rows that received gradient since the last `zeroGrad()` (sparse parameters only).
    public private(set) var touchedRows: [Int] = []

    public init(name: String, rows: Int, cols: Int, sparse: Bool = false, decays: Bool = true) {
        self.name = name
        self.rows = rows
        self.cols = cols
        value = [Float](repeating: 0, count: rows * cols)
        grad = [Float](repeating: 0, count: rows * cols)
        isSparse = sparse
        self.decays = decays
        touched = sparse ? [Bool](repeating: false, count: rows) : []
    }

    public var count: Int { rows * cols }

    /// Notes that `row` received gradient (sparse parameters).
    @inline(__always)
    public func touch(_ row: Int) {
        if !touched[row] { touched[row] = true; touchedRows.append(row) }
    }

    public func zeroGrad() {
        if isSparse {
            grad.withUnsafeMutableBufferPointer { g in
                for r in touchedRows {
                    (g.baseAddress! + r * cols).update(repeating: 0, count: cols)
                    touched[r] = false
                }
            }
            touchedRows.removeAll(keepingCapacity: true)
        } else {
            grad.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
    }

    /// Fills the values from a uniform distribution on [-bound, bound).
    public func initUniform(_ bound: Float, rng: inout SeededRandom) {
        guard rng.drawsWeights else { return }
        for i in 0..<value.count { value[i] = rng.uniform(-bound, bound) }
    }
}
