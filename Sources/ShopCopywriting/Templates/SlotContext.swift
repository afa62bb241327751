import ShopCore

/// The facts one template may use for one product: its record, the review highlights that
/// passed the evidence test, and the template's derived slots. Every slot value comes from
/// here, so nothing the record and reviews do not say can reach a blurb.
public final class SlotContext {
    public let record: ProductRecord
    public let language: Language
    public let highlights: [ReviewHighlight]
    let checker: ComplianceChecker?
    /// Derived slots by key number (`SlotKeys`).
    let derived: [Int: DerivedSlot]
    private let attributeCache: AttributeCache
    // Caches by key number (`SlotKeys`): every template line asks again for the same keys.
    private var valueCache: [[SlotValue]?] = []
    private var rawCache: [[String]?] = []
    private var resolving: Set<Int> = []

    /// `sharing`: another context of the same record, language and highlights whose facts
    /// this one may reuse (facts do not depend on the template; cleaning every catalogue
    /// bullet once per template cost a tenth of English `describe`).
    public init(record: ProductRecord, language: Language, highlights: [ReviewHighlight] = [],
                checker: ComplianceChecker? = nil, derivedSlots: [DerivedSlot] = [], sharing: SlotContext? = nil) {
        self.record = record
        self.language = language
        self.highlights = highlights
        self.checker = checker
        if let sharing, sharing.language == language, sharing.highlights == highlights, sharing.record == record {
            attributeCache = sharing.attributeCache
        } else {
            attributeCache = AttributeCache()
        }
        var d: [Int: DerivedSlot] = [:]
        for s in derivedSlots { d[s.number] = s }
        self.derived = d
    }

    static let builtInKeys: Set<String> = ["title", "brand", "category", "price", "feature", "highlight"]
    /// Facts that are names: exempt from compliance (a brand called "Ultimate Guard").
    static let nameKeys: Set<String> = ["title", "brand"]

    /// The record's names as they may appear in a blurb, exempt from compliance.
    public lazy var exemptPhrases: [String] = {
        if let shared = attributeCache.exemptPhrases { return shared }
        var out: [String] = []
        if let t = record.title { out.append(t); out.append(FeatureCleaner.shortTitle(t)); out.append(ProductName.of(record)) }
        if let b = record.brand { out.append(b) }
        out = out.filter { !$0.isEmpty }
        attributeCache.exemptPhrases = out
        return out
    }()

    /// Keys match case-insensitively and ignoring spaces and underscores, so
    /// `{manufacturer recommended age}` finds the catalogue's squeezed `Manufacturerrecommendedage`.
    static func normalise(_ key: String) -> String {
        if isNormal(key) { return key }
        return key.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" }).joined()
    }

    /// `a == b`. Texts of ASCII and common Han characters alone have no other canonically
    /// equivalent spelling, so theirs compare by bytes (Chinese `String` comparison
    /// normalises, and every spec key of a record is compared with each key asked for, every
    /// condition value with the record's).
    static func sameText(_ a: String, _ b: String) -> Bool {
        if UTF8Key.bytesEqual(a, b) { return true }
        func plain(_ s: String) -> Bool { s.unicodeScalars.allSatisfy { $0.value < 0x80 || Han.isCommon($0.value) } }
        if plain(a) && plain(b) { return false }
        return a == b
    }

    /// Most keys are already normal (Chinese, or lower-case ASCII): no rebuild needed.
    @inline(__always)
    static func isNormal(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy { u in
            let v = u.value
            return v < 0x80 ? !(v >= 65 && v <= 90) && v != 32 && v != 95 && v != 9 && v != 10 && v != 13
                            : Han.isCommon(v)
        }
    }

    /// `normalise(key)`, remembered per record for keys that need rebuilding (English
    /// template keys with spaces or capitals are asked for on every line).
    private func normalised(_ key: String) -> String {
        if Self.isNormal(key) { return key }
        let u = UTF8Key(key)
        if let hit = attributeCache.normalisedKeys[u] { return hit }
        let k = Self.normalise(key)
        attributeCache.normalisedKeys[u] = k
        return k
    }

    /// The record's facts under a key (built-in names or spec keys, case-insensitive).
    public func attributes(for key: String) -> [ProductAttribute] {
        attributes(number: SlotKeys.number(key), key: key)
    }

    /// `attributes(for: key)`, `number` being `SlotKeys.number(key)`.
    func attributes(number: Int, key: String) -> [ProductAttribute] {
        if number < attributeCache.byNumber.count, let hit = attributeCache.byNumber[number] { return hit }
        let k = normalised(key)
        var out: [ProductAttribute] = []
        func add(_ name: String, _ v: String?) {
            if let v, !v.trimmingCharactersInSet().isEmpty { out.append(ProductAttribute(key: name, value: v)) }
        }
        switch k {
        case "title", "标题": add("title", record.title)
        case "name", "名称":
            if language == .en { add("title", record.title.map { ProductName.of($0) }) }
            else { add("title", record.title.map { FeatureCleaner.shortTitle($0) }) }
        case "brand", "品牌":
            // "X from X" reads badly: a brand the title already names is not repeated.
            if let b = record.brand, let t = record.title, t.lowercased().contains(b.lowercased()) { break }
            add("brand", record.brand)
        case "category", "type", "品类":
            add("category", record.categoryPath.last)
        case "categorypath":
            for seg in record.categoryPath { add("category", seg) }
        case "price", "价格": add("price", record.price.map { PriceFormatter.format($0) })
        case "feature", "features", "卖点":
            for f in record.features {
                if language == .en { add("feature", FeatureCleaner.clean(f)) } else { add("feature", f) }
            }
        case "highlight", "好评":
            for h in highlights { add("highlight", h.aspect) }
        default:
            var seen = Set<String>()
            let keys = attributeCache.specKeys ?? record.specs.map { Self.normalise($0.key) }
            attributeCache.specKeys = keys
            for (a, key) in zip(record.specs, keys) where Self.sameText(key, k) && !a.value.isEmpty && seen.insert(a.value).inserted {
                out.append(a)
            }
        }
        Self.remember(out, at: number, in: &attributeCache.byNumber)
        return out
    }

    /// Raw values under a key, for conditions.
    public func rawValues(for key: String) -> [String] {
        rawValues(number: SlotKeys.number(key), key: key)
    }

    func rawValues(number: Int, key: String) -> [String] {
        if derived[number] != nil { return values(number: number, key: key).map(\.text) }
        return attributes(number: number, key: key).map(\.value)
    }

    /// `rawValues(for: key)` lower-cased, computed once per key (every template line's
    /// conditions ask again); `number` is `SlotKeys.number(key)`.
    func lowercasedRawValues(number: Int, key: String) -> [String] {
        if number < rawCache.count, let hit = rawCache[number] { return hit }
        let v = rawValues(number: number, key: key).map { $0.lowercased() }
        Self.remember(v, at: number, in: &rawCache)
        return v
    }

    /// The values a slot may be filled with: compliant facts, or a derived slot's first
    /// realisable alternative. Empty means the slot cannot be filled.
    public func values(for key: String) -> [SlotValue] {
        values(number: SlotKeys.number(key), key: key)
    }

    /// `values(for: ref.key)`.
    func values(for ref: SlotReference) -> [SlotValue] {
        values(number: ref.number, key: ref.key)
    }

    func values(number: Int, key: String) -> [SlotValue] {
        if number < valueCache.count, let hit = valueCache[number] { return hit }
        var out: [SlotValue] = []
        if let d = derived[number], !resolving.contains(number) {
            resolving.insert(number)
            for alt in d.alternatives {
                if let r = TemplateRealiser.first(alt, in: self, limit: 1) {
                    out = [SlotValue(text: r.text, facts: r.facts)]
                    break
                }
            }
            resolving.remove(number)
        } else {
            for a in attributes(number: number, key: key) {
                var text = a.value
                if a.key == "price" { text = a.value }
                // Short spec values only: titles and bullets keep the seller's casing.
                if language == .zh, a.value.count <= 6, !Self.builtInKeys.contains(a.key) { text = Self.upperLatin(text) }
                // Names are the seller's, not claims ("Mama Knows Best"); other values lose
                // only the banned word (100%新疆长绒棉 → 新疆长绒棉).
                if let checker, !Self.nameKeys.contains(a.key) {
                    let scrubbed = checker.scrub(text)
                    // What is left of a value that was mostly a claim ("NO.1 销量" → "销量") says nothing.
                    if scrubbed != text, scrubbed.filter({ $0.isLetter || $0.isNumber }).count < 3 { continue }
                    text = scrubbed
                }
                out.append(SlotValue(text: text, facts: [a]))
            }
        }
        Self.remember(out, at: number, in: &valueCache)
        return out
    }

    /// cache[number] = value, growing the cache as far as needed.
    private static func remember<T>(_ value: T, at number: Int, in cache: inout [T?]) {
        if number >= cache.count { cache.append(contentsOf: repeatElement(nil, count: number + 1 - cache.count)) }
        cache[number] = value
    }

    /// Latin letters inside Chinese attribute values read better upper-cased: v领 → V领, a字 → A字.
    static func upperLatin(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value >= 97 && $0.value <= 122 }) else { return s }
        var v = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            v.append(u.value >= 97 && u.value <= 122 ? Unicode.Scalar(u.value - 32)! : u)
        }
        return String(v)
    }
}
