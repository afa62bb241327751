import Foundation
import ShopCore

/// Removes customer data from transcripts: phone numbers (mobile, landline, US), e-mail
/// addresses, payment cards (Amex 15 included), CVV and expiry, Chinese ID card numbers
/// (checksum, or any after an ID cue), passports, SSNs, street addresses (zh with building
/// and room, en with city and postcode/ZIP) and names after cues (收件人, recipient, …).
///
/// Built-in patterns, so redaction never depends on the knowledge files; the entity
/// extractor (when given) adds its `phone`/`email`/`card_number`/`address` matches and its
/// order numbers, which are *protected*: a redaction never cuts into an order number, it
/// stops at its edge. Every match becomes a span; overlapping spans are merged (the merged
/// span takes the tag of the longest), so no part of a customer's data is left between two
/// tags. Full-width digits and letters are folded before matching (the same UTF-16 length,
/// so spans map back onto the original text).
public struct Redactor: @unchecked Sendable {
    /// One piece of customer data found in a message (UTF-16 range of the original text).
    public struct Span: Sendable, Equatable {
        public var location: Int
        public var length: Int
        public var tag: String
        /// Among spans of equal extent, the lower wins the tag (rule order: an 18-digit ID before a card).
        var priority = 0
    }

    private struct Rule {
        var regex: NSRegularExpression
        var tag: String
        /// Capture group that is the data (0 = whole match): cues like "cvv" stay readable.
        var group: Int
        var check: (@Sendable (String) -> Bool)?
    }

    private var rules: [Rule] = []
    private var protectedRules: [NSRegularExpression] = []
    private var entities: EntityExtractor?

    /// Entity types replaced by a tag, e.g. `phone` → `[PHONE]`.
    public static let redactedEntities = ["card_number", "phone", "email", "address"]

    public init(entities: EntityExtractor? = nil) {
        self.entities = entities
        func add(_ p: String, _ tag: String, group: Int = 0, _ o: NSRegularExpression.Options = [], check: (@Sendable (String) -> Bool)? = nil) {
            rules.append(Rule(regex: try! NSRegularExpression(pattern: p, options: o), tag: tag, group: group, check: check))
        }
        protectedRules = [
            try! NSRegularExpression(pattern: #"(?<![0-9A-Za-z])20\d{2}(?:[- ]?\d{4}){3}(?![0-9])"#),
            try! NSRegularExpression(pattern: #"(?<![0-9A-Za-z])SO[- ]?\d{9}(?![0-9])"#, options: [.caseInsensitive]),
        ]
        add(#"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#, "[EMAIL]")
        add(#"(?i:cvv2?|cvc2?|cid|security code|安全码|校验码|卡背三位数?)\s*(?:is|是|为|:|：)?\s*(\d{3,4})(?![0-9])"#, "[CVV]", group: 1)
        add(#"(?i:exp(?:iry|iration|ires)?(?:\s*date)?|valid\s*(?:thru|through|until)|有效期(?:至|到)?)\s*(?:is|是|为|:|：)?\s*((?:0?[1-9]|1[0-2])\s*/\s*(?:20)?\d{2}|(?:20)?\d{2}\s*[-/年]\s*(?:0?[1-9]|1[0-2])月?)(?![0-9])"#, "[EXPIRY]", group: 1)
        // Chinese ID cards: 18 characters with a valid checksum anywhere, 15/18 after a cue
        add(#"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])"#, "[ID]",
            check: Redactor.validChineseID)
        add(#"(?i:身份证(?:号码?)?|证件号(?:码)?|id\s*(?:card)?\s*(?:number|no\.?|#))\s*(?:is|是|为|:|：)?\s*([0-9]{14,17}[0-9Xx])(?![0-9A-Za-z])"#, "[ID]", group: 1)
        // passports: after a cue any 6–9 letters/digits; Chinese passports (E/G + 8 digits) anywhere
        add(#"(?i:passport|护照)\s*(?i:number|no\.?|#|号码?)?\s*(?:is|是|为|:|：)?\s*([A-Za-z]{0,2}[0-9]{6,9})(?![0-9A-Za-z])"#, "[PASSPORT]", group: 1)
        add(#"(?<![0-9A-Za-z])[EGeg][0-9]{8}(?![0-9A-Za-z])"#, "[PASSPORT]")
        // US social security numbers
        add(#"(?<![0-9-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![0-9-])"#, "[SSN]")
        add(#"(?i:ssn|social security(?: number| no\.?)?)\s*(?:is|:|#)?\s*(\d{3}[- ]?\d{2}[- ]?\d{4})(?![0-9])"#, "[SSN]", group: 1)
        // cards: Amex 4-6-5, others 13–19 digits in groups of four
        add(#"(?<![0-9])3[47]\d{2}[- ]?\d{6}[- ]?\d{5}(?![0-9])"#, "[CARD]")
        add(#"(?<![0-9])[3-6]\d{3}(?:[- ]?\d{4}){2}[- ]?\d{1,7}(?![0-9])"#, "[CARD]")
        // phones: Chinese mobiles, Chinese landlines (area code 0xx/0xxx), US numbers, any long number after a phone cue
        add(#"(?<![0-9+])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9])"#, "[PHONE]")
        add(#"(?<![0-9])(?:(?:\+?86[- ]?)?\(?0\d{2,3}\)?[- ]?|\+?86[- ]?\d{2,3}[- ])\d{3,4}[- ]?\d{4}(?:[-转]\d{1,5})?(?![0-9])"#, "[PHONE]")
        add(#"(?<![0-9+])(?:\+?1[-. ]?)?(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}[-. ])\d{3}[-. ]?\d{4}(?![0-9])"#, "[PHONE]")
        add(#"(?i:电话|手机|座机|联系方式|tel|phone|mobile|call me(?: at| on)?)\s*(?:号码?|number|is|是|为|:|：)?\s*([0-9][0-9 -]{5,16}[0-9])(?![0-9])"#, "[PHONE]", group: 1)
        // Chinese addresses: [province][city][district] road + number + building/room; start after a cue or a non-Han character
        add(#"(?:(?<=改成|改为|改到|换成|寄到|送到|发到|住在|地址)|(?<=[是为在:：])|(?<![\p{Han}A-Za-z0-9]))(?!\S{0,8}?(?:地址|改成|改为|改到|换成|寄到|送到|发到|住在))(?:[\p{Han}]{2,8}?(?:省|自治区))?(?:[\p{Han}]{1,8}?市)?(?:[\p{Han}]{1,8}?(?:区|县|旗))?(?:[\p{Han}]{1,8}?(?:镇|乡|街道))?[\p{Han}A-Za-z0-9]{1,12}?(?:路|街|大道|大街|巷|弄|胡同|里)(?:[0-9一二三四五六七八九十]+段)?\s*[0-9一二三四五六七八九十百零]+\s*(?:号|號|弄)(?:\s*[\p{Han}A-Za-z]{0,12}?\s*[0-9A-Za-z一二三四五六七八九十零-]+\s*(?:号楼|栋|幢|座|单元|室|楼|层|号|F|f))*"#, "[ADDRESS]")
        // residential compounds without a road: 小区/花园/公寓 + building/room
        add(#"[\p{Han}]{2,10}(?:小区|花园|公寓|家园|苑|大厦|广场)\s*(?:[0-9A-Za-z一二三四五六七八九十-]+\s*(?:号楼|栋|幢|座|单元|室|楼|层|号)\s*)+"#, "[ADDRESS]")
        // English street addresses with flat/apt, city, state + ZIP or UK postcode
        add(#"(?:(?i:flat|apt\.?|apartment|unit|suite|ste\.?)\s*[A-Za-z0-9-]+,?\s+)?(?<![0-9A-Za-z-])\d{1,6}[A-Za-z]?\s+(?:[A-Za-z0-9.'-]+\s+){0,4}?(?i:street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|parkway|pkwy|highway|hwy|square|sq|close|crescent)(?![A-Za-z])\.?(?:,?\s*(?i:apt|apartment|unit|suite|ste|flat|#)\.?\s*[A-Za-z0-9-]+)?(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})?(?:,?\s*(?:[A-Z]{2}\s+\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z0-9]?\s*\d[A-Z]{2}|\d{5}(?:-\d{4})?)(?![A-Za-z0-9]))?"#, "[ADDRESS]")
        // a city + state + ZIP tail or a UK postcode on its own
        add(#"(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2},\s*)?(?<![A-Za-z])[A-Z]{2}\s+\d{5}(?:-\d{4})?(?![0-9])"#, "[ADDRESS]")
        add(#"(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z0-9]?\s+\d[A-Z]{2}(?![A-Za-z0-9])"#, "[ADDRESS]")
        // names after cues (Han names of 2–4 characters; capitalised Latin names)
        add(#"(?:收件人|收货人|联系人|签收人|姓名|名字叫|名字是|我叫|寄给|交给)\s*(?:是|为|:|：)?\s*([\p{Han}·]{2,4}?)(?=[，,。.;；:：\s\d电手地收的]|$)"#, "[NAME]", group: 1)
        add(#"(?i:recipient|addressee|deliver(?:y)? to|ship to|send (?:it )?to|attn\.?|attention|my name is|name is|name)\s*(?:is\s*)?(?::|：)?\s*((?-i:[A-Z][a-z]+(?:[ -][A-Z][a-z'’]+){0,2}))"#, "[NAME]", group: 1)
    }

    /// The text with every piece of customer data replaced by its tag.
    public func redact(_ text: String) -> String {
        let found = spans(text)
        guard !found.isEmpty else { return text }
        let ns = NSMutableString(string: text)
        for s in found.reversed() { ns.replaceCharacters(in: NSRange(location: s.location, length: s.length), with: s.tag) }
        return ns as String
    }

    /// The customer data in a message: merged, non-overlapping, in order.
    public func spans(_ text: String) -> [Span] {
        let folded = Self.fold(text)
        let ns = folded as NSString
        let full = NSRange(location: 0, length: ns.length)
        var found: [Span] = []
        var protected: [NSRange] = protectedRules.flatMap { $0.matches(in: folded, range: full).map(\.range) }
        if let entities {
            for e in entities.extract(folded) {
                if e.type == "order_number" { protected.append(NSRange(location: e.location, length: e.length)) }
                if Self.redactedEntities.contains(e.type) {
                    found.append(Span(location: e.location, length: e.length, tag: e.type == "card_number" ? "[CARD]" : "[\(e.type.uppercased())]",
                                      priority: rules.count))
                }
            }
        }
        for (priority, rule) in rules.enumerated() {
            for m in rule.regex.matches(in: folded, range: full) {
                let r = m.range(at: rule.group)
                guard r.location != NSNotFound, r.length > 0 else { continue }
                if let check = rule.check, !check(ns.substring(with: r)) { continue }
                found.append(Span(location: r.location, length: r.length, tag: rule.tag, priority: priority))
            }
        }
        // an order number is never cut: data spans stop at its edges (or vanish inside it)
        found = found.compactMap { s in
            var lo = s.location, hi = s.location + s.length
            for p in protected {
                let plo = p.location, phi = p.location + p.length
                guard lo < phi, plo < hi else { continue }
                if plo <= lo && hi <= phi { return nil }
                if plo <= lo { lo = phi } else if phi >= hi { hi = plo } else { return s } // a span around an order number stays whole
            }
            // drop what is left of a trimmed span if only separators remain
            let rest = ns.substring(with: NSRange(location: lo, length: max(0, hi - lo)))
            guard rest.unicodeScalars.contains(where: { $0.properties.isAlphabetic || ("0"..."9").contains($0) }) else { return nil }
            let trimmedLo = lo + (rest.utf16.count - rest.drop(while: { $0 == " " || $0 == "的" }).utf16.count)
            return Span(location: trimmedLo, length: hi - trimmedLo, tag: s.tag, priority: s.priority)
        }
        // merge overlaps; the merged span keeps the tag of its longest part
        found.sort { ($0.location, -$0.length, $0.priority) < ($1.location, -$1.length, $1.priority) }
        var merged: [(span: Span, longest: Int)] = []
        for s in found {
            if let last = merged.last, s.location < last.span.location + last.span.length {
                let end = max(last.span.location + last.span.length, s.location + s.length)
                var m = last
                m.span.length = end - m.span.location
                if s.length > m.longest { m.longest = s.length; m.span.tag = s.tag }
                merged[merged.count - 1] = m
            } else {
                merged.append((s, s.length))
            }
        }
        return merged.map(\.span)
    }

    /// Fictional stand-ins for the tags, by language, so a redacted message still reads (and
    /// replays in a conversation test) like the original: `[PHONE]` → `13800000000`.
    public static let fictional: [Language: [String: String]] = [
        .zh: ["[PHONE]": "13800000000", "[EMAIL]": "customer@example.com", "[CARD]": "4000 0000 0000 0002", "[CVV]": "000",
              "[EXPIRY]": "01/30", "[ID]": "110101199001010000", "[PASSPORT]": "E00000000", "[SSN]": "000-00-0000",
              "[ADDRESS]": "上海市黄浦区示例路1号", "[NAME]": "张三"],
        .en: ["[PHONE]": "415-555-0100", "[EMAIL]": "customer@example.com", "[CARD]": "4000 0000 0000 0002", "[CVV]": "000",
              "[EXPIRY]": "01/30", "[ID]": "110101199001010000", "[PASSPORT]": "E00000000", "[SSN]": "000-00-0000",
              "[ADDRESS]": "1 Example Street, Springfield", "[NAME]": "Alex Doe"],
    ]

    /// A redacted text with every tag replaced by its fictional stand-in.
    public static func withFictionalData(_ redacted: String) -> String {
        var out = redacted
        for (tag, value) in fictional[Language.of(redacted)] ?? [:] { out = out.replacingOccurrences(of: tag, with: value) }
        return out
    }

    /// Full-width ASCII (U+FF01–FF5E) and the ideographic space folded to ASCII: one UTF-16
    /// unit for one, so ranges in the folded text are ranges in the original.
    static func fold(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { u in
            if (0xFF01...0xFF5E).contains(u.value) { return Unicode.Scalar(u.value - 0xFEE0)! }
            if u.value == 0x3000 { return " " }
            return u
        }))
    }

    /// GB 11643 check digit: weights 2^(17−i) mod 11 over the first 17 digits.
    @Sendable static func validChineseID(_ s: String) -> Bool {
        let chars = Array(s.uppercased())
        guard chars.count == 18 else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for i in 0..<17 {
            guard let d = chars[i].wholeNumberValue else { return false }
            sum += d * weights[i]
        }
        let check = Array("10X98765432")[sum % 11]
        return chars[17] == check
    }
}
