// libFuzzer entry for ShopSentiment's model file decoder, both layouts (ModelArchive files as
// written today, SHOPSENT as read from earlier builds): any bytes, with the trailing
// checksum recomputed so the fuzzer reaches the header, size and weight checks behind it;
// a model that decodes must also answer a prediction. Built by scripts/fuzz against the
// instrumented ShopSentiment module and its dependencies.
import Foundation
import ShopSentiment

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSentimentModel(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if bytes.count >= 32, bytes.prefix(8).elementsEqual("SHOPNLPM".utf8) {
        // A ModelArchive (the current layout) also records its total length, at offset 16.
        withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { for i in 0..<8 { bytes[16 + i] = $0[i] } }
    }
    if bytes.count >= 24 {
        let sum = SentimentModelFile.checksum(bytes[0..<(bytes.count - 8)])
        withUnsafeBytes(of: sum.littleEndian) { for i in 0..<8 { bytes[bytes.count - 8 + i] = $0[i] } }
    }
    guard let model = try? SentimentModelFile.decode(Data(bytes), path: "fuzz") else { return 0 }
    _ = model.predict("很好 great value, 不满意 broken")
    return 0
}
