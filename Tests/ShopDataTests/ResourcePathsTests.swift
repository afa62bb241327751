import XCTest
@testable import ShopData

final class ResourcePathsTests: XCTestCase {
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
}
