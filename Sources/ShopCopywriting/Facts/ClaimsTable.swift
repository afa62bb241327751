import Foundation
import ShopData

/// What fixed template wording may claim, and on which attribute values: `垂感自然` only for
/// drapey materials, `低调` never for sequins, `适合多个季节` never. A sentence containing a
/// claim whose conditions do not hold for the product is not used. Reviewed by hand; the
/// file lives beside the templates (`<lang>/claims.txt`).
///
/// Format, one claim a line: `claim <TAB or spaces> condition …`, where each condition is
/// `key=v1,v2` (the record has one of the values), `!key=v1,v2` (has none of them), `key`
/// (has the key) or `never`. All conditions must hold. `#` starts a comment.
public struct ClaimsTable: Sendable, Equatable {
    public struct Claim: Sendable, Equatable {
        public var phrase: String
        public var conditions: [TemplateCondition]
        public var never: Bool
        /// The phrase's UTF-8 bytes: every candidate sentence is searched for every claim,
        /// and a byte search is far cheaper than `String.contains`.
        var bytes: [UInt8] { Array(phrase.utf8) }
    }

    public var claims: [Claim] {
        didSet { phrases = claims.map(\.bytes) }
    }
    private var phrases: [[UInt8]] = []

    public init(claims: [Claim] = []) {
        self.claims = claims
        phrases = claims.map(\.bytes)
    }

    /// Whether every claim the text makes is supported by the product's facts.
    public func supported(_ text: String, in context: SlotContext) -> Bool {
        var t = text
        return t.withUTF8 { buf -> Bool in
            guard let base = buf.baseAddress else { return true }
            for (c, p) in zip(claims, phrases) where p.count <= buf.count {
                guard Self.contains(base, buf.count, p) else { continue }
                if c.never { return false }
                if !c.conditions.allSatisfy({ $0.holds(in: context) }) { return false }
            }
            return true
        }
    }

    /// Byte search of `needle` in `count` bytes at `hay`.
    @inline(__always) static func contains(_ hay: UnsafePointer<UInt8>, _ count: Int, _ needle: [UInt8]) -> Bool {
        let n = needle.count
        guard n > 0, n <= count else { return n == 0 }
        let first = needle[0]
        var i = 0
        while i <= count - n {
            if hay[i] == first {
                var k = 1
                while k < n && hay[i + k] == needle[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }

    public static func parse(_ text: String, file: String) throws -> ClaimsTable {
        var table = ClaimsTable()
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw).trimmingCharactersInSet()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard fields.count >= 2 else { throw DataError(file: file, line: i + 1, reason: "expected 'claim condition …'") }
            var claim = Claim(phrase: fields[0], conditions: [], never: false)
            for f in fields.dropFirst() {
                if f == "never" { claim.never = true; continue }
                guard let c = TemplateCondition.parse(f) else {
                    throw DataError(file: file, line: i + 1, reason: "bad condition '\(f)'")
                }
                claim.conditions.append(c)
            }
            table.claims.append(claim)
        }
        return table
    }
}
