/// Finds attribute values a text states although the product does not have them.
///
/// `vocabulary` is every value the attribute scheme knows (for AdvertiseGen: all values in
/// the corpus). The product's own values are masked out first (longest first), so 棉麻 in
/// the input does not make 棉 count as invented; whatever known value remains is a hallucination.
public struct HallucinationCheck: Sendable {
    let vocabulary: [String]

    public init(vocabulary: Set<String>) {
        self.vocabulary = vocabulary.map { $0.lowercased() }.filter { !$0.isEmpty }.sorted { $0.count > $1.count || ($0.count == $1.count && $0 < $1) }
    }

    /// The invented values, in vocabulary order.
    public func inventedValues(in text: String, inputValues: [String]) -> [String] {
        var masked = text.lowercased()
        for v in Set(inputValues.map { $0.lowercased() }).sorted(by: { $0.count > $1.count }) where !v.isEmpty {
            masked = masked.replacingAll(v, with: "\u{1}")
        }
        var found: [String] = []
        for v in vocabulary where masked.contains(v) {
            found.append(v)
            masked = masked.replacingAll(v, with: "\u{1}")
        }
        return found
    }
}
