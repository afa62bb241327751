/// Why a model file could not be read or written; every case names the file.
public enum ModelArchiveError: Error, CustomStringConvertible, Equatable {
    case cannotRead(file: String, reason: String)
    case cannotWrite(file: String, reason: String)
    case notAModelFile(file: String)
    case unsupportedVersion(file: String, found: UInt32, supported: UInt32)
    case truncated(file: String, expectedBytes: Int, actualBytes: Int)
    case checksumMismatch(file: String)
    case malformed(file: String, reason: String)
    case wrongKind(file: String, expected: String, found: String)
    case missingTensor(file: String, name: String)
    case shapeMismatch(file: String, name: String, expected: String, found: String)

    public var description: String {
        switch self {
        case let .cannotRead(f, r): return "\(f): cannot read model file: \(r)"
        case let .cannotWrite(f, r): return "\(f): cannot write model file: \(r)"
        case let .notAModelFile(f): return "\(f): not a ShopNLP model file (bad magic bytes)"
        case let .unsupportedVersion(f, found, supported):
            return "\(f): model file format version \(found) is not supported (this build reads versions up to \(supported))"
        case let .truncated(f, e, a): return "\(f): model file is truncated (\(a) of \(e) bytes)"
        case let .checksumMismatch(f): return "\(f): model file is corrupted (checksum mismatch)"
        case let .malformed(f, r): return "\(f): malformed model file: \(r)"
        case let .wrongKind(f, e, found): return "\(f): model file holds a \(found), expected a \(e)"
        case let .missingTensor(f, n): return "\(f): model file lacks tensor '\(n)'"
        case let .shapeMismatch(f, n, e, found): return "\(f): tensor '\(n)' has shape \(found), expected \(e)"
        }
    }
}
