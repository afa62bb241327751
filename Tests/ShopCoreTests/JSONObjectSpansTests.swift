import Foundation
import XCTest
@testable import ShopCore

final class JSONObjectSpansTests: XCTestCase {
    private func values(_ json: String) -> [String: String]? {
        let bytes = Array(json.utf8)
        return JSONObjectSpans.spans(bytes)?.mapValues { String(decoding: bytes[$0], as: UTF8.self) }
    }

    func testEachTopLevelValueIsCutOutAsWritten() {
        XCTAssertEqual(values(#"{"kind":"LM","config":{"a":[1,{"b":"}"}],"c":-2.5e-3},"app":{}}"#),
                       ["kind": #""LM""#, "config": #"{"a":[1,{"b":"}"}],"c":-2.5e-3}"#, "app": "{}"])
        // Quotes, backslashes and brackets inside strings do not end a value.
        XCTAssertEqual(values(#"{"app":{"v":["a\"]","\\","{"]}, "n" : 12 , "t":true,"z":null}"#),
                       ["app": #"{"v":["a\"]","\\","{"]}"#, "n": "12", "t": "true", "z": "null"])
        XCTAssertEqual(values(" {\n\t\"k\" :\r\n [ ] } \n"), ["k": "[ ]"])
        XCTAssertEqual(values("{}"), [:])
        // A repeated key: the last value, as JSONSerialization keeps.
        XCTAssertEqual(values(#"{"k":1,"k":2}"#), ["k": "2"])
    }

    func testWhatItDoesNotWalkIsNil() {
        for bad in ["", "[]", "{", #"{"k"}"#, #"{"k":}"#, #"{"k":1"#, #"{"k":1,}"#, #"{"k":"open}"#, #"{"k":{"a":1}"#,
                    #"{"k":1} x"#, #"{"k\"q":1}"#, #"{"k\u0041":1}"#, #"{k:1}"#] {
            XCTAssertNil(JSONObjectSpans.spans(Array(bad.utf8)), bad)
        }
    }

    /// The spans hold the same JSON as JSONSerialization's object, on generated objects with
    /// nesting, escapes and non-ASCII text.
    func testSpansParseToTheSameValuesAsTheWholeObject() throws {
        var state: UInt64 = 0x5EED
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        let words = ["a", "好", "q\"uote", "back\\slash", "}", "[", "tab\t", "é", ""]
        func value(_ depth: Int) -> Any {
            switch next() % (depth > 2 ? 3 : 5) {
            case 0: return words[Int(next() % UInt64(words.count))]
            case 1: return Double(Int(next() % 2000) - 1000) / 8
            case 2: return next() % 2 == 0
            case 3: return (0..<Int(next() % 4)).map { _ in value(depth + 1) }
            default:
                var d: [String: Any] = [:]
                for _ in 0..<Int(next() % 4) { d[words[Int(next() % UInt64(words.count))]] = value(depth + 1) }
                return d
            }
        }
        for _ in 0..<300 {
            var object: [String: Any] = [:]
            for k in ["kind", "config", "app", "x"] where next() % 4 != 0 { object[k] = value(0) }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            let bytes = [UInt8](data)
            let spans = try XCTUnwrap(JSONObjectSpans.spans(bytes), String(decoding: bytes, as: UTF8.self))
            XCTAssertEqual(Set(spans.keys), Set(object.keys))
            for (key, range) in spans {
                let cut = try JSONSerialization.jsonObject(with: Data(bytes[range]), options: [.fragmentsAllowed])
                XCTAssertEqual(try JSONSerialization.data(withJSONObject: cut, options: [.sortedKeys, .fragmentsAllowed]),
                               try JSONSerialization.data(withJSONObject: object[key]!, options: [.sortedKeys, .fragmentsAllowed]), key)
            }
        }
    }
}
