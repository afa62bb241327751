// libFuzzer entry for ShopDialogue's intent model decoder, both layouts (the ModelArchive files
// written today and the earlier SNLPINTM ones it still reads): any bytes, with the length and
// checksum fields recomputed so the fuzzer reaches the header, vocabulary and weight parsing
// behind them; a model that decodes must also classify a message.
import Foundation
import ShopDialogue

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIntentModel(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if bytes.count >= 32, bytes.prefix(8).elementsEqual("SHOPNLPM".utf8) {
        // The current layout, a ModelArchive: total length at 16, FNV-1a 64 of all before it last.
        withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { for i in 0..<8 { bytes[16 + i] = $0[i] } }
        var sum: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes[..<(bytes.count - 8)] { sum = (sum ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        withUnsafeBytes(of: sum.littleEndian) { for i in 0..<8 { bytes[bytes.count - 8 + i] = $0[i] } }
    } else if bytes.count >= 28 {
        // The earlier SNLPINTM layout: magic (8), version (4), payload length (8), FNV-1a 64 of
        // the payload (8), payload.
        let payload = bytes[28...]
        var sum: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in payload { sum = (sum ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        withUnsafeBytes(of: UInt64(payload.count).littleEndian) { for i in 0..<8 { bytes[12 + i] = $0[i] } }
        withUnsafeBytes(of: sum.littleEndian) { for i in 0..<8 { bytes[20 + i] = $0[i] } }
    }
    guard let model = try? IntentModelFile.decode(bytes, path: "fuzz") else { return 0 }
    _ = model.classify("where is my order 我的订单到哪了")
    return 0
}
