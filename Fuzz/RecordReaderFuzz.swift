// libFuzzer entry for ShopData's record readers: the input is written to a file and read
// as every format (text, TSV, CSV, JSON Lines, XML). Built by scripts/fuzz against the
// instrumented ShopCore and ShopData libraries.
import Foundation
@testable import ShopData

private let path = NSTemporaryDirectory() + "shopnlp-fuzz-\(getpid()).input"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecordReaders(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard FileManager.default.createFile(atPath: path, contents: bytes) else { return 0 }
    for format in [RecordFormat.text, .tsv, .csv, .jsonl, .xml] {
        var options = RecordReaderOptions(format: format, recordElement: "item", stripHTML: format == .xml)
        options.textLimit = TextLimit(maxChars: 1_000)
        guard let reader = try? RecordReader(path: path, options: options) else { continue }
        var n = 0
        while let _ = reader.next(), n < 10_000 { n += 1 }
    }
    return 0
}
