import Foundation
import ShopData
import ShopCore

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
        didSet { index() }
    }
    private var phrases: [[UInt8]] = []
    /// Claim indices by the first code point of their phrase, and one bit per BMP code
    /// point that starts a claim: every candidate sentence is checked, most contain no
    /// claim, and one pass over the text then settles it (searching for every claim in
    /// turn cost 15% of `describe`).
    private var byFirst: [UInt32: [Int]] = [:]
    private var firstBits: [UInt64] = []

    public init(claims: [Claim] = []) {
        self.claims = claims
        index()
    }

    private mutating func index() {
        phrases = claims.map(\.bytes)
        byFirst = [:]
        firstBits = [UInt64](repeating: 0, count: 1024)
        for (i, c) in claims.enumerated() {
            guard let v = c.phrase.unicodeScalars.first?.value else { continue }
            byFirst[v, default: []].append(i)
            if v < 65536 { firstBits[Int(v >> 6)] |= 1 << UInt64(v & 63) }
        }
    }

    /// Whether every claim the text makes is supported by the product's facts.
    public func supported(_ text: String, in context: SlotContext) -> Bool {
        guard let found = claimsFound(in: text) else { return true }
        for i in found {
            if claims[i].never { return false }
            if !claims[i].conditions.allSatisfy({ $0.holds(in: context) }) { return false }
        }
        return true
    }

    /// Indices (ascending) of the claims whose phrase occurs in `text`; nil when none does.
    /// A UTF-8 phrase can only match at a code point boundary, so trying the claims that start
    /// with each code point finds exactly what a byte search for every claim finds.
    func claimsFound(in text: String) -> [Int]? {
        var t = text
        return t.withUTF8 { buf -> [Int]? in
            guard let base = buf.baseAddress else { return nil }
            let n = buf.count
            var found: [Int]? = nil
            var i = 0
            while i < n {
                let b0 = UInt32(base[i])
                var v: UInt32, len: Int
                if b0 < 0x80 { v = b0; len = 1 }
                else if b0 < 0xE0 { v = (b0 & 0x1F) << 6 | UInt32(base[i + 1] & 0x3F); len = 2 }
                else if b0 < 0xF0 { v = (b0 & 0x0F) << 12 | UInt32(base[i + 1] & 0x3F) << 6 | UInt32(base[i + 2] & 0x3F); len = 3 }
                else { v = (b0 & 0x07) << 18 | UInt32(base[i + 1] & 0x3F) << 12 | UInt32(base[i + 2] & 0x3F) << 6 | UInt32(base[i + 3] & 0x3F); len = 4 }
                if v >= 65536 || firstBits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0, let starting = byFirst[v] {
                    for c in starting where !(found?.contains(c) ?? false) {
                        let p = phrases[c]
                        if p.count <= n - i, Self.contains(base + i, p.count, p) { found = (found ?? []) + [c] }
                    }
                }
                i += len
            }
            return found?.sorted()
        }
    }

    /// Whether `needle` occurs in the `count` bytes at `hay` (an empty needle always does).
    @inline(__always) static func contains(_ hay: UnsafePointer<UInt8>, _ count: Int, _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        return needle.withUnsafeBufferPointer { n in
            ByteSearch.firstIndex(of: n, in: UnsafeBufferPointer(start: hay, count: count), from: 0) != nil
        }
    }

    public static func parse(_ text: String, file: String) throws -> ClaimsTable {
        var table = ClaimsTable()
        for (number, line) in DataFileLines.entries(text) {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard fields.count >= 2 else { throw DataError(file: file, line: number, reason: "expected 'claim condition …'") }
            var claim = Claim(phrase: fields[0], conditions: [], never: false)
            for f in fields.dropFirst() {
                if f == "never" { claim.never = true; continue }
                guard let c = TemplateCondition.parse(f) else {
                    throw DataError(file: file, line: number, reason: "bad condition '\(f)'")
                }
                claim.conditions.append(c)
            }
            table.claims.append(claim)
        }
        return table
    }
}
