import CLibXML2

/// libxml2 set-up shared by the XML and HTML readers.
enum LibXML {
    /// `xmlInitParser` must run once before threads use the parser; a global `let` runs it
    /// lazily and exactly once.
    static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// A libxml2 string as a Swift `String` (nil stays nil).
    static func string(_ p: UnsafePointer<xmlChar>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }
}
