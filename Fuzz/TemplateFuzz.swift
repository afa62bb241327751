// libFuzzer entry for ShopCopywriting's template parser: the input (as UTF-8, bad bytes
// replaced) is parsed as a whole template file and as one sentence line.
import Foundation
import ShopCopywriting

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? TemplateParser.parse(text, file: "fuzz.tmpl")
    _ = try? TemplateParser.parseLine(text, file: "fuzz.tmpl", line: 1)
    return 0
}
