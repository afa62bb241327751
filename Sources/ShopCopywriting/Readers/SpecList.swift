/// A specification list written as one string: `版型:显瘦|材质:棉`, `Color: red; Size: M`,
/// `版型：显瘦，材质：棉`. Pieces without a key/value separator are skipped.
public enum SpecList {
    public static func parse(_ text: String) -> [ProductAttribute] {
        var out: [ProductAttribute] = []
        for piece in text.split(whereSeparator: { "|;；\n，、".contains($0) }) {
            guard let colon = piece.firstIndex(where: { $0 == ":" || $0 == "：" || $0 == "=" }) else { continue }
            let key = String(piece[..<colon]).trimmingCharactersInSet()
            let value = String(piece[piece.index(after: colon)...]).trimmingCharactersInSet()
            if !key.isEmpty, !value.isEmpty, key.count <= 40 { out.append(ProductAttribute(key: key, value: value)) }
        }
        return out
    }
}
