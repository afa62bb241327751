import Foundation
import ShopData
import ShopCore

/// Maps a catalogue CSV row to a product. Understands the Amazon/PromptCloud sample's
/// columns (`Uniq Id`, `Product Name`, `Brand Name`, `Category`, `Selling Price`,
/// `About Product` bullets joined by ` | `, `Product Specification` as `Key: value|…`)
/// and simple ones (`id`, `title`, `brand`, `category`, `price`, `features`, any other
/// column as a spec).
public enum CatalogueColumns {
    static let idColumns = ["Uniq Id", "id", "product_id", "sku", "Asin", "asin", "Sku"]
    static let titleColumns = ["Product Name", "title", "name"]
    static let brandColumns = ["Brand Name", "brand"]
    static let categoryColumns = ["Category", "category"]
    static let priceColumns = ["Selling Price", "price", "List Price"]
    static let featureColumns = ["About Product", "features", "bullets"]
    static let specColumns = ["Product Specification", "specs"]
    /// Columns that are neither facts to sell with nor copy: links, images, stock, ids.
    static let ignored: Set<String> = ["Upc Ean Code", "Quantity", "Image", "Variants", "Product Url", "Stock", "Is Amazon Seller",
                                       "Technical Details", "Product Details", "Product Description", "Size Quantity Variant",
                                       "Ingredients", "Direction To Use", "Dimensions", "lang", "currency", "spec"]

    /// Many rows of the sample have their specification spaces squeezed out
    /// (`Manufacturerrecommendedage:14yearsandup`); ages are re-spaced (`14 years and up`),
    /// other squeezed values are kept as they are.
    static func respacedAge(_ v: String) -> String? {
        // `36months-10years` → `36 months - 10 years`
        let ranges = v.split(separator: "-", omittingEmptySubsequences: false)
        if ranges.count == 2, let a = respacedAge(String(ranges[0])), let b = respacedAge(String(ranges[1])),
           !a.hasSuffix("and up") { return a + " - " + b }
        // `4-12years` → `4 - 12 years` (the bare number takes the unit after it); `16-16years` → `16 years`.
        if ranges.count == 2, !ranges[0].isEmpty, ranges[0].allSatisfy({ $0.isASCII && $0.isNumber }),
           let b = respacedAge(String(ranges[1])), !b.hasSuffix("and up"),
           let space = b.firstIndex(of: " ") {
            let upper = b[..<space], unit = b[b.index(after: space)...]
            return upper == ranges[0] ? b : "\(ranges[0]) - \(upper) \(plural(String(unit)))"
        }
        let lower = v.lowercased()
        guard let unit = ["months", "years", "month", "year"].first(where: { lower.contains($0) }),
              let r = lower.range(of: unit) else { return nil }
        let number = lower[..<r.lowerBound]
        guard !number.isEmpty, number.allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
        let rest = lower[r.upperBound...]
        let spelled = number == "1" ? singular(unit) : plural(unit)
        switch rest {
        case "": return "\(number) \(spelled)"
        case "andup": return "\(number) \(spelled) and up"
        default: return nil
        }
    }

    /// `month` → `months` (sellers squeeze `12month-2years`); `1 year`, not `1 years`.
    static func plural(_ unit: String) -> String { unit.hasSuffix("s") ? unit : unit + "s" }
    static func singular(_ unit: String) -> String { unit.hasSuffix("s") ? String(unit.dropLast()) : unit }

    public static func product(from fields: [String: String], file: String, line: Int) -> Result<ProductRecord, DataError> {
        func first(_ names: [String]) -> String? {
            for n in names { if let v = fields[n]?.trimmingCharactersInSet(), !v.isEmpty { return v } }
            return nil
        }
        guard let title = first(titleColumns) else {
            return .failure(DataError(file: file, line: line, field: titleColumns[0], reason: "product without a name"))
        }
        let id = first(idColumns) ?? "row-\(line)"
        let lang = fields["lang"].flatMap(Language.init(rawValue:))
        var record = ProductRecord(id: id, title: title, brand: first(brandColumns), category: first(categoryColumns),
                                   language: lang, file: file, line: line)
        if let p = first(priceColumns) {
            let guessLang = lang ?? Language.guess(title)
            if let price = Price.parse(p, defaultCurrency: fields["currency"] ?? (guessLang == .zh ? "CNY" : "USD")) {
                record.price = price
            } else {
                record.warnings.append("price: not a price '\(p)', written without a price")
            }
        }
        if let l = fields["lang"]?.trimmingCharactersInSet(), !l.isEmpty, lang == nil {
            record.warnings.append("lang: '\(l)' is not supported (zh, en); writing in the guessed language")
        }
        if let s = fields["spec"] { record.specs += SpecList.parse(s) }
        if let f = first(featureColumns) {
            record.features = f.split(separator: "|").map { String($0).trimmingCharactersInSet() }.filter { !$0.isEmpty }
        }
        if let s = first(specColumns) {
            for piece in s.split(separator: "|") {
                guard let colon = piece.firstIndex(of: ":") else { continue }
                let key = String(piece[..<colon]).trimmingCharactersInSet()
                var value = String(piece[piece.index(after: colon)...]).trimmingCharactersInSet()
                if let paren = value.range(of: " (") { value = String(value[..<paren.lowerBound]) }
                if !piece.contains(" ") { value = respacedAge(value) ?? value }
                if !key.isEmpty, !value.isEmpty, key.count <= 40 { record.specs.append(ProductAttribute(key: key, value: value)) }
            }
        }
        let known = Set(idColumns + titleColumns + brandColumns + categoryColumns + priceColumns + featureColumns + specColumns)
        for k in fields.keys.sorted() where !known.contains(k) && !ignored.contains(k) {
            if let v = fields[k]?.trimmingCharactersInSet(), !v.isEmpty, !record.specs.contains(where: { $0.key == k }) {
                record.specs.append(ProductAttribute(key: k, value: v))
            }
        }
        return .success(record)
    }
}
