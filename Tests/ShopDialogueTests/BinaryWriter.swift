/// Little-endian byte writer of the earlier intent model format (only tests write it now).
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func f32(_ v: Float) { u32(v.bitPattern) }
    mutating func f16(_ v: Float) { u16(Float16(v).bitPattern) }
    mutating func blob(_ b: [UInt8]) { u64(UInt64(b.count)); bytes += b }
    mutating func string(_ s: String) { blob(Array(s.utf8)) }
}

