import Foundation
import ShopData
import ShopCore

/// One JSON Lines product: `{"id": …, "title": …, "brand": …, "category": …, "price": "¥199",
/// "specs": {"材质": "棉"} or [["材质","棉"], …] or [{"key":…,"value":…}], "features": […],
/// "lang": "zh"}`. Other scalar members count as specs. AdvertiseGen's `content` is read too.
public enum JSONProductParser {
    static let idKeys = ["id", "product_id", "productId", "sku", "asin", "uniq_id"]
    static let reserved: Set<String> = ["id", "product_id", "productId", "sku", "asin", "uniq_id", "title", "name", "brand",
                                        "category", "price", "currency", "specs", "attributes", "features", "bullets",
                                        "lang", "language", "content", "summary", "description", "spec"]

    public static func parse(_ data: Data, file: String, line: Int) -> Result<ProductRecord, DataError> {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            return .failure(DataError(file: file, line: line, reason: "not valid JSON"))
        }
        guard let o = object as? [String: Any] else {
            return .failure(DataError(file: file, line: line, reason: "a JSON object was expected"))
        }
        func string(_ k: String) -> String? {
            switch o[k] {
            case let s as String: return s.trimmingCharactersInSet().isEmpty ? nil : s.trimmingCharactersInSet()
            case let n as NSNumber: return n.stringValue
            default: return nil
            }
        }
        let lang = (string("lang") ?? string("language")).flatMap(Language.init(rawValue:))
        // AdvertiseGen lines carry no id: they are named by their line.
        guard let id = idKeys.lazy.compactMap(string).first ?? (string("content") != nil ? "line-\(line)" : nil) else {
            return .failure(DataError(file: file, line: line, field: "id", reason: "missing product id (id, product_id, sku or asin)"))
        }
        var record = ProductRecord(id: id, title: string("title") ?? string("name"), brand: string("brand"),
                                   category: string("category"), language: lang, file: file, line: line)
        if let content = string("content") {
            do {
                let adgen = try AdvertiseGenAttributes.record(content: content, id: id)
                record.specs += adgen.specs
                record.category = record.category ?? adgen.category
                record.language = record.language ?? .zh
            } catch let error as AdvertiseGenSyntaxError {
                return .failure(DataError(file: file, line: line, field: "content", reason: error.reason))
            } catch {
                return .failure(DataError(file: file, line: line, field: "content", reason: "\(error)"))
            }
        }
        if let raw = o["price"] {
            // A price that cannot be read is left out (the blurb goes without it), never guessed.
            let currencyDefault = string("currency") ?? ((lang ?? record.inferredLanguage) == .zh ? "CNY" : "USD")
            if raw is NSNull {
                record.warnings.append("price: null, written without a price")
            } else if let text = string("price") {
                switch Price.parseOrExplain(text, defaultCurrency: currencyDefault) {
                case .success(let p): record.price = p
                case .failure: record.warnings.append("price: not a price, written without a price")
                }
            } else {
                record.warnings.append("price: not a price, written without a price")
            }
        }
        if let l = string("lang") ?? string("language"), Language(rawValue: l) == nil {
            record.warnings.append("lang: '\(l)' is not supported (zh, en); writing in the guessed language")
        }
        // `spec`: key:value pairs in one string (`版型:显瘦;材质:棉` or `|`/`，`-separated).
        if let spec = string("spec") { record.specs += SpecList.parse(spec) }
        switch o["specs"] ?? o["attributes"] {
        case nil: break
        case let dict as [String: Any]:
            for k in dict.keys.sorted() {
                for v in scalars(dict[k]!) { record.specs.append(ProductAttribute(key: k, value: v)) }
            }
        case let arr as [Any]:
            for (i, item) in arr.enumerated() {
                if let pair = item as? [Any], pair.count == 2, let k = pair[0] as? String, let v = scalars(pair[1]).first {
                    record.specs.append(ProductAttribute(key: k, value: v))
                } else if let d = item as? [String: Any], let k = d["key"] as? String, let v = d["value"].flatMap({ scalars($0).first }) {
                    record.specs.append(ProductAttribute(key: k, value: v))
                } else {
                    return .failure(DataError(file: file, line: line, field: "specs[\(i)]", reason: "expected [key, value] or {\"key\":…,\"value\":…}"))
                }
            }
        default:
            return .failure(DataError(file: file, line: line, field: "specs", reason: "expected an object or an array"))
        }
        for k in o.keys.sorted() where !reserved.contains(k) {
            for v in scalars(o[k]!) { record.specs.append(ProductAttribute(key: k, value: v)) }
        }
        switch o["features"] ?? o["bullets"] {
        case nil: break
        case let arr as [Any]: record.features = arr.compactMap { $0 as? String }.filter { !$0.isEmpty }
        case let s as String: record.features = s.split(separator: "|").map { String($0).trimmingCharactersInSet() }.filter { !$0.isEmpty }
        default: return .failure(DataError(file: file, line: line, field: "features", reason: "expected an array of strings"))
        }
        return .success(record)
    }

    /// Strings and numbers (and arrays of them) as strings; nulls and objects are dropped.
    static func scalars(_ v: Any) -> [String] {
        switch v {
        case let s as String: return s.trimmingCharactersInSet().isEmpty ? [] : [s.trimmingCharactersInSet()]
        case let n as NSNumber: return [n.stringValue]
        case let a as [Any]: return a.flatMap(scalars)
        default: return []
        }
    }
}
