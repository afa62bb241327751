import ShopCore

/// distinct-n: distinct n-grams over all n-grams across a set of texts (Li et al., 2016).
/// Units are characters for Chinese and words for English (see `TextStatistics.units`).
public enum Distinctness {
    public static func distinct(_ texts: [String], n: Int, language: Language) -> Double {
        var all = 0
        var seen = Set<[String]>()
        for t in texts {
            let u = TextStatistics.units(t, language: language)
            guard u.count >= n else { continue }
            for i in 0...(u.count - n) {
                all += 1
                seen.insert(Array(u[i..<(i + n)]))
            }
        }
        return all == 0 ? 0 : Double(seen.count) / Double(all)
    }
}
