/// A sparse feature vector: sorted-free parallel arrays of column indices and values.
public struct SparseVector: Sendable {
    public var indices: [Int32]
    public var values: [Float]

    public init(indices: [Int32] = [], values: [Float] = []) {
        self.indices = indices
        self.values = values
    }

    /// Squared L2 norm.
    public var squaredNorm: Float {
        var s: Float = 0
        for v in values { s += v * v }
        return s
    }
}
