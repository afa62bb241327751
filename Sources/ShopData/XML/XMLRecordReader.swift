/// Streams the records of an XML document: every element named `recordElement` (its
/// qualified name as written, e.g. `item`, `review`, `g:product`; a name without prefix
/// also matches by local name) becomes an `XMLRecord`. Fields are the record's attributes,
/// the text of each child element (descendant text included, trimmed; a child that repeats
/// has its texts joined with a newline) and the children's attributes as `child@attr`.
/// Malformed XML ends the stream with one `DataError` naming the file and line.
public final class XMLRecordReader: Sequence, IteratorProtocol {
    public let recordElement: String
    private let xml: XMLStreamReader
    private var finished = false

    public init(_ source: InputSource, recordElement: String) throws {
        xml = try XMLStreamReader(source)
        self.recordElement = recordElement
    }

    public init(xml text: String, name: String = "<memory>", recordElement: String) throws {
        xml = try XMLStreamReader(xml: text, name: name)
        self.recordElement = recordElement
    }

    /// The file name used in errors.
    public var name: String { xml.name }
    /// Bytes consumed by the parser so far.
    public var byteOffset: Int64 { xml.byteOffset }

    private func isRecord() -> Bool {
        let q = xml.qualifiedName
        if q == recordElement { return true }
        return !recordElement.contains(":") && xml.localName == recordElement
    }

    public func next() -> Result<XMLRecord, DataError>? {
        xml.nextRecord(finished: &finished, isRecord: isRecord, read: readRecord)
    }

    /// Reads the record whose start tag is the current node, up to its end tag.
    private func readRecord() throws -> XMLRecord {
        let line = xml.line
        var fields: [String: String] = [:]
        for (k, v) in xml.attributes() { fields[k] = v }
        if xml.isEmptyElement { return XMLRecord(line: line, fields: fields) }
        let depth = xml.depth
        var field: String?
        var text = ""
        func store(_ name: String, _ value: String) {
            if let old = fields[name] { fields[name] = old + "\n" + value } else { fields[name] = value }
        }
        while try xml.read() {
            let d = xml.depth
            switch xml.kind {
            case .element where d == depth + 1:
                let name = xml.qualifiedName
                for (k, v) in xml.attributes() { store(name + "@" + k, v) }
                if xml.isEmptyElement {
                    store(name, "")
                } else {
                    field = name
                    text = ""
                }
            case .endElement where d == depth + 1:
                if let f = field { store(f, text.trimmingSpaces()) }
                field = nil
            case .endElement where d == depth:
                return XMLRecord(line: line, fields: fields)
            case let k where k.isCharacterData && field != nil:
                text += xml.value
            default:
                break
            }
        }
        throw DataError(file: xml.name, line: line, reason: "record <\(recordElement)> not closed before the end of the document")
    }
}
