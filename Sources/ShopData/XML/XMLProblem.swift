/// A problem in an XML file (syntax, schema or content), with file and line.
public struct XMLProblem: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `file:line: reason`, or `file: reason` for a problem with the whole file (line 0).
    public var description: String { line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)" }
}

/// Several problems found in one go (every schema error of a file, not just the first).
public struct XMLProblems: Error, CustomStringConvertible, Sendable {
    public var problems: [XMLProblem]

    public init(_ problems: [XMLProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
