/// Streams the SemEval-2014 Task 4 (aspect-based sentiment) XML files: `<sentence id>`
/// with `<text>`, `<aspectTerms><aspectTerm term from to polarity/>` and, for restaurants,
/// `<aspectCategories><aspectCategory category polarity/>`. A malformed file or an aspect
/// term with bad offsets ends in a `DataError` naming the file and line.
public final class SemEvalReader: Sequence, IteratorProtocol {
    private let xml: XMLStreamReader
    private var finished = false

    public init(_ source: InputSource) throws { xml = try XMLStreamReader(source) }
    public convenience init(path: String) throws { try self.init(.file(path)) }
    public init(xml text: String, name: String = "<memory>") throws { xml = try XMLStreamReader(xml: text, name: name) }

    /// Reads a whole file; throws on the first problem.
    public static func load(path: String) throws -> [SemEvalSentence] {
        try SemEvalReader(path: path).map { try $0.get() }
    }

    public func next() -> Result<SemEvalSentence, DataError>? {
        xml.nextRecord(finished: &finished, isRecord: { xml.localName == "sentence" }, read: sentence)
    }

    private func sentence() throws -> SemEvalSentence {
        var s = SemEvalSentence(id: xml.attribute("id") ?? "", text: "", line: xml.line)
        if xml.isEmptyElement { return s }
        let depth = xml.depth
        var inText = false
        while try xml.read() {
            switch xml.kind {
            case .element where xml.localName == "text":
                inText = !xml.isEmptyElement
            case .endElement where xml.localName == "text":
                inText = false
            case .element where xml.localName == "aspectTerm":
                s.aspectTerms.append(try aspectTerm())
            case .element where xml.localName == "aspectCategory":
                s.aspectCategories.append(AspectCategory(category: try required("category"), polarity: try required("polarity")))
            case .endElement where xml.depth == depth:
                return s
            case let k where k.isCharacterData && inText:
                s.text += xml.value
            default:
                break
            }
        }
        throw DataError(file: xml.name, line: s.line, reason: "<sentence> not closed before the end of the document")
    }

    private func aspectTerm() throws -> AspectTerm {
        let line = xml.line
        let term = try required("term")
        guard let from = Int(try required("from")), let to = Int(try required("to")), from <= to else {
            throw DataError(file: xml.name, line: line, field: "aspectTerm", reason: "from/to are not an integer span")
        }
        return AspectTerm(term: term, from: from, to: to, polarity: try required("polarity"))
    }

    private func required(_ attr: String) throws -> String {
        guard let v = xml.attribute(attr) else {
            throw DataError(file: xml.name, line: xml.line, field: attr, reason: "missing attribute on <\(xml.qualifiedName)>")
        }
        return v
    }
}
