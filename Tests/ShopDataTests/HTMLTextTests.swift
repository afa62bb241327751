import XCTest
@testable import ShopData

final class HTMLTextTests: XCTestCase {
    func testScriptsStylesEntitiesAndBreaks() {
        let html = """
        <html><head><title>t</title><style>p { color: red }</style></head>
        <body><script>var x = "<b>no</b>";</script>
        <p>Great&nbsp;value &amp; fast   shipping!<br/>Would buy again &lt;3</p>
        <ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table></body></html>
        """
        XCTAssertEqual(HTMLText.plainText(html), "Great value & fast shipping! Would buy again <3 one two a b")
        XCTAssertEqual(HTMLText.plainText(html, keepLineBreaks: true),
                       "Great value & fast shipping!\nWould buy again <3\none\ntwo\na b")
    }

    func testFragmentsAndFastPath() {
        XCTAssertEqual(HTMLText.plainText("Works fine.<br />Battery so-so &#8211; 3&frac12; hours"),
                       "Works fine. Battery so-so – 3½ hours")
        let plain = "no markup,  two  spaces\nand a newline"
        XCTAssertEqual(HTMLText.plainText(plain), plain)
        XCTAssertEqual(HTMLText.plainText("AT&T < 5 bars"), "AT&T < 5 bars")
        XCTAssertEqual(HTMLText.plainText("<i>café</i> 很好"), "café 很好")
        XCTAssertEqual(HTMLText.plainText(""), "")
        XCTAssertEqual(HTMLText.plainText("<script>only()</script>"), "")
    }

    func testBrokenHTMLDoesNotCrash() {
        let junk = "<p>start</p>" + String(repeating: "<div><span>", count: 60) + "deep" + "</p></td><<>>&&;&#xFFFFFFFF;"
        XCTAssertTrue(HTMLText.plainText(junk).contains("deep"))
        // Beyond libxml2's depth limit (256) parsing stops: the text so far, no crash.
        let deeper = "<p>start</p>" + String(repeating: "<div><span>", count: 5000) + "lost"
        XCTAssertEqual(HTMLText.plainText(deeper), "start")
    }
}
