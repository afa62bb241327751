/// Runs what `sentiment tag --aspects` does on every clause of an aspect evaluation set
/// (the model chosen per record by `ModelChooser`, terms and polarities by
/// `AspectExtractor.analyse`) and scores it (`AspectSetScore`). Chinese clauses go through
/// the lexicon and the clause rule, as the tagger does today.
public enum AspectSetEvaluation {
    public static func run(_ clauses: [AspectGoldClause], extractor: AspectExtractor, chooser: ModelChooser) -> AspectSetScore {
        var found: [[AspectMention]] = [], given: [[String]] = []
        for c in clauses {
            let units = TextUnits(c.clause)
            let (lang, model) = chooser.choose(units)
            let language = lang ?? model.info.language ?? "zh"
            found.append(extractor.analyse(units: units, language: language, model: model))
            // The same rule applied to the gold terms themselves (first occurrence).
            let whole = model.predict(units: units).probabilities
            given.append(c.terms.map { t in
                guard let span = AspectSetScore.spans(of: t.term, in: units).first else { return "neutral" }
                return extractor.clausePolarity(units, first: span.lowerBound, count: span.count, model: model, whole: whole).0
            })
        }
        return AspectSetScore.score(clauses, found: found, givenGold: given)
    }

    /// Reads the sets in `files`, pooled, and returns the report (`json`: one JSON object).
    public static func evaluate(files: [String], extractor: AspectExtractor, chooser: ModelChooser, json: Bool) throws -> String {
        var clauses: [AspectGoldClause] = []
        for f in files { clauses += try AspectGoldReader.read(f) }
        let score = run(clauses, extractor: extractor, chooser: chooser)
        return json ? score.json + "\n" : score.report
    }
}
