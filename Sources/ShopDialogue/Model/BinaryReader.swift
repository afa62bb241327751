import Foundation

/// Little-endian byte reader that fails instead of reading past the end (the earlier
/// intent model format).
struct BinaryReader {
    let bytes: [UInt8]
    var pos = 0
    let path: String

    init(_ bytes: [UInt8], path: String) { self.bytes = bytes; self.path = path }

    mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
        guard n >= 0, n <= bytes.count - pos else {
            throw IntentModelError.badModelFile(path: path, reason: "truncated at byte \(pos)")
        }
        defer { pos += n }
        return bytes[pos..<(pos + n)]
    }

    mutating func u16() throws -> UInt16 { try take(2).reversed().reduce(0) { $0 << 8 | UInt16($1) } }
    mutating func u32() throws -> UInt32 { try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) } }
    mutating func u64() throws -> UInt64 { try take(8).reversed().reduce(0) { $0 << 8 | UInt64($1) } }
    mutating func f32() throws -> Float { Float(bitPattern: try u32()) }
    mutating func f16() throws -> Float { Float(Float16(bitPattern: try u16())) }
    mutating func blob() throws -> [UInt8] {
        let n = try u64()
        guard n <= UInt64(bytes.count - pos) else {
            throw IntentModelError.badModelFile(path: path, reason: "bad length \(n) at byte \(pos)")
        }
        return Array(try take(Int(n)))
    }
    mutating func string() throws -> String { String(decoding: try blob(), as: UTF8.self) }
}
