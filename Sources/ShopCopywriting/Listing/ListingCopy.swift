import ShopCore

/// What a listing needs beside the paragraph: a title, 3–5 bullet points and the record's
/// keywords, all from the record's own facts and the blurb's sentences (nothing new is said).
public struct ListingCopy: Sendable, Equatable {
    public var title: String
    public var bullets: [String]
    public var keywords: [String]

    public init(title: String, bullets: [String], keywords: [String]) {
        self.title = title
        self.bullets = bullets
        self.keywords = keywords
    }

    /// Spec keys that make a Chinese title, in order (AdvertiseGen names).
    static let zhTitleKeys = ["风格", "材质", "颜色", "图案", "版型", "衣样式", "裙型", "裙长", "裤型", "裤长"]
    static let zhTypeKeys: Set<String> = ["衣样式", "裙型", "裙长", "裤型", "裤长"]

    public static func make(record: ProductRecord, blurb: Blurb?, language: Language, preset: CopyPreset = .amazon,
                            checker: ComplianceChecker? = nil) -> ListingCopy {
        let keywords = self.keywords(record, language: language)
        var title: String
        switch language {
        case .zh:
            if let t = record.title, !t.isEmpty { title = t } else {
                var parts: [String] = []
                if let b = record.brand { parts.append(b) }
                var typed = false
                for key in zhTitleKeys {
                    guard let v = record.specs.first(where: { $0.key == key })?.value, !parts.contains(v) else { continue }
                    if zhTypeKeys.contains(key) { if typed { continue }; typed = true }
                    parts.append(SlotContext.upperLatin(v))
                }
                if !typed, let t = record.specs.first(where: { $0.key == "类型" })?.value { parts.append(ChineseMeasureWords.displayNoun(t)) }
                title = parts.joined()
            }
            if title.count > preset.titleChars { title = String(title.prefix(preset.titleChars)) }
        case .en:
            let name = record.title.map { preset == .amazon ? $0 : ProductName.of($0) } ?? record.id
            title = name
            if let b = record.brand, !name.lowercased().contains(b.lowercased()) { title = b + " " + name }
            if title.count > preset.titleChars {
                var cut = String(title.prefix(preset.titleChars))
                if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
                title = cut
            }
        }
        if let checker { title = checker.scrub(title, exempt: [record.title ?? "", record.brand ?? ""].filter { !$0.isEmpty }) }

        // Bullets: the blurb's fact-bearing sentences, then facts it did not use as `key: value`.
        var bullets: [String] = []
        if language == .en {
            // English bullets are the seller's own, cleaned and without banned words.
            for f in record.features {
                guard var s = FeatureCleaner.clean(f) else { continue }
                if let checker { s = checker.scrub(s, exempt: [record.title ?? "", record.brand ?? ""].filter { !$0.isEmpty }) }
                if s.count >= 12, !bullets.contains(s) { bullets.append(s) }
            }
        }
        if let blurb, language == .zh {
            for (i, p) in blurb.pieces.enumerated() where i > 0 {
                let s = p.trimmingCharactersInSet()
                if s.isEmpty || bullets.contains(s) { continue }
                if s.contains("¥") || s.contains("$") || s.contains("€") { continue }
                bullets.append(s)
            }
        }
        let mentioned = Set(blurb?.mentions.map(\.value) ?? [])
        for a in record.specs where bullets.count < preset.bullets && !mentioned.contains(a.value) && a.key != "类型" {
            if ImportantFacts.skipped.contains(SlotContext.normalise(a.key)) || a.value.count > 60 { continue }
            bullets.append(language == .zh ? a.key + "：" + a.value : a.key.prefix(1).uppercased() + a.key.dropFirst() + ": " + a.value)
        }
        // Too few sentences: split the longest into its clauses.
        if bullets.count < 3, let blurb, language == .zh {
            for p in blurb.pieces where bullets.count < 3 {
                for c in p.split(whereSeparator: { "，。！".contains($0) }).map(String.init) where c.count >= 4 && !bullets.contains(where: { $0.contains(c) }) && bullets.count < 3 {
                    bullets.append(c)
                }
            }
        }
        return ListingCopy(title: title, bullets: Array(bullets.prefix(preset.bullets)), keywords: keywords)
    }

    /// The record's own words a search would use: brand, category path, spec values.
    static func keywords(_ record: ProductRecord, language: Language) -> [String] {
        var out: [String] = []
        func add(_ s: String?) {
            guard let s = s?.trimmingCharactersInSet(), !s.isEmpty, s.count <= 30, !out.contains(s) else { return }
            out.append(s)
        }
        add(record.brand)
        for c in record.categoryPath.reversed().prefix(2) { add(c) }
        for a in record.specs where !ImportantFacts.skipped.contains(SlotContext.normalise(a.key)) && a.value.count <= 20 {
            add(language == .zh ? SlotContext.upperLatin(a.value) : a.value)
        }
        return Array(out.prefix(10))
    }
}
