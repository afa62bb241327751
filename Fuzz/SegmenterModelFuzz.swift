// libFuzzer entry for ShopTokenize's segmenter model decoder, both layouts (the ModelArchive
// files written today and the earlier SHOPSEG ones it still reads): any bytes, with the
// length and checksum fields recomputed so the fuzzer reaches the header, lexicon and weight
// checks behind them; a model that decodes must also segment a line.
import Foundation
import ShopTokenize

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSegmenterModel(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if bytes.count >= 32, bytes.prefix(8).elementsEqual("SHOPNLPM".utf8) {
        withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { for i in 0..<8 { bytes[16 + i] = $0[i] } }
    }
    if bytes.count >= 16 {
        var sum: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes[..<(bytes.count - 8)] { sum = (sum ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        withUnsafeBytes(of: sum.littleEndian) { for i in 0..<8 { bytes[bytes.count - 8 + i] = $0[i] } }
    }
    guard let model = try? SegmenterModel.decode(bytes, path: "fuzz"),
          let tokenizer = try? Tokenizer(options: TokenizerOptions(language: .zh), model: model) else { return 0 }
    _ = tokenizer.words("我们在北京召开会议。")
    return 0
}
