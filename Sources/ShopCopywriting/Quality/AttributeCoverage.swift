/// Share of a product's attribute values that a text states (case-insensitive substring;
/// 裙 counts as stated by 裙子). Repeated values count once.
public enum AttributeCoverage {
    public static func of(_ text: String, attributes: [ProductAttribute]) -> Double {
        let values = Set(attributes.map { $0.value.lowercased() })
        guard !values.isEmpty else { return 1 }
        let t = text.lowercased()
        return Double(values.filter { t.contains($0) }.count) / Double(values.count)
    }
}
