import ShopCore
/// Finds aspect terms in a review and gives each the polarity of its clause.
/// Chinese: longest match against the lexicon. English: the lexicon plus a noun-ish
/// heuristic ("the X is …", "my X was …") for aspects the lexicon does not list.
public struct AspectExtractor: Sendable {
    public let zh: AspectLexicon
    public let en: AspectLexicon
    /// With a two-label model, a clause whose positive probability is within this margin
    /// of 0.5 is `neutral` (English clause rule: the trained model replaces it when loaded).
    public var neutralMargin: Float
    /// The same for a Chinese model. 0: the Chinese rule never says `neutral`. On half of
    /// our Chinese aspect set (the other half untouched), 0.15 turned 25 positive and 13
    /// negative terms neutral to get 1 of 8 neutral ones right; 0 scored best (accuracy
    /// 78.5 → 85.2, macro-F1 59.5 → 57.7), as it did on the other half (72.5 → 79.7,
    /// 57.8 → 55.3) (Benchmarks/results/zh-margin.md).
    public var chineseNeutralMargin: Float = 0
    /// Weight of the clause against the whole review in an aspect's probabilities: the
    /// clause says which opinion is about the aspect, the review gives context.
    public var clauseWeight: Float
    /// The trained aspect-polarity model for English (`Models/absa-en.model`): when set,
    /// English aspect polarities come from it instead of the clause rule.
    public var polarityModel: AspectPolarityModel?
    /// The learned English term tagger (`Models/absa-tagger-en.model`): when set, English
    /// terms are the tagger's, plus lexicon terms it does not overlap (instead of the
    /// lexicon and the noun heuristic), for reviews of up to `taggerMaxUnits` units.
    public var termTagger: AspectTermTagger?

    public init(zh: AspectLexicon, en: AspectLexicon, neutralMargin: Float = 0.15, clauseWeight: Float = 1.0) {
        self.zh = zh
        self.en = en
        self.neutralMargin = neutralMargin
        self.clauseWeight = clauseWeight
    }

    static let determiners: Set<String> = ["the", "this", "that", "these", "those", "my", "its", "their", "our", "his", "her", "your"]
    static let copulas: Set<String> = ["is", "was", "are", "were", "looks", "look", "feels", "feel", "seems", "seem", "works", "worked", "sounds", "has", "had"]
    static let notNouns: Set<String> = ["one", "thing", "way", "it", "only", "other", "same", "first", "last", "best", "worst", "rest",
                                        "problem", "time", "product", "item", "fact", "reason", "point", "price's", "all", "most"]

    /// Aspect terms of `units` as (term, aspect, first unit, unit count), in text order.
    public func find(_ units: TextUnits, language: String) -> [(term: String, aspect: String, first: Int, count: Int)] {
        let lex = language == "zh" ? zh : en
        var out: [(String, String, Int, Int)] = []
        var i = 0
        let n = units.count
        while i < n {
            var matched = false
            var key = ""
            var scalars = 0
            var j = i
            var best: (Int, String, String)? = nil
            while j < n && scalars <= lex.maxLength {
                if j > i && !(units.isHan[j] && units.isHan[j - 1]) { key += " " }
                let t = units.text(j)
                key += t
                scalars += t.unicodeScalars.count
                if let a = lex.terms[key] { best = (j - i + 1, key, a) }
                j += 1
            }
            if let (len, term, aspect) = best {
                // A Chinese term must not be the tail of a longer word we cannot see:
                // accept it (the lexicon holds the common compounds first).
                out.append((term, aspect, i, len))
                i += len
                matched = true
            }
            if !matched { i += 1 }
        }
        if language != "zh" {
            if let termTagger, units.count <= Self.taggerMaxUnits { out = mergeTagged(units, termTagger, out) } else { out = mergeHeuristic(units, out) }
        }
        return out
    }

    /// Longer reviews keep the lexicon and the heuristic: the tagger's memory and the mapping
    /// of its terms onto units grow with length, and a 20 MB line must stay cheap.
    static let taggerMaxUnits = 2_000

    /// The tagger's terms on the review's units, then the lexicon's `found` terms that no
    /// tagger term overlaps. A tagger term's aspect is the lexicon's for the term or its
    /// longest listed tail, else the term itself.
    private func mergeTagged(_ units: TextUnits, _ tagger: AspectTermTagger, _ found: [(String, String, Int, Int)]) -> [(String, String, Int, Int)] {
        guard let tagged = tagger.tag(texts: [units.source]).first else { return found }
        let (tokens, tags) = tagged
        var out: [(String, String, Int, Int)] = []
        var covered = Set<Int>()
        var from = 0
        for term in AspectTermTagger.terms(words: tokens.words, tags: tags) {
            guard let r = Self.span(of: TermExtractionScore.key(term), in: units, from: from) else { continue }
            let text = AspectExtractor.text(units, r)
            // "16gb ram" → the aspect of "ram": the longest tail of the term the lexicon lists.
            let aspect = r.lazy.compactMap { self.en.terms[AspectExtractor.text(units, $0..<r.upperBound)] }.first ?? text
            out.append((text, aspect, r.lowerBound, r.count))
            for u in r { covered.insert(u) }
            from = r.upperBound
        }
        for f in found where !(f.2..<(f.2 + f.3)).contains(where: covered.contains) { out.append(f) }
        return out.sorted { $0.2 < $1.2 }
    }

    /// The first units from `from` on whose texts, joined without spaces, are `key`.
    static func span(of key: String, in units: TextUnits, from: Int) -> Range<Int>? {
        guard !key.isEmpty, from < units.count else { return nil }
        for i in from..<units.count {
            var joined = ""
            for j in i..<units.count {
                joined += units.text(j)
                if joined == key { return i..<(j + 1) }
                if joined.count >= key.count || !key.hasPrefix(joined) { break }
            }
        }
        return nil
    }

    private func mergeHeuristic(_ units: TextUnits, _ found: [(String, String, Int, Int)]) -> [(String, String, Int, Int)] {
        var covered = Set<Int>()
        for f in found { for u in f.2..<(f.2 + f.3) { covered.insert(u) } }
        var out = found
        let n = units.count
        var i = 0
        while i + 2 < n {
            guard AspectExtractor.determiners.contains(units.text(i)) else { i += 1; continue }
            // the X is / the X Y is
            for len in [1, 2] where i + 1 + len < n {
                let words = (i + 1)..<(i + 1 + len)
                if words.contains(where: { covered.contains($0) || units.isHan[$0] }) { continue }
                let ws = words.map { units.text($0) }
                guard ws.allSatisfy({ $0.count > 2 && $0.unicodeScalars.allSatisfy { $0.properties.isAlphabetic } }),
                      !ws.contains(where: { AspectExtractor.notNouns.contains($0) || AspectExtractor.determiners.contains($0) }),
                      AspectExtractor.copulas.contains(units.text(i + 1 + len)) else { continue }
                let term = ws.joined(separator: " ")
                out.append((term, term, i + 1, len))
                for u in words { covered.insert(u) }
                break
            }
            i += 1
        }
        return out.sorted { $0.2 < $1.2 }
    }

    /// The text of units `range`, spaced as in the original (Han characters joined).
    static func text(_ units: TextUnits, _ range: Range<Int>) -> String {
        var s = ""
        for u in range {
            if u > range.lowerBound && !(units.isHan[u] && units.isHan[u - 1]) { s += " " }
            s += units.text(u)
        }
        return s
    }

    /// The clause around units `first..<first+count`, widened to the next clause when it
    /// holds little beside the term ("物流：" / "电池，很耐用").
    public func context(_ units: TextUnits, first: Int, count: Int) -> Range<Int> {
        let clauses = ClauseSplitter.clauses(units)
        guard let k = clauses.firstIndex(where: { $0.contains(first) }) else { return first..<(first + count) }
        var r = clauses[k]
        if r.count - count < 2 && k + 1 < clauses.count { r = r.lowerBound..<clauses[k + 1].upperBound }
        return r
    }

    /// The polarity of a span of text by the model: argmax, or `neutral` near 0.5 for a
    /// two-label model.
    public func polarity(of text: String, model: SentimentModel, whole: [Float]? = nil) -> (String, Float) {
        var probs = model.predict(text).probabilities
        if let whole {
            for i in probs.indices { probs[i] = clauseWeight * probs[i] + (1 - clauseWeight) * whole[i] }
        }
        let best = argmax(probs)
        if model.labels.count == 2, let pos = model.labels.firstIndex(of: "positive") {
            let pp = probs[pos]
            // A model without a recorded language is Chinese when the text has Han characters.
            let chinese = model.info.language.map { $0 == "zh" } ?? text.unicodeScalars.contains { Han.isIdeograph($0) }
            let margin = chinese ? chineseNeutralMargin : neutralMargin
            if abs(pp - 0.5) < margin { return ("neutral", 1 - abs(pp - 0.5) * 2) }
        }
        return (model.labels[best], probs[best])
    }

    /// The clause rule for the term at units `first..<first+count`: the polarity of its
    /// clause (`context`), mixed with the whole review's probabilities `whole`.
    public func clausePolarity(_ units: TextUnits, first: Int, count: Int, model: SentimentModel, whole: [Float]?) -> (String, Float) {
        let ctx = context(units, first: first, count: count)
        return polarity(of: AspectExtractor.text(units, ctx), model: model, whole: whole)
    }

    /// Aspect terms with their polarity, one per distinct term (first mention).
    public func analyse(units: TextUnits, language: String, model: SentimentModel) -> [AspectMention] {
        if language != "zh", let polarityModel { return analyse(units: units, language: language, polarityModel: polarityModel) }
        var seen = Set<String>()
        var out: [AspectMention] = []
        var whole: [Float]? = nil
        for f in find(units, language: language) where seen.insert(f.term).inserted {
            if whole == nil { whole = model.predict(units: units).probabilities }
            let (pol, score) = clausePolarity(units, first: f.first, count: f.count, model: model, whole: whole)
            out.append(AspectMention(term: f.term, aspect: f.aspect, polarity: pol, score: score, firstUnit: f.first, unitCount: f.count))
        }
        return out
    }

    /// Aspect terms with the trained model's polarity: the whole sentence is read, the term marked.
    func analyse(units: TextUnits, language: String, polarityModel: AspectPolarityModel) -> [AspectMention] {
        var seen = Set<String>()
        let found = find(units, language: language).filter { seen.insert($0.term).inserted }
        guard !found.isEmpty else { return [] }
        let contexts = found.map { f in
            AspectPolarityContext(left: AspectExtractor.text(units, 0..<f.first),
                                  term: AspectExtractor.text(units, f.first..<(f.first + f.count)),
                                  right: AspectExtractor.text(units, (f.first + f.count)..<units.count))
        }
        return zip(found, polarityModel.predict(contexts: contexts)).map { f, p in
            AspectMention(term: f.term, aspect: f.aspect, polarity: p.label, score: p.score, firstUnit: f.first, unitCount: f.count)
        }
    }
}
