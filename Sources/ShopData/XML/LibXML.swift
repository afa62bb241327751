import CLibXML2

/// libxml2 set-up shared by every module that parses XML or HTML.
public enum LibXML {
    /// `xmlInitParser` must run once before threads use the parser: libxml2 2.9 does not
    /// guard its own initialisation, and two threads doing their first parse at the same
    /// time can leave its global mutexes half made (a hang, seen once in CI when parallel
    /// tests validated intent files together). A global `let` runs it exactly once.
    ///
    /// It also installs libxml2's no-network entity loader for the whole process: every
    /// external resource any parse asks for (a DTD, an entity, an `xs:include` or
    /// `xs:import` of a schema, which `XML_PARSE_NONET` does not cover) is refused when its
    /// URL is not local. Issue 20: a schema including `http://127.0.0.1/inc.xsd` was fetched.
    static let initialized: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
        return true
    }()

    /// Call before any libxml2 use outside ShopData (schema validation, tree walking).
    public static func ensureInitialized() {
        _ = initialized
    }

    /// A libxml2 string as a Swift `String` (nil stays nil).
    static func string(_ p: UnsafePointer<xmlChar>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }
}
