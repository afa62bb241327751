import Foundation
import XCTest
import ShopCore

final class HashingTests: XCTestCase {
    /// Published FNV-1a test vectors (Fowler/Noll/Vo reference code).
    func testFNV1aKnownVectors() {
        XCTAssertEqual(FNV1a.hash64(""), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(FNV1a.hash64("a"), 0xaf63_dc4c_8601_ec8c)
        XCTAssertEqual(FNV1a.hash64("foobar"), 0x8594_4171_f739_67e8)
        XCTAssertEqual(FNV1a.hash32("a"), 0xe40c_292c)
        XCTAssertEqual(FNV1a.hash32("foobar"), 0xbf9c_f968)
        XCTAssertEqual(FNV1a.hex64(bytes: Array("a".utf8)), "af63dc4c8601ec8c")
        XCTAssertEqual(FNV1a.hex64(bytes: [UInt8]()), "cbf29ce484222325")
    }

    /// Over ASCII, hashing code points and hashing UTF-8 bytes agree; over Chinese they
    /// must not (the two variants name different stored features).
    func testUnitsVariant() {
        XCTAssertEqual(FNV1a.hash64(units: "shop".unicodeScalars.map(\.value)), FNV1a.hash64("shop"))
        XCTAssertNotEqual(FNV1a.hash64(units: "好".unicodeScalars.map(\.value)), FNV1a.hash64("好"))
        XCTAssertNotEqual(FNV1a.hash64(units: [1, 2], seed: 7), FNV1a.hash64(units: [1, 2]))
    }

    /// The reference SplitMix64 outputs for seed 0 (Vigna's splitmix64.c).
    func testSplitMix64ReferenceOutputs() {
        var rng = SplitMix64(seed: 0)
        XCTAssertEqual(rng.next(), 0xe220_a839_7b1d_cdaf)
        XCTAssertEqual(rng.next(), 0x6e78_9e6a_a1b9_65f4)
        XCTAssertEqual(rng.next(), 0x06c4_5d18_8009_454f)
    }

    func testSplitMix64KeyedSeedsDifferAndReproduce() {
        var a = SplitMix64(seed: 1, key: "p1"), b = SplitMix64(seed: 1, key: "p1"), c = SplitMix64(seed: 1, key: "p2")
        let x = a.next()
        XCTAssertEqual(x, b.next())
        XCTAssertNotEqual(x, c.next())
        var r = SplitMix64(seed: 9)
        for _ in 0..<1000 {
            let u = r.unit()
            XCTAssertTrue(u >= 0 && u < 1)
            XCTAssertTrue((0..<7).contains(r.below(7)))
        }
    }
}

final class ScriptTests: XCTestCase {
    func testHanRanges() {
        XCTAssertTrue(Han.isCommon(0x597D))          // 好
        XCTAssertFalse(Han.isCommon(0x3400))         // extension A
        XCTAssertTrue(Han.isUnifiedBMP(0x3400))
        XCTAssertFalse(Han.isUnifiedBMP(0xF900))     // compatibility ideograph
        XCTAssertTrue(Han.isIdeograph(0xF900))
        XCTAssertTrue(Han.isIdeograph(0x2F800))      // compatibility supplement
        XCTAssertFalse(Han.isIdeograph(0x2F800, supplementaryEnd: Han.extensionFEnd))
        XCTAssertTrue(Han.isIdeograph(0x30000, supplementaryEnd: Han.extensionHEnd))
        XCTAssertFalse(Han.isIdeograph(0x30000))
        XCTAssertFalse(Han.isIdeograph(0x41))        // A
        XCTAssertTrue(Han.isCJK("あ"))
        XCTAssertTrue(Han.isCJK("한"))
        XCTAssertFalse(Han.isCJK("é"))
    }

    func testLanguageRules() {
        // One Chinese character makes a chat message Chinese…
        XCTAssertEqual(Language.of("where is my 包裹"), .zh)
        XCTAssertEqual(Language.of("where is my parcel"), .en)
        // …while product text needs a fifth of its letters to be Han.
        XCTAssertEqual(Language.guess("iPhone 15 Pro 的电池续航很好"), .zh)
        XCTAssertEqual(Language.guess("Apple iPhone 15 Pro Max 256GB 黑"), .en)
        XCTAssertEqual(Language.guess("这个很好用"), .zh)
        XCTAssertEqual(Language.guess(""), .en)
        XCTAssertEqual(Language(rawValue: "zh"), .zh)
        XCTAssertNil(Language(rawValue: "auto"))
    }
}

final class ConcurrencyTests: XCTestCase {
    func testResultSlotsKeepInputOrder() {
        let slots = ResultSlots<Int>(count: 1000)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            while let range = slots.claim(7) { for i in range { slots.set(i, i * i) } }
        }
        XCTAssertEqual(slots.values(), (0..<1000).map { $0 * $0 })
        XCTAssertNil(slots.claim(1))
    }

    func testCPUClockAdvancesWithWork() {
        let p0 = CPUClock.processSeconds(), t0 = CPUClock.threadSeconds()
        var x: UInt64 = 1
        for i in 0..<20_000_000 { x = x &* 6364136223846793005 &+ UInt64(i) }
        XCTAssertNotEqual(x, 0)
        XCTAssertGreaterThan(CPUClock.threadSeconds(), t0)
        XCTAssertGreaterThan(CPUClock.processSeconds(), p0)
    }
}

final class ResourceLookupTests: XCTestCase {
    func testExplicitBeatsEnvironmentBeatsDefault() {
        let saved = ProcessInfo.processInfo.environment["SHOPNLP_CORPORA"]
        defer {
            if let saved { setenv("SHOPNLP_CORPORA", saved, 1) } else { unsetenv("SHOPNLP_CORPORA") }
        }
        unsetenv("SHOPNLP_CORPORA")
        XCTAssertTrue(ResourcePaths.corpora().hasSuffix("/shared/corpora"), ResourcePaths.corpora())
        XCTAssertFalse(ResourcePaths.corpora().contains("/../"), "the default path is standardised")
        setenv("SHOPNLP_CORPORA", "/data/corpora", 1)
        XCTAssertEqual(ResourcePaths.corpora(), "/data/corpora")
        XCTAssertEqual(ResourcePaths.corpus("x/train.tsv"), "/data/corpora/x/train.tsv")
        XCTAssertEqual(ResourcePaths.corpora("/explicit"), "/explicit")
        XCTAssertEqual(ResourcePaths.corpus("a.tsv", root: "/explicit"), "/explicit/a.tsv")
    }

    func testFindLocatesPackageFiles() throws {
        let found = try XCTUnwrap(ResourcePaths.find("Corpora/segmentation/shop_words.txt"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: found))
        XCTAssertTrue(FileManager.default.fileExists(atPath: (ResourcePaths.packageRoot() as NSString).appendingPathComponent("Package.swift")))
        XCTAssertNil(ResourcePaths.find("Corpora/no-such-file-\(UUID().uuidString)"))
    }
}
