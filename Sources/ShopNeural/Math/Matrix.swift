/// A dense row-major matrix of `Float`: the one tensor type layers exchange.
///
/// Sequence batches are stored time-major: row `t * batch + b` holds time step `t`
/// of sequence `b`, so one time step of the whole batch is a contiguous block.
public struct Matrix: Sendable, Equatable {
    public private(set) var rows: Int
    public private(set) var cols: Int
    public var data: [Float]

    public init(rows: Int, cols: Int) {
        self.rows = rows
        self.cols = cols
        data = [Float](repeating: 0, count: rows * cols)
    }

    public init(rows: Int, cols: Int, data: [Float]) {
        precondition(data.count == rows * cols, "Matrix data has \(data.count) values, expected \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        self.data = data
    }

    public var count: Int { rows * cols }

    public subscript(row: Int, col: Int) -> Float {
        get { data[row * cols + col] }
        set { data[row * cols + col] = newValue }
    }

    /// Reshapes to rows×cols and sets every value to zero, reusing the storage when it is large enough.
    public mutating func reset(rows: Int, cols: Int) {
        self.rows = rows
        self.cols = cols
        reshape(rows: rows, cols: cols)
        data.withUnsafeMutableBufferPointer { p in p.update(repeating: 0) }
    }

    /// Reshapes without clearing (contents are unspecified until written).
    public mutating func reshape(rows: Int, cols: Int) {
        self.rows = rows
        self.cols = cols
        let n = rows * cols
        // Shrinking keeps the array's capacity, so a reused workspace stops allocating.
        if data.count > n { data.removeLast(data.count - n) }
        else if data.count < n { data.append(contentsOf: repeatElement(0, count: n - data.count)) }
    }

    /// One row as an array.
    public func row(_ r: Int) -> [Float] { Array(data[(r * cols)..<((r + 1) * cols)]) }
}
