import ShopCore

/// The facts a blurb should try to mention, for the coverage score.
public enum ImportantFacts {
    /// Spec keys that are bookkeeping rather than selling points.
    static let skipped: Set<String> = Set(["asin", "item model number", "model number", "upc", "sku", "shipping weight",
                                           "domestic shipping", "international shipping", "best sellers rank", "customer reviews",
                                           "product dimensions", "package dimensions", "item weight", "id", "link", "image link",
                                           "availability", "condition", "gtin", "mpn", "uniq id", "product url", "manufacturer",
                                           "batteries", "date first available", "date first listed on amazon", "shipping advisory",
                                           "shipping information", "california residents", "discontinued by manufacturer",
                                           "release date", "pricing", "media", "department"].map(SlotContext.normalise))

    /// `context`: the record's slot context when the caller has one (its facts are reused).
    public static func of(_ record: ProductRecord, language: Language, highlights: [ReviewHighlight] = [],
                          context: SlotContext? = nil) -> Set<ProductAttribute> {
        var out = Set<ProductAttribute>()
        for a in record.specs where !a.value.isEmpty && !skipped.contains(SlotContext.normalise(a.key)) {
            out.insert(ProductAttribute(key: a.key, value: a.value))
        }
        do {
            let ctx = context ?? SlotContext(record: record, language: language)
            let specValues = Set(record.specs.map(\.value))
            for key in ["name", "brand", "price", "category"] {
                // AdvertiseGen's category is its 类型 spec: count that fact once.
                if let a = ctx.attributes(for: key).first, !(key == "category" && specValues.contains(a.value)) { out.insert(a) }
            }
            for a in ctx.attributes(for: "feature").prefix(3) { out.insert(a) }
        }
        for h in highlights { out.insert(ProductAttribute(key: "highlight", value: h.aspect)) }
        return out
    }
}
