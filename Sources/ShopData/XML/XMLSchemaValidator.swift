import CLibXML2
import Foundation

/// Parses XML files and validates them against an XML Schema with libxml2, reporting
/// every problem with file and line. The caller owns the returned document
/// (`XMLDocument.free`), which the intent and entity readers walk.
public final class XMLSchemaValidator {
    private let schema: xmlSchemaPtr
    public let schemaPath: String

    /// Compiles the schema; a broken schema is reported like a broken file.
    public init(schemaPath: String) throws {
        self.schemaPath = schemaPath
        LibXML.ensureInitialized()
        guard FileManager.default.fileExists(atPath: schemaPath) else {
            throw XMLProblem(file: schemaPath, line: 0, reason: "schema file not found")
        }
        let collector = XMLErrorCollector(file: schemaPath)
        guard let ctxt = xmlSchemaNewParserCtxt(schemaPath) else {
            throw XMLProblem(file: schemaPath, line: 0, reason: "cannot create schema parser")
        }
        defer { xmlSchemaFreeParserCtxt(ctxt) }
        xmlSchemaSetParserStructuredErrors(ctxt, XMLErrorCollector.callback, collector.context)
        xmlSetStructuredErrorFunc(collector.context, XMLErrorCollector.callback)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let parsed = withExtendedLifetime(collector) { xmlSchemaParse(ctxt) }
        guard let parsed else {
            throw XMLProblems(collector.problems.isEmpty
                              ? [XMLProblem(file: schemaPath, line: 0, reason: "invalid XML Schema")]
                              : collector.problems)
        }
        schema = parsed
    }

    deinit { xmlSchemaFree(schema) }

    /// Parses `path` (no network, no entity expansion from outside) and validates it.
    /// Throws `XMLProblems` listing every syntax or schema error.
    public func parseAndValidate(_ path: String) throws -> XMLDocument {
        LibXML.ensureInitialized()
        let collector = XMLErrorCollector(file: path)
        xmlSetStructuredErrorFunc(collector.context, XMLErrorCollector.callback)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOBLANKS.rawValue)
        guard let doc = withExtendedLifetime(collector, { xmlReadFile(path, nil, options) }) else {
            if FileManager.default.fileExists(atPath: path) == false {
                throw XMLProblem(file: path, line: 0, reason: "file not found")
            }
            throw XMLProblems(collector.problems.isEmpty
                              ? [XMLProblem(file: path, line: 0, reason: "not well-formed XML")]
                              : collector.problems)
        }
        guard let vctxt = xmlSchemaNewValidCtxt(schema) else {
            xmlFreeDoc(doc)
            throw XMLProblem(file: path, line: 0, reason: "cannot create schema validator")
        }
        defer { xmlSchemaFreeValidCtxt(vctxt) }
        xmlSchemaSetValidStructuredErrors(vctxt, XMLErrorCollector.callback, collector.context)
        let rc = withExtendedLifetime(collector) { xmlSchemaValidateDoc(vctxt, doc) }
        if rc != 0 {
            xmlFreeDoc(doc)
            throw XMLProblems(collector.problems.isEmpty
                              ? [XMLProblem(file: path, line: 0, reason: "does not validate against \(schemaPath) (code \(rc))")]
                              : collector.problems)
        }
        return XMLDocument(doc: doc, file: path)
    }
}
