/// One banned term found in a text.
public struct ComplianceHit: Sendable, Equatable, Codable {
    /// The term as listed.
    public var term: String
    /// The text as it appears (case may differ for English).
    public var matched: String
    /// 1-based line of the checked input (0 when checking a single string).
    public var line: Int
    /// 1-based column in Unicode code points.
    public var column: Int
    /// Why it is banned: the list's heading, e.g. the law it comes from.
    public var rule: String

    public init(term: String, matched: String, line: Int = 0, column: Int, rule: String) {
        self.term = term
        self.matched = matched
        self.line = line
        self.column = column
        self.rule = rule
    }
}
