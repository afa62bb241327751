import Foundation

/// Removes customer data from transcripts: phone numbers, e-mail addresses, card numbers
/// (from the entity patterns when available, plus built-in patterns so redaction never
/// depends on the knowledge files) and street addresses (zh and en patterns).
public struct Redactor: @unchecked Sendable {
    private var rules: [(NSRegularExpression, String)] = []
    private var entities: EntityExtractor?

    /// Entity types replaced by a tag, e.g. `phone` → `[PHONE]`.
    public static let redactedEntities = ["card_number", "phone", "email"]

    public init(entities: EntityExtractor? = nil) {
        self.entities = entities
        func add(_ p: String, _ tag: String, _ o: NSRegularExpression.Options = []) {
            rules.append((try! NSRegularExpression(pattern: p, options: o), tag))
        }
        add(#"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#, "[EMAIL]")
        add(#"(?<![0-9])[3-6]\d{3}(?:[- ]?\d{4}){2}[- ]?\d{1,7}(?![0-9])"#, "[CARD]")
        add(#"(?<![0-9+])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9])"#, "[PHONE]")
        add(#"(?<![0-9+])(?:\+?1[-. ]?)?(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}[-. ])\d{3}[-. ]?\d{4}(?![0-9])"#, "[PHONE]")
        // Chinese addresses: province/city/district … road/street … number (room)
        add(#"[\p{Han}A-Za-z0-9]{0,12}?(?:省|市|区|县|镇|乡)[\p{Han}A-Za-z0-9]{0,20}?(?:路|街|道|巷|弄|胡同|大道)[0-9一二三四五六七八九十百零]+[号號](?:[0-9A-Za-z\-]*(?:栋|幢|号楼|单元|室|楼|层)?)*"#, "[ADDRESS]")
        add(#"[\p{Han}]{2,12}(?:路|街|巷|弄|大道)[0-9一二三四五六七八九十百零]+[号號](?:[0-9A-Za-z\-]*(?:栋|幢|号楼|单元|室|楼|层)?)*"#, "[ADDRESS]")
        // English street addresses: number + words + street type (+ apt/unit)
        add(#"\b\d{1,6}\s+(?:[A-Za-z0-9.'-]+\s+){0,4}(?:street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|parkway|pkwy|highway|hwy|square|sq)\b\.?(?:,?\s*(?:apt|apartment|unit|suite|ste|#)\.?\s*[A-Za-z0-9-]+)?"#, "[ADDRESS]", [.caseInsensitive])
    }

    public func redact(_ text: String) -> String {
        var out = text
        if let entities {
            let found = entities.extract(out).filter { Self.redactedEntities.contains($0.type) }
            let ns = NSMutableString(string: out)
            for e in found.sorted(by: { $0.location > $1.location }) {
                ns.replaceCharacters(in: NSRange(location: e.location, length: e.length), with: "[\(e.type == "card_number" ? "CARD" : e.type.uppercased())]")
            }
            out = ns as String
        }
        for (re, tag) in rules {
            out = re.stringByReplacingMatches(in: out, range: NSRange(location: 0, length: (out as NSString).length), withTemplate: tag)
        }
        return out
    }
}
