import XCTest
import ShopData
@testable import ShopCopywriting

/// Issue 20 (fuzzing the template parser): each `[` or `<` is a level of recursion, so a
/// sentence of many thousands of them overflowed the stack; now it is an error naming the line.
final class TemplateNestingTests: XCTestCase {
    func testDeepNestingIsAnErrorNotAStackOverflow() {
        for opener in ["[", "<", "[<"] {
            let text = "@lang en\n== a\n- " + String(repeating: opener, count: 200_000) + "x\n"
            XCTAssertThrowsError(try TemplateParser.parse(text, file: "deep.tmpl")) { e in
                let d = e as? DataError
                XCTAssertEqual(d?.line, 3)
                XCTAssertTrue(d?.reason.contains("nested more than") == true, "\(String(describing: d))")
            }
        }
    }

    func testNestingUpToTheLimitStillParses() throws {
        let depth = NodeScanner.maxDepth
        let line = String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth)
        XCTAssertNoThrow(try TemplateParser.parseLine(line))
        XCTAssertThrowsError(try TemplateParser.parseLine("[" + line + "]"))
    }
}
