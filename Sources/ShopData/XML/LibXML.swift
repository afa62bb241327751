import CLibXML2

/// libxml2 set-up shared by every module that parses XML or HTML.
public enum LibXML {
    /// `xmlInitParser` must run once before threads use the parser: libxml2 2.9 does not
    /// guard its own initialisation, and two threads doing their first parse at the same
    /// time can leave its global mutexes half made (a hang, seen once in CI when parallel
    /// tests validated intent files together). A global `let` runs it exactly once.
    static let initialized: Bool = {
        xmlInitParser()
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
