import XCTest
@testable import ShopNeural
import ShopCore

/// Issue 20: no model file, however forged, may crash the loader or allocate more than the
/// file holds; no non-finite or float16-overflowing weight may be written silently.
final class ModelArchiveSafetyTests: XCTestCase {
    private func archive(_ values: [Float]) -> ModelArchive {
        ModelArchive(kind: "test", config: Data("{}".utf8), appMetadata: Data("{}".utf8),
                     tensors: [.init(name: "w", rows: 1, cols: values.count, values: values)])
    }

    /// `bytes` with the trailing FNV-1a checksum recomputed, as a forger would.
    private func resealed(_ bytes: [UInt8]) -> Data {
        var body = Array(bytes[0..<(bytes.count - 8)])
        withUnsafeBytes(of: FNV1a.hash64(bytes: body).littleEndian) { body += $0 }
        return Data(body)
    }

    func testValuesBeyondFloat16AreKeptAsFloat32() throws {
        let values: [Float] = [1, -2.5, 1e6, -7e4, 0.001]
        let a = archive(values)
        XCTAssertEqual(a.tensorsBeyondFloat16, ["w"])
        let back = try ModelArchive.decode(try a.encoded(storage: .float16), file: "t")
        XCTAssertEqual(try back.tensor(named: "w").values, values)
    }

    func testNonFiniteValuesAreNotWritten() {
        XCTAssertThrowsError(try archive([1, .nan]).encoded())
        XCTAssertThrowsError(try archive([.infinity]).encoded(storage: .float16))
    }

    func testLoaderRefusesNonFiniteValues() throws {
        var bytes = [UInt8](try archive([1, 2, 3]).encoded())
        // The last tensor value sits just before the checksum.
        let at = bytes.count - 8 - 4
        withUnsafeBytes(of: Float.infinity.bitPattern.littleEndian) { for i in 0..<4 { bytes[at + i] = $0[i] } }
        XCTAssertThrowsError(try ModelArchive.decode(resealed(bytes), file: "t")) { error in
            XCTAssertTrue("\(error)".contains("infinite or NaN"), "\(error)")
        }
    }

    func testForgedMetadataLengthNearIntMaxIsAnErrorNotATrap() throws {
        var bytes = [UInt8](try archive([1, 2, 3]).encoded())
        // magic 8, version 4, flags 4, total size 8, then the metadata length.
        withUnsafeBytes(of: (UInt64(Int.max) - 3).littleEndian) { for i in 0..<8 { bytes[24 + i] = $0[i] } }
        XCTAssertThrowsError(try ModelArchive.decode(resealed(bytes), file: "t"))
    }
}
