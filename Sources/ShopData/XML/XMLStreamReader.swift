import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pull reader over an XML file, memory buffer or standard input (libxml2's
/// `xmlTextReader`), so huge files stream in bounded memory. Malformed XML surfaces as a
/// `DataError` with the file, the line libxml2 reports and its message, taken from the
/// structured error callback (never libxml2's variadic ones). Network access is off.
public final class XMLStreamReader {
    /// The file path, or the name given for memory/stdin input, for error messages.
    public let name: String
    private let reader: xmlTextReaderPtr
    private let pump: XMLInputPump  // retained: libxml2 calls back into it
    private var firstError: (line: Int, message: String)?
    private var failed = false

    private static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Opens a file or standard input.
    public convenience init(_ source: InputSource) throws {
        switch source {
        case .file(let path): try self.init(path: path)
        case .standardInput:
            try self.init(pump: XMLInputPump(fd: 0, owns: false), name: source.name, encoding: nil)
        }
    }

    /// Opens an XML file.
    public convenience init(path: String) throws {
        _ = LibXML.initialized
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw DataError(file: path, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw DataError(file: path, reason: "is a directory, not a file") }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw DataError(file: path, reason: "cannot open: \(String(cString: strerror(errno)))") }
        try self.init(pump: XMLInputPump(fd: fd, owns: true), name: path, encoding: nil)
    }

    /// Reads XML held in memory; `name` is used in error messages.
    public convenience init(xml: String, name: String = "<memory>") throws {
        _ = LibXML.initialized
        try self.init(pump: XMLInputPump(bytes: Array(xml.utf8)), name: name, encoding: "UTF-8")
    }

    private init(pump: XMLInputPump, name: String, encoding: String?) throws {
        _ = LibXML.initialized
        let read: xmlInputReadCallback = { context, buffer, length in
            guard let context, let buffer else { return -1 }
            return Unmanaged<XMLInputPump>.fromOpaque(context).takeUnretainedValue().read(into: buffer, capacity: Int(length))
        }
        guard let r = xmlReaderForIO(read, nil, Unmanaged.passUnretained(pump).toOpaque(), name, encoding, Self.parseOptions) else {
            throw DataError(file: name, reason: "cannot open as XML")
        }
        self.reader = r
        self.name = name
        self.pump = pump
        xmlTextReaderSetStructuredErrorHandler(reader, { arg, error in
            guard let arg, let error else { return }
            let me = Unmanaged<XMLStreamReader>.fromOpaque(arg).takeUnretainedValue()
            me.record(error.pointee)
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    private func record(_ e: xmlError) {
        // Warnings (e.g. an undeclared namespace prefix) don't stop the parse; keep the first real error.
        guard e.level.rawValue >= XML_ERR_ERROR.rawValue, firstError == nil else { return }
        let message = e.message.map { String(cString: $0) } ?? "malformed XML"
        firstError = (Int(e.line), message.trimmingSpaces())
    }

    /// Moves to the next node; false at the end of the document. Throws a `DataError`
    /// (file, line, libxml2's reason) when the XML is malformed; after that it returns false.
    public func read() throws -> Bool {
        if failed { return false }
        let r = xmlTextReaderRead(reader)
        if r == 1 { return true }
        if r == 0 && firstError == nil { return false }
        failed = true
        let e = firstError ?? (Int(xmlTextReaderGetParserLineNumber(reader)), "malformed XML")
        throw DataError(file: name, line: e.line > 0 ? e.line : nil, reason: "malformed XML: " + e.message)
    }

    /// The current node's kind.
    public var kind: XMLNodeKind { XMLNodeKind(raw: xmlTextReaderNodeType(reader)) }
    /// The qualified name as written (`g:price`), or "" for nameless nodes.
    public var qualifiedName: String { LibXML.string(xmlTextReaderConstName(reader)) ?? "" }
    /// The local name (`price` for `g:price`).
    public var localName: String { LibXML.string(xmlTextReaderConstLocalName(reader)) ?? "" }
    /// The text of a text/CDATA/whitespace node, or an attribute's value.
    public var value: String { LibXML.string(xmlTextReaderConstValue(reader)) ?? "" }
    /// Depth in the tree (the root element is 0).
    public var depth: Int { Int(xmlTextReaderDepth(reader)) }
    /// Whether the current element is written `<x/>` (no end-element node follows).
    public var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }
    /// Bytes of input consumed by the parser so far (it reads ahead a little).
    public var byteOffset: Int64 { Int64(xmlTextReaderByteConsumed(reader)) }

    /// The 1-based line of the current node. libxml2 keeps exact lines for element nodes
    /// up to 65535; beyond that the parser's position (a few lines ahead at most) is used.
    public var line: Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let l = Int(xmlGetLineNo(node))
            if l > 0 && l < 65535 { return l }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    /// The attributes of the current element as (qualified name, value), in document order.
    public func attributes() -> [(name: String, value: String)] {
        var out: [(String, String)] = []
        guard xmlTextReaderHasAttributes(reader) == 1 else { return out }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            out.append((qualifiedName, value))
        }
        xmlTextReaderMoveToElement(reader)
        return out
    }

    /// The value of one attribute of the current element, by qualified name.
    public func attribute(_ name: String) -> String? {
        // Not xmlTextReaderGetAttribute: its result must be released with the global
        // `xmlFree`, which Swift 6 rejects as shared mutable state.
        guard xmlTextReaderMoveToAttribute(reader, name) == 1 else { return nil }
        let v = value
        xmlTextReaderMoveToElement(reader)
        return v
    }
}
