import Foundation
import ShopCore

/// Corpus BLEU-4 (Papineni et al., 2002): clipped n-gram precisions for n = 1…4 summed over
/// the corpus, geometric mean, brevity penalty. One reference per candidate; units are
/// characters for Chinese (the usual practice for AdvertiseGen) and words for English.
public enum BLEU {
    public static func corpus(candidates: [String], references: [String], language: Language) -> Double {
        precondition(candidates.count == references.count)
        var matches = [Int](repeating: 0, count: 4), totals = [Int](repeating: 0, count: 4)
        var candLen = 0, refLen = 0
        for (c, r) in zip(candidates, references) {
            let cu = TextStatistics.units(c, language: language), ru = TextStatistics.units(r, language: language)
            candLen += cu.count
            refLen += ru.count
            for n in 1...4 {
                let cc = ngrams(cu, n), rc = ngrams(ru, n)
                for (g, k) in cc { matches[n - 1] += min(k, rc[g] ?? 0) }
                totals[n - 1] += max(0, cu.count - n + 1)
            }
        }
        guard candLen > 0, !totals.contains(0), !matches.contains(0) else { return 0 }
        let logPrecision = (0..<4).map { log(Double(matches[$0]) / Double(totals[$0])) }.reduce(0, +) / 4
        let bp = candLen >= refLen ? 1 : exp(1 - Double(refLen) / Double(candLen))
        return bp * exp(logPrecision)
    }

    static func ngrams(_ u: [String], _ n: Int) -> [[String]: Int] {
        var d: [[String]: Int] = [:]
        guard u.count >= n else { return d }
        for i in 0...(u.count - n) { d[Array(u[i..<(i + n)]), default: 0] += 1 }
        return d
    }
}
