import ShopCore

/// Prepares a record's facts before any template sees them: noise values moved by the
/// cleaning lexicon, implausible numbers left out (with a warning), and for Chinese
/// catalogue rows without AdvertiseGen's `类型`, the type read from the category path
/// (`女装 > 连衣裙` → 类型=裙, 裙长=连衣裙) so the clothing templates apply.
public struct RecordNormaliser: Sendable {
    public var cleaning: CleaningLexicon

    public init(cleaning: CleaningLexicon = CleaningLexicon()) {
        self.cleaning = cleaning
    }

    /// Category words → the AdvertiseGen type, most specific first.
    static let zhTypes: [(String, String)] = [
        ("连衣裙", "裙"), ("半身裙", "裙"), ("裙", "裙"), ("裤", "裤"),
        ("T恤", "上衣"), ("衬衫", "上衣"), ("衬衣", "上衣"), ("外套", "上衣"), ("卫衣", "上衣"), ("毛衣", "上衣"),
        ("针织衫", "上衣"), ("夹克", "上衣"), ("风衣", "上衣"), ("大衣", "上衣"), ("背心", "上衣"), ("上衣", "上衣"),
    ]

    public func normalise(_ record: ProductRecord, language: Language) -> ProductRecord {
        var r = record
        r.specs = cleaning.clean(r.specs)
        var kept: [ProductAttribute] = []
        for a in r.specs {
            if let p = ValueSanity.problem(key: a.key, value: a.value) {
                r.warnings.append("\(a.key): \(p), left out")
            } else {
                kept.append(a)
            }
        }
        r.specs = kept
        if language == .zh, !r.specs.contains(where: { $0.key == "类型" }), let path = Optional(r.categoryPath), !path.isEmpty {
            outer: for seg in path.reversed() {
                for (word, type) in Self.zhTypes where seg.contains(word) {
                    r.specs.insert(ProductAttribute(key: "类型", value: type), at: 0)
                    if word == "连衣裙" || word == "半身裙", !r.specs.contains(where: { $0.key == "裙长" || $0.key == "裙型" }),
                       !(r.title ?? "").contains(word) {
                        r.specs.append(ProductAttribute(key: "裙长", value: word))
                    }
                    break outer
                }
            }
        }
        return r
    }
}
