/// AdvertiseGen's attribute string: `key#value` pairs joined by `*`, e.g.
/// `类型#上衣*材质#牛仔布*颜色#白色`.
public enum AdvertiseGenAttributes {
    /// The pairs in order; throws a reason for a piece without `#` or with an empty side.
    public static func parse(_ content: String) throws(AdvertiseGenSyntaxError) -> [ProductAttribute] {
        var out: [ProductAttribute] = []
        for (i, piece) in content.split(separator: "*", omittingEmptySubsequences: true).enumerated() {
            guard let hash = piece.firstIndex(of: "#") else {
                throw AdvertiseGenSyntaxError(reason: "pair \(i + 1) '\(piece)' has no '#' between key and value")
            }
            let key = String(piece[..<hash]).trimmingCharactersInSet()
            let value = String(piece[piece.index(after: hash)...]).trimmingCharactersInSet()
            guard !key.isEmpty, !value.isEmpty else {
                throw AdvertiseGenSyntaxError(reason: "pair \(i + 1) '\(piece)' has an empty key or value")
            }
            out.append(ProductAttribute(key: key, value: value))
        }
        guard !out.isEmpty else { throw AdvertiseGenSyntaxError(reason: "no attributes") }
        return out
    }

    /// A product record for one AdvertiseGen example; 类型 becomes the category.
    public static func record(content: String, id: String, file: String = "", line: Int = 0) throws(AdvertiseGenSyntaxError) -> ProductRecord {
        let specs = try parse(content)
        let type = specs.first { $0.key == "类型" }?.value
        return ProductRecord(id: id, category: type, specs: specs, language: .zh, file: file, line: line)
    }
}

/// Why an AdvertiseGen attribute string could not be read.
public struct AdvertiseGenSyntaxError: Error, Sendable {
    public var reason: String
}
