import Foundation
import XCTest
@testable import ShopEmbeddings

final class StorageTests: XCTestCase {
    func sample() -> WordVectors {
        WordVectors(dimension: 3, words: ["好评", "battery", "x"], counts: [9, 5, 3],
                    matrix: [0.1, -0.25, 1e-7, 3.5, 0, -1, 0.333333, 2, 7],
                    subwords: SubwordScheme(minN: 3, maxN: 4, buckets: 50),
                    subwordBuckets: [4, 17], subwordMatrix: [1, 2, 3, 4, 5, 6], note: "test")
    }

    func tempPath(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shopembed-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir.appendingPathComponent(name).path
    }

    func testWord2VecTextRoundTripIsExact() throws {
        let v = sample()
        let path = tempPath("v.txt")
        try Word2VecText.save(v, to: path)
        let back = try Word2VecText.load(path)
        XCTAssertEqual(back.words, v.words)
        XCTAssertEqual(back.matrix, v.matrix)
        XCTAssertEqual(back.dimension, 3)
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("3 3\n好评 0.1 -0.25 "))
    }

    func testWord2VecTextErrorsNameTheLine() {
        XCTAssertThrowsError(try Word2VecText.decode("2 2\na 1 2\nb 1\n", path: "f.txt")) { e in
            XCTAssertEqual(e as? EmbeddingError, .badLine(path: "f.txt", line: 3, reason: "expected a word and 2 values, found 2 fields"))
        }
        XCTAssertThrowsError(try Word2VecText.decode("2 2\na 1 2\n", path: "f.txt"))
        XCTAssertThrowsError(try Word2VecText.decode("1 2\na 1 nan\n", path: "f.txt"))
        XCTAssertThrowsError(try Word2VecText.decode("hello\n", path: "f.txt"))
    }

    func testBinaryRoundTrip() throws {
        let v = sample()
        let path = tempPath("v.bin")
        try v.save(to: path)
        let back = try WordVectors.load(path)
        XCTAssertEqual(back.words, v.words)
        XCTAssertEqual(back.counts, v.counts)
        XCTAssertEqual(back.matrix, v.matrix)
        XCTAssertEqual(back.subwordBuckets, v.subwordBuckets)
        XCTAssertEqual(back.subwordMatrix, v.subwordMatrix)
        XCTAssertEqual(back.subwords, v.subwords)
        XCTAssertEqual(back.note, "test")
        // float16 keeps values to about three significant digits.
        try v.save(to: path, float16: true)
        let half = try WordVectors.load(path)
        for (a, b) in zip(half.matrix, v.matrix) { XCTAssertEqual(a, b, accuracy: abs(b) * 1e-3 + 1e-6) }
    }

    func testCorruptedTruncatedOrForeignFilesAreRefused() throws {
        let data = try VectorsFile.encode(sample())
        var flipped = data
        flipped[data.count / 2] ^= 0x40
        XCTAssertThrowsError(try VectorsFile.decode(flipped, path: "v.bin"))
        XCTAssertThrowsError(try VectorsFile.decode(data.prefix(data.count - 5), path: "v.bin"))
        XCTAssertThrowsError(try VectorsFile.decode(Data("3 3\nfoo 1 2 3\n".utf8), path: "v.bin"))
        XCTAssertThrowsError(try WordVectors.load(tempPath("missing.bin")))
        XCTAssertNoThrow(try VectorsFile.decode(data, path: "v.bin"))
    }

    func testPruningKeepsMostFrequentWordsAndMostUsedSubwords() {
        let scheme = SubwordScheme(minN: 3, maxN: 3, buckets: 1000)
        let words = ["charger", "chargers", "zebra"]
        let used = Set(words.flatMap(scheme.bucketIDs)).sorted()
        let v = WordVectors(dimension: 1, words: words, counts: [100, 50, 1], matrix: [1, 2, 3], subwords: scheme,
                            subwordBuckets: used, subwordMatrix: used.map { Float($0) })
        let p = v.pruned(maxWords: 2, maxSubwords: 3)
        XCTAssertEqual(p.words, ["charger", "chargers"])
        XCTAssertEqual(p.subwordBuckets.count, 3)
        let chargerUnits = Set(scheme.bucketIDs(of: "charger"))
        XCTAssertTrue(p.subwordBuckets.allSatisfy(chargerUnits.contains))
        for (b, value) in zip(p.subwordBuckets, p.subwordMatrix) { XCTAssertEqual(Float(b), value) }
    }
}

final class LookupTableTests: XCTestCase {
    func testTableFillsKnownRowsAndFlagsMissingOnes() {
        let v = WordVectors(dimension: 2, words: ["a", "b"], matrix: [3, 4, 0, 2])
        let t = v.table(for: ["<pad>", "b", "a"], targetNorm: 1)
        XCTAssertEqual(t.found, [false, true, true])
        XCTAssertEqual(Array(t.values[0..<2]), [0, 0])
        // mean norm of (0,2) and (3,4) is 3.5; rescaled to 1.
        XCTAssertEqual(t.values[3], 2 / 3.5, accuracy: 1e-6)
        XCTAssertEqual(t.values[4], 3 / 3.5, accuracy: 1e-6)
    }
}
