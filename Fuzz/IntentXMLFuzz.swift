// libFuzzer entry for ShopDialogue's intent and entity XML loaders: the input is written
// to a file, parsed and validated against Intents/schema (compiled once), and what
// validates is read as intents and as entities; entities that load must also extract.
// Run from the repository root (scripts/fuzz does).
import Foundation
import ShopData
@testable import ShopDialogue

private let path = NSTemporaryDirectory() + "shopnlp-fuzz-xml-\(getpid()).xml"
private let intentSchema = try! XMLSchemaValidator(schemaPath: "Intents/schema/intents.xsd")
private let entitySchema = try! XMLSchemaValidator(schemaPath: "Intents/schema/entities.xsd")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIntentXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size)) else { return 0 }
    if let doc = try? intentSchema.parseAndValidate(path) {
        _ = try? IntentFileReader.read(doc)
    }
    if let doc = try? entitySchema.parseAndValidate(path), let defs = try? EntityFileReader.read(doc) {
        _ = EntityExtractor(definitions: defs).extract("order 12345678 to 北京, 13812345678, size XL")
    }
    return 0
}
