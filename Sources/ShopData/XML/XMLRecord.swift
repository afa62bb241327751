/// One record element read by `XMLRecordReader`: the line its start tag is on and its
/// fields (the record's attributes, its child elements' trimmed texts, and child
/// attributes as `child@attr`).
public struct XMLRecord: Sendable, Equatable {
    public var line: Int
    public var fields: [String: String]

    public init(line: Int, fields: [String: String]) {
        self.line = line
        self.fields = fields
    }

    /// A field by exact name (`g:price`); a name without a prefix also matches a
    /// prefixed field with that local name when there is exactly one.
    public subscript(_ name: String) -> String? {
        if let v = fields[name] { return v }
        guard !name.contains(":") else { return nil }
        let suffix = ":" + name
        var found: String?
        for (k, v) in fields where k.hasSuffix(suffix) {
            if found != nil { return nil }
            found = v
        }
        return found
    }
}
