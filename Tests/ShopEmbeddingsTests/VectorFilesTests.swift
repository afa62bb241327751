import Foundation
import XCTest
import ShopEmbeddings

/// Several vector files seen as one lookup (`intent train` / `sentiment train --embeddings`).
final class VectorFilesTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "vectorfiles-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func write(_ name: String, _ v: WordVectors) throws -> String {
        let path = dir + "/" + name
        if name.hasSuffix(".txt") { try Word2VecText.save(v, to: path) } else { try v.save(to: path) }
        return path
    }

    func testFirstFileWinsAndEachFileIsScaledByItsMeanNorm() throws {
        // en: norms 2 and 4 (mean 3); zh: norm 10.
        let en = try write("en.model", WordVectors(dimension: 2, words: ["good", "bad"], matrix: [2, 0, 0, 4]))
        let zh = try write("zh.txt", WordVectors(dimension: 2, words: ["好", "good"], matrix: [6, 8, 1, 1]))
        let v = try VectorFiles.load([en, zh])
        XCTAssertEqual(v.dimension, 2)
        XCTAssertEqual(try XCTUnwrap(v.vector(for: "good")), [2 / 3, 0], accuracy: 1e-6)
        let zhMean = (Float(10) + Float(2).squareRoot()) / 2
        XCTAssertEqual(try XCTUnwrap(v.vector(for: "好")), [6 / zhMean, 8 / zhMean], accuracy: 1e-5)
        XCTAssertNil(v.vector(for: "unknown"))
        XCTAssertGreaterThan(v.files[1].cjkShare, v.files[0].cjkShare)
    }

    func testMismatchedDimensionsAndEmptyFilesAreTypedErrors() throws {
        let a = try write("a.model", WordVectors(dimension: 2, words: ["x"], matrix: [1, 0]))
        let b = try write("b.model", WordVectors(dimension: 3, words: ["y"], matrix: [1, 0, 0]))
        XCTAssertThrowsError(try VectorFiles.load([a, b])) { error in
            guard case .badVectorsFile(let path, let reason)? = error as? EmbeddingError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, b)
            XCTAssertTrue(reason.contains("dimension 3"), reason)
        }
        let empty = try write("empty.model", WordVectors(dimension: 2, words: [], matrix: []))
        XCTAssertThrowsError(try VectorFiles.load([empty])) { error in
            XCTAssertEqual(error as? EmbeddingError, .badVectorsFile(path: empty, reason: "holds no word vectors"))
        }
    }
}

private func XCTAssertEqual(_ a: [Float], _ b: [Float], accuracy: Float, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line) }
}
