import ShopCore

/// A network's parameters in and out of the one model file format (ShopCore's `ModelArchive`,
/// which knows tensors, not layers).
extension ModelArchive {
    public mutating func add(_ parameter: Parameter) {
        tensors.append(Tensor(name: parameter.name, rows: parameter.rows, cols: parameter.cols, values: parameter.value))
    }

    /// Copies the tensor with the parameter's name into it, checking the shape.
    public func restore(_ parameter: Parameter) throws {
        let t = try tensor(named: parameter.name)
        guard t.rows == parameter.rows && t.cols == parameter.cols else {
            throw ModelArchiveError.shapeMismatch(file: file, name: t.name, expected: "\(parameter.rows)×\(parameter.cols)",
                                                  found: "\(t.rows)×\(t.cols)")
        }
        parameter.value = t.values
    }
}
