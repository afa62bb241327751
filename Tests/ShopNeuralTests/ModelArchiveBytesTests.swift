import ShopCore
import Foundation
import XCTest
@testable import ShopNeural

/// Byte tensors and per-tensor storage: what the sentiment and intent model files need from
/// the one archive format (integer keys, nested archives, float32 beside float16).
final class ModelArchiveBytesTests: XCTestCase {
    private func archive() -> ModelArchive {
        var a = ModelArchive(kind: "Test", config: Data("{\"n\":2}".utf8), appMetadata: Data("{\"labels\":[\"a\",\"b\"]}".utf8))
        a.add(ModelArchive.Tensor(name: "weights", rows: 2, cols: 2, values: [0.1, -2, 3.5, 1e-3]))
        a.add(ModelArchive.Tensor(name: "bias", rows: 2, cols: 1, values: [0.123456789, -7], storage: .float32))
        a.add(bytes: [0, 1, 2, 255, 0x7C, 0x00], named: "keys")
        a.add(bytes: [], named: "empty")
        return a
    }

    /// A vocabulary built in another order (another training run, another process) must
    /// give the same metadata bytes, or the same model saved twice gets another checksum.
    func testMetadataJSONDoesNotDependOnDictionaryOrder() throws {
        var forward: [String: Int] = [:], backward: [String: Int] = [:]
        backward.reserveCapacity(4096)
        for i in 0..<500 { forward["w\(i)"] = i }
        for i in (0..<500).reversed() { backward["w\(i)"] = i }
        XCTAssertEqual(forward, backward)
        XCTAssertEqual(try ModelArchive.json(forward), try ModelArchive.json(backward))
        let text = String(decoding: try ModelArchive.json(["b": 1, "a": 2]), as: UTF8.self)
        XCTAssertEqual(text, "{\"a\":2,\"b\":1}")
    }

    func testByteTensorsAndPerTensorStorageRoundTrip() throws {
        let data = try archive().encoded(storage: .float16)
        // Byte tensors make it a version 2 file.
        XCTAssertEqual(data[8], 2)
        let back = try ModelArchive.decode(data, file: "t.snm")
        XCTAssertEqual(try back.bytes(named: "keys"), [0, 1, 2, 255, 0x7C, 0x00])
        XCTAssertEqual(try back.bytes(named: "empty"), [])
        // float16 where the archive was asked for it, float32 where the tensor says so.
        XCTAssertEqual(try back.tensor(named: "weights").values, [Float(0.1), -2, 3.5, 1e-3].map { Float(Float16($0)) })
        XCTAssertEqual(try back.tensor(named: "bias").values, [0.123456789, -7])
        XCTAssertThrowsError(try back.bytes(named: "missing")) { e in
            XCTAssertEqual(e as? ModelArchiveError, .missingTensor(file: "t.snm", name: "missing"))
        }
        var flipped = data
        flipped[data.count - 12] ^= 0x01  // in the last byte tensor's header
        XCTAssertThrowsError(try ModelArchive.decode(flipped, file: "t.snm")) { e in
            XCTAssertEqual(e as? ModelArchiveError, .checksumMismatch(file: "t.snm"))
        }
    }

    func testArchivesWithoutByteTensorsStayVersionOne() throws {
        var a = archive()
        a.byteTensors = []
        let data = try a.encoded(storage: .float32)
        XCTAssertEqual(data[8], 1)
        XCTAssertEqual(try ModelArchive.decode(data, file: "t.snm").tensors.map(\.name), ["weights", "bias"])
    }

    func testAForgedByteLengthIsAnErrorNotATrap() throws {
        var a = ModelArchive(kind: "Test", config: Data("{}".utf8))
        a.add(bytes: [1, 2, 3, 4], named: "k")
        var bytes = [UInt8](try a.encoded())
        // The byte tensor's row count sits 16 bytes before its 4 bytes and the 8-byte checksum.
        let rowsAt = bytes.count - 8 - 4 - 16
        XCTAssertEqual(bytes[rowsAt], 4)
        for (i, b) in withUnsafeBytes(of: UInt64.max.littleEndian, Array.init).enumerated() { bytes[rowsAt + i] = b }
        let body = Array(bytes[0..<(bytes.count - 8)])
        bytes = body
        withUnsafeBytes(of: FNVForTests.hash64(body).littleEndian) { bytes += $0 }
        XCTAssertThrowsError(try ModelArchive.decode(Data(bytes), file: "f.snm")) { e in
            guard case .malformed(_, let reason)? = e as? ModelArchiveError else { return XCTFail("\(e)") }
            XCTAssertTrue(reason.contains("byte tensor 'k'"), reason)
        }
    }
}

/// FNV-1a 64, written out here so the test does not trust the code it checks.
enum FNVForTests {
    static func hash64(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }
}
