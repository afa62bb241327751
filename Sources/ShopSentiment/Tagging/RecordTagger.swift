/// Tags one record: prediction, optional explanation and aspects, as one JSON line.
/// Stateless apart from the shared read-only models, so threads share one instance.
public struct RecordTagger: Sendable {
    public let chooser: ModelChooser
    public let options: TagOptions
    public let aspects: AspectExtractor?

    public init(chooser: ModelChooser, options: TagOptions, aspects: AspectExtractor? = nil) {
        self.chooser = chooser
        self.options = options
        self.aspects = aspects
    }

    /// The result of one record: its JSON line (no newline) and its label (nil on error).
    public struct Tagged: Sendable {
        public var json: String
        public var label: String?
        public var error: String?
    }

    public func tag(text: String, line: Int) -> Tagged {
        let units = TextUnits(text)
        let (lang, model) = chooser.choose(units)
        var p = model.predict(units: units)
        if options.explain, let deep = model.deep { p.attention = deep.attention(text, top: options.explainTop) }
        return render(units: units, language: lang, model: model, prediction: p, line: line)
    }

    /// Tags many records at once (same output as one by one): records that share a model
    /// are predicted as one batch, which the deep path needs to be fast.
    public func tag(records: [(text: String, line: Int)]) -> [Tagged] {
        let units = records.map { TextUnits($0.text) }
        let choices = units.map { chooser.choose($0) }
        var predictions = [SentimentPrediction?](repeating: nil, count: records.count)
        var groups: [ObjectIdentifier: [Int]] = [:]
        for (i, c) in choices.enumerated() { groups[ObjectIdentifier(c.model), default: []].append(i) }
        for members in groups.values {
            let model = choices[members[0]].model
            let top = options.explain ? options.explainTop : 0
            for (k, p) in model.predict(batch: members.map { units[$0] }, attentionTop: top).enumerated() {
                predictions[members[k]] = p
            }
        }
        return records.indices.map {
            render(units: units[$0], language: choices[$0].language, model: choices[$0].model,
                   prediction: predictions[$0]!, line: records[$0].line)
        }
    }

    func render(units: TextUnits, language lang: String?, model: SentimentModel, prediction p: SentimentPrediction,
                line: Int) -> Tagged {
        var out = "{\"line\":\(line),\"label\":"
        JSONText.string(p.label, into: &out)
        out.append(",\"score\":")
        JSONText.number(p.score, into: &out)
        if let lang { out.append(",\"lang\":\"\(lang)\"") }
        if options.explain {
            func redacted(_ tokens: [WeightedToken]) -> [WeightedToken] {
                guard let redact = options.redactToken else { return tokens }
                return tokens.map { var t = $0; t.text = redact(t.text); return t }
            }
            // Whole words, weighted by how far the label's probability falls without them.
            Self.append("tokens", redacted(WordExplainer.explain(units.source, model: model, label: p.labelIndex, top: options.explainTop)), to: &out)
            // The deep path's view: the words its attention pooling weighed most.
            if model.deep != nil { Self.append("attention", redacted(p.attention), to: &out) }
        }
        if options.aspects, let aspects {
            let found = aspects.analyse(units: units, language: lang ?? model.info.language ?? "zh", model: model)
            Self.appendObjects("aspects", found, to: &out) { a, out in
                out.append("\"term\":")
                JSONText.string(a.term, into: &out)
                out.append(",\"aspect\":")
                JSONText.string(a.aspect, into: &out)
                out.append(",\"polarity\":")
                JSONText.string(a.polarity, into: &out)
                out.append(",\"score\":")
                JSONText.number(a.score, into: &out)
            }
        }
        out.append("}")
        return Tagged(json: out, label: p.label, error: nil)
    }

    /// `,"key":[{"text":…,"weight":…},…]`
    static func append(_ key: String, _ tokens: [WeightedToken], to out: inout String) {
        appendObjects(key, tokens, to: &out) { t, out in
            out.append("\"text\":")
            JSONText.string(t.text, into: &out)
            out.append(",\"weight\":")
            JSONText.number(t.weight, into: &out)
        }
    }

    /// `,"key":[{…},{…}]`, `fields` writing the inside of each object.
    static func appendObjects<T>(_ key: String, _ items: [T], to out: inout String,
                                 _ fields: (T, inout String) -> Void) {
        out.append(",\"\(key)\":[")
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(",") }
            out.append("{")
            fields(item, &out)
            out.append("}")
        }
        out.append("]")
    }

    /// The output line for a record that could not be read.
    public static func errorLine(line: Int?, reason: String) -> Tagged {
        var out = "{\"line\":\(line.map(String.init) ?? "null"),\"error\":"
        JSONText.string(reason, into: &out)
        out.append("}")
        return Tagged(json: out, label: nil, error: reason)
    }
}
