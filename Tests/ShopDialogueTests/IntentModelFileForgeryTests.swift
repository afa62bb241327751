import Foundation
import Testing
import ShopCore
@testable import ShopDialogue

/// Issue 20 (fuzzing the intent model loader): a file whose length and checksum fields are
/// consistent but whose contents are forged must be refused with `IntentModelError`, never
/// trap while loading or later while classifying.
@Suite struct IntentModelFileForgeryTests {
    /// A small valid model file of the earlier format (wide path only): its reader must
    /// hold (new files: IntentModelFormatTests).
    static func modelBytes() throws -> [UInt8] {
        var t = IntentTrainer()
        t.holdout = 0
        return try LegacyIntentFile.encode(try t.train(IntentModelTests.data))
    }

    /// The file with its payload edited, the length and checksum fields recomputed.
    static func forged(_ file: [UInt8], _ edit: (inout [UInt8]) -> Void) -> [UInt8] {
        var payload = Array(file[28...])
        edit(&payload)
        var w = BinaryWriter()
        w.bytes = Array(file[0..<12])
        w.u64(UInt64(payload.count))
        w.u64(FNV1a.hash64(bytes: payload))
        return w.bytes + payload
    }

    /// Where the vocabulary size sits in the payload: after the header blob.
    static func dimOffset(_ payload: [UInt8]) -> Int {
        8 + Int(payload[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
    }

    static func header(_ payload: [UInt8]) -> String {
        String(decoding: payload[8..<dimOffset(payload)], as: UTF8.self)
    }

    static func withHeader(_ payload: inout [UInt8], _ json: String) {
        let rest = Array(payload[dimOffset(payload)...])
        var w = BinaryWriter()
        w.string(json)
        payload = w.bytes + rest
    }

    @Test func untouchedFileStillLoads() throws {
        let file = try Self.modelBytes()
        let m = try IntentModelFile.decode(Self.forged(file) { _ in }, path: "ok.model")
        #expect(m.classify("refund please").intent == "refund")
    }

    @Test(arguments: [UInt64.max, UInt64(1) << 62, UInt64(1) << 40, UInt64(1) << 20])
    func forgedVocabularySizeIsRefused(dim: UInt64) throws {
        let file = try Self.modelBytes()
        let bad = Self.forged(file) { p in
            let at = Self.dimOffset(p)
            withUnsafeBytes(of: dim.littleEndian) { for i in 0..<8 { p[at + i] = $0[i] } }
        }
        #expect(throws: IntentModelError.self) { try IntentModelFile.decode(bad, path: "forged.model") }
    }

    @Test func forgedNGramSizesAreRefused() throws {
        let file = try Self.modelBytes()
        for (from, to) in [("\"charMin\":2", "\"charMin\":-4"), ("\"cjkMax\":3", "\"cjkMax\":-1"), ("\"charMax\":5", "\"charMax\":100000")] {
            let bad = Self.forged(file) { p in
                let json = Self.header(p)
                #expect(json.contains(from), "header JSON: \(json)")
                Self.withHeader(&p, json.replacingOccurrences(of: from, with: to))
            }
            #expect(throws: IntentModelError.self) { try IntentModelFile.decode(bad, path: "forged.model") }
        }
    }

    @Test func nonFiniteWeightIsRefused() throws {
        let file = try Self.modelBytes()
        // The last two bytes are the last float16 weight (no deep path): 0x7E00 is NaN.
        let bad = Self.forged(file) { p in p[p.count - 2] = 0x00; p[p.count - 1] = 0x7E }
        #expect(throws: IntentModelError.self) { try IntentModelFile.decode(bad, path: "forged.model") }
    }

    /// `intent train --char-max 0` (the option's documented "off") trapped in the extractor.
    @Test func characterGramsOffDoesNotTrap() throws {
        var t = IntentTrainer()
        t.holdout = 0
        t.extractor.charMax = 0
        let m = try t.train(IntentModelTests.data)
        #expect(!m.classify("refund please").intent.isEmpty)
        #expect(!t.extractor.features("hello world").features.contains { $0.hasPrefix("c:") })
    }
}
