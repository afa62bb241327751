import CLibXML2

/// Plain text from HTML (scraped reviews carry `<br />`, `&amp;`, whole pages): parsed with
/// libxml2's HTML parser in recover mode (no network, no error output), scripts, styles and
/// other non-text elements dropped, entities decoded, block elements turned into line
/// breaks (or spaces) and runs of whitespace collapsed.
public enum HTMLText {
    /// Elements whose content is never text for a reader.
    static let dropped: Set<String> = ["script", "style", "noscript", "template", "head", "iframe", "object", "svg", "canvas", "select"]
    /// Elements that end a line (paragraph-like blocks, list items, rows, `<br>`).
    static let blocks: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "thead", "tbody", "tfoot", "caption",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article", "header", "footer",
        "nav", "aside", "main", "hr", "form", "address", "figure", "figcaption", "fieldset", "legend", "details",
        "summary", "body", "html", "title", "option",
    ]
    /// Elements separated from their neighbours by a space (table cells).
    static let spaced: Set<String> = ["td", "th"]

    /// The text of `html`. With `keepLineBreaks` block boundaries become `\n` (runs of
    /// them one `\n`), otherwise everything is one line with single spaces. Input holding
    /// neither `<` nor `&` is not HTML and is returned unchanged.
    public static func plainText(_ html: String, keepLineBreaks: Bool = false) -> String {
        if !html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) { return html }
        // libxml2 takes an Int32 length; text beyond 1 GB is not a review and is left as it is.
        if html.utf8.count > 1 << 30 { return html }
        _ = LibXML.initialized
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        var copy = html
        let doc: htmlDocPtr? = copy.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
            }
        }
        guard let doc else { return "" }
        defer { xmlFreeDoc(doc) }
        var out = TextCollector(keepLineBreaks: keepLineBreaks)
        walk(UnsafeMutableRawPointer(doc).assumingMemoryBound(to: xmlNode.self).pointee.children, into: &out)
        return out.text
    }

    /// Visits the tree depth-first without recursion (deeply nested junk must not overflow the stack).
    private static func walk(_ first: xmlNodePtr?, into out: inout TextCollector) {
        var stack: [(node: xmlNodePtr?, closing: Bool)] = [(first, false)]
        while let top = stack.popLast() {
            guard let node = top.node else { continue }
            let n = node.pointee
            if top.closing {
                endElement(node, into: &out)
                continue
            }
            // Siblings after this node come after its subtree.
            stack.append((n.next, false))
            switch n.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let c = n.content { out.append(c) }
            case XML_ELEMENT_NODE:
                let name = elementName(n)
                if dropped.contains(name) { continue }
                if blocks.contains(name) { out.lineBreak() } else if spaced.contains(name) { out.space() }
                stack.append((node, true))
                stack.append((n.children, false))
            default:
                continue
            }
        }
    }

    /// The element's name; libxml2's HTML parser already lower-cases tag names.
    private static func elementName(_ n: xmlNode) -> String {
        n.name.map { String(cString: $0) } ?? ""
    }

    private static func endElement(_ node: xmlNodePtr, into out: inout TextCollector) {
        let name = elementName(node.pointee)
        if blocks.contains(name) { out.lineBreak() } else if spaced.contains(name) { out.space() }
    }
}
