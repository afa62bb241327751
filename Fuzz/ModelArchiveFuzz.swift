// libFuzzer entry for ShopCore's model archive decoder: any bytes, with the checksum
// recomputed so the fuzzer reaches the size and tensor checks behind it. Built by
// scripts/fuzz against the instrumented ShopCore library.
import Foundation
@testable import ShopCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelArchive(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if bytes.count >= 16 {
        let body = bytes[0..<(bytes.count - 8)]
        let sum = FNV1a.hash64(bytes: body)
        withUnsafeBytes(of: sum.littleEndian) { for i in 0..<8 { bytes[bytes.count - 8 + i] = $0[i] } }
    }
    _ = try? ModelArchive.decode(Data(bytes), file: "fuzz")
    return 0
}
