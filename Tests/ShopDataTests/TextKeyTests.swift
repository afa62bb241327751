import XCTest
@testable import ShopData

final class TextKeyTests: XCTestCase {
    func testWidthCaseSpacingAndPunctuationVariantsShareAKey() {
        // Variants of the kind found between the shared Chinese corpora.
        let base = TextKey.of("房间很干净，服务也不错！")
        XCTAssertEqual(TextKey.of("房间 很干净 , 服务也不错 !"), base)
        XCTAssertEqual(TextKey.of("房间很干净。服务也不错～～"), base)
        XCTAssertEqual(TextKey.of("Ｇｏｏｄ　ＲＯＯＭ，１００分"), TextKey.of("good room 100分"))
        XCTAssertEqual(TextKey.of("Great phone!!! 5 stars :)"), "greatphone5stars")
    }

    func testDifferentWordsKeepDifferentKeys() {
        XCTAssertNotEqual(TextKey.of("房间很干净"), TextKey.of("房间不干净"))
        XCTAssertNotEqual(TextKey.of("good"), TextKey.of("not good"))
    }

    func testEmptyKeysNeverMatch() {
        var set = TextKeySet()
        XCTAssertFalse(set.insert(text: "!!! ..."))
        XCTAssertFalse(set.contains(text: "！！！"))
        XCTAssertEqual(set.count, 0)
        XCTAssertTrue(set.insert(text: "好评"))
        XCTAssertTrue(set.contains(text: " 好评！"))
        XCTAssertFalse(set.insert(text: "好 评"))
    }

    func testOverlapCountsTwinsOfEachFileInTheOther() throws {
        let tmp = try TempFiles()
        let a = tmp.dir + "/a.tsv", b = tmp.dir + "/b.tsv", plain = tmp.dir + "/c.txt"
        try "1\t质量很好\n0\t太差了！\n1\tnice\n".write(toFile: a, atomically: true, encoding: .utf8)
        try "0\t太 差 了\n1\t物流很快\n".write(toFile: b, atomically: true, encoding: .utf8)
        try "质量 很好\n没有\n".write(toFile: plain, atomically: true, encoding: .utf8)
        let rows = try CorpusOverlap.pairwise([a, b, plain])
        func twins(_ file: String, in ref: String) -> Int? { rows.first { $0.file == file && $0.reference == ref }?.twins }
        XCTAssertEqual(twins(b, in: a), 1)
        XCTAssertEqual(twins(a, in: b), 1)
        XCTAssertEqual(twins(plain, in: a), 1)
        XCTAssertEqual(twins(plain, in: b), 0)
        XCTAssertEqual(rows.first { $0.file == a && $0.reference == b }?.texts, 3)
    }

    func testBadTSVLineNamesFileAndLine() throws {
        let tmp = try TempFiles()
        let a = tmp.dir + "/bad.tsv"
        try "1\tok\nno tab here\n".write(toFile: a, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try CorpusTexts.load(a)) { error in
            XCTAssertEqual((error as? DataError)?.line, 2)
            XCTAssertEqual((error as? DataError)?.file, a)
        }
    }

    func testEvaluationSplitsListsDevAndTestFilesOnly() throws {
        let tmp = try TempFiles()
        let fm = FileManager.default
        for rel in ["x/train.tsv", "x/dev.tsv", "x/test.tsv", "y/part/test.tsv", "semeval2014_absa/Laptops_Test_Gold.xml", "semeval2014_absa/Laptop_Train_v2.xml"] {
            let path = tmp.dir + "/" + rel
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "".write(toFile: path, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(EvaluationSplits.relativeFiles(root: tmp.dir),
                       ["semeval2014_absa/Laptops_Test_Gold.xml", "x/dev.tsv", "x/test.tsv", "y/part/test.tsv"])
        XCTAssertThrowsError(try EvaluationSplits.keys(root: tmp.dir + "/x/none"))
    }
}
