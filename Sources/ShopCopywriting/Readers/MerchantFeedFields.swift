import ShopData
import ShopCore

/// Maps one `<item>` of a Google Merchant RSS 2.0 feed to a product: `g:id`, `title`
/// (or `g:title`), `g:brand`, `g:product_type` (or `g:google_product_category`),
/// `g:price` (`19.99 USD`), `g:product_highlight` (repeatable) as features, and the
/// descriptive attributes (`g:color`, `g:material`, `g:pattern`, `g:size`, …) as specs.
public enum MerchantFeedFields {
    static let specFields = ["color", "material", "pattern", "size", "gender", "age_group", "size_type", "style"]
    /// The Chinese-language spec names for zh feeds, so the zh templates' keys apply.
    static let zhNames = ["color": "颜色", "material": "材质", "pattern": "图案", "size": "尺码", "style": "风格"]

    public static func product(from item: XMLRecord, file: String) -> Result<ProductRecord, DataError> {
        func field(_ name: String) -> String? {
            guard let v = item[name]?.trimmingCharactersInSet(), !v.isEmpty else { return nil }
            return v
        }
        guard let id = field("g:id") ?? field("id") else {
            return .failure(DataError(file: file, line: item.line, field: "g:id", reason: "item without an id"))
        }
        guard let title = field("title") ?? field("g:title") else {
            return .failure(DataError(file: file, line: item.line, field: "title", reason: "item without a title"))
        }
        let lang = Language.guess(title)
        var record = ProductRecord(id: id, title: title, brand: field("g:brand"),
                                   category: field("g:product_type") ?? field("g:google_product_category"),
                                   language: lang, file: file, line: item.line)
        if let p = field("g:sale_price") ?? field("g:price") {
            if let price = Price.parse(p, defaultCurrency: lang == .zh ? "CNY" : "USD") {
                record.price = price
            } else {
                record.warnings.append("g:price: not a price, written without a price")
            }
        }
        if let h = field("g:product_highlight") {
            record.features = h.split(separator: "\n").map { String($0).trimmingCharactersInSet() }.filter { !$0.isEmpty }
        }
        // The description is the seller's copy: its sentences serve as feature bullets after
        // the highlights (and its `key:value` pairs as specs).
        if let d = field("description") ?? field("g:description") {
            record.features += DescriptionSentences.split(d)
            record.specs += SpecList.parse(d).filter { $0.value.count <= 20 }
        }
        // zh feeds: the product type doubles as 类型, so the zh category templates (上衣/裙/裤) apply.
        if lang == .zh, let c = record.category {
            record.specs.append(ProductAttribute(key: "类型", value: record.categoryPath.last ?? c))
        }
        for name in specFields {
            guard let v = field("g:" + name) else { continue }
            let key = lang == .zh ? (zhNames[name] ?? name) : name
            for part in v.split(separator: "\n") { record.specs.append(ProductAttribute(key: key, value: String(part))) }
        }
        return .success(record)
    }
}
