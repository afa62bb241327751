import CLibXML2

/// A parsed, validated libxml2 document (from `XMLSchemaValidator`) and small helpers to
/// walk its elements, for files read whole (the intent and entity definitions); corpora
/// stream through `XMLStreamReader` instead.
public final class XMLDocument {
    let doc: xmlDocPtr
    public let file: String

    init(doc: xmlDocPtr, file: String) {
        self.doc = doc
        self.file = file
    }

    deinit { xmlFreeDoc(doc) }

    /// The root element, nil for an empty document.
    public var root: XMLElement? { xmlDocGetRootElement(doc).map { XMLElement(node: $0) } }

    /// Whether `text` parses as XML (no validation): for files the tooling writes.
    public static func isWellFormed(_ text: String) -> Bool {
        LibXML.ensureInitialized()
        let bytes = Array(text.utf8)
        let d = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                xmlReadMemory($0, Int32(buf.count), "memory.xml", "UTF-8", Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
            }
        }
        guard let d else { return false }
        xmlFreeDoc(d)
        return true
    }
}

/// A view of one element node (valid while its document lives).
public struct XMLElement {
    let node: xmlNodePtr

    /// The element's name as written.
    public var name: String { String(cString: node.pointee.name) }

    /// The 1-based line the element starts on.
    public var line: Int { Int(xmlGetLineNo(node)) }

    /// Child elements, optionally only those with a given local name.
    public func children(_ named: String? = nil) -> [XMLElement] {
        var out: [XMLElement] = []
        var c = node.pointee.children
        while let n = c {
            if n.pointee.type == XML_ELEMENT_NODE {
                let e = XMLElement(node: n)
                if named == nil || e.name == named { out.append(e) }
            }
            c = n.pointee.next
        }
        return out
    }

    /// The attribute's value, nil when absent.
    public func attribute(_ name: String) -> String? {
        guard let v = xmlGetProp(node, name) else { return nil }
        defer { free(v) } // xmlFree is free() unless an app replaces libxml2's allocator; we do not
        return String(cString: v)
    }

    /// Text content, trimmed.
    public var text: String {
        guard let v = xmlNodeGetContent(node) else { return "" }
        defer { free(v) } // xmlFree is free() unless an app replaces libxml2's allocator; we do not
        return String(cString: v).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

import Foundation
