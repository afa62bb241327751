import ShopData

/// A SemEval-2014 Task 4 sentence with its gold aspect terms.
public struct ABSASentence: Sendable, Equatable {
    public struct Term: Sendable, Equatable {
        public var term: String
        public var polarity: String
        /// Character offsets (as the XML gives them, in Characters of `text`).
        public var from: Int
        public var to: Int
    }

    public var id: String
    public var text: String
    public var terms: [Term]
    public var line: Int

    /// The sentence's polarity when its aspect terms agree on positive or negative
    /// (neutral terms ignored, conflict excludes); nil otherwise.
    public var sentencePolarity: String? {
        let polar = Set(terms.map(\.polarity)).subtracting(["neutral"])
        guard polar.count == 1, let p = polar.first, p == "positive" || p == "negative" else { return nil }
        return p
    }

    /// Reads every `<sentence>` of a SemEval-2014 ABSA XML file (streamed by libxml2).
    public static func read(_ path: String) throws -> [ABSASentence] {
        let xml = try XMLStreamReader(path: path)
        var out: [ABSASentence] = []
        var current: ABSASentence? = nil
        var inText = false
        while try xml.read() {
            switch xml.kind {
            case .element:
                switch xml.localName {
                case "sentence":
                    current = ABSASentence(id: xml.attribute("id") ?? "", text: "", terms: [], line: xml.line)
                case "text": inText = !xml.isEmptyElement
                case "aspectTerm":
                    if let term = xml.attribute("term"), let pol = xml.attribute("polarity") {
                        current?.terms.append(Term(term: term, polarity: pol,
                                                   from: Int(xml.attribute("from") ?? "") ?? 0, to: Int(xml.attribute("to") ?? "") ?? 0))
                    }
                default: break
                }
            case .text, .cdata, .whitespace:
                if inText { current?.text += xml.value }
            case .endElement:
                if xml.localName == "text" { inText = false }
                if xml.localName == "sentence", let c = current { out.append(c); current = nil }
            default: break
            }
        }
        return out
    }
}
