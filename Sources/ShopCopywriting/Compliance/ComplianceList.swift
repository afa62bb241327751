import Foundation
import ShopData
import ShopCore

/// Banned terms and allowed phrases, read from list files that copywriters can extend.
///
/// File format (UTF-8, one entry a line): `term`; `!phrase` for an allowed phrase that
/// contains a banned term (`!最近` keeps "recently" legal); `@rule text` names the rule
/// for the entries below it; `#` starts a comment; `term => replacement` gives what a blurb says instead of
/// the term (default: the term is removed from its sentence); `\\` escapes a leading `#`, `!` or `@`
/// (`\\#1`). Terms with Latin letters match whole
/// words, case-insensitively; others match anywhere.
public struct ComplianceList: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var term: String
        public var rule: String
        /// `term => replacement`: what a blurb says instead (nil: the term is removed).
        public var replacement: String?

        public init(term: String, rule: String, replacement: String? = nil) {
            self.term = term
            self.rule = rule
            self.replacement = replacement
        }
    }

    public var banned: [Entry]
    public var allowed: [String]

    public init(banned: [Entry] = [], allowed: [String] = []) {
        self.banned = banned
        self.allowed = allowed
    }

    /// Parses one list file's text.
    public static func parse(_ text: String, file: String) throws -> ComplianceList {
        var list = ComplianceList()
        var rule = (file as NSString).lastPathComponent
        for (number, line) in DataFileLines.entries(text) {
            if line.hasPrefix("@rule") {
                rule = String(line.dropFirst(5)).trimmingCharactersInSet()
                continue
            }
            if line.hasPrefix("!") {
                let phrase = String(line.dropFirst()).trimmingCharactersInSet()
                guard !phrase.isEmpty else { throw DataError(file: file, line: number, reason: "empty allowed phrase after '!'") }
                list.allowed.append(phrase)
                continue
            }
            if line.hasPrefix("@") { throw DataError(file: file, line: number, reason: "unknown directive (only '@rule')") }
            // `\#1`: a term that starts with a comment or directive character.
            var term = line.hasPrefix("\\") ? String(line.dropFirst()) : line
            var replacement: String? = nil
            if let r = term.range(of: " => ") {
                replacement = String(term[r.upperBound...]).trimmingCharactersInSet()
                term = String(term[..<r.lowerBound]).trimmingCharactersInSet()
            }
            list.banned.append(Entry(term: term, rule: rule, replacement: replacement))
        }
        return list
    }

    /// Reads every `*.txt` file in a folder (sorted by name) and merges them.
    public static func load(directory: String) throws -> ComplianceList {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else {
            throw DataError(file: directory, reason: "cannot read the compliance list folder")
        }
        var merged = ComplianceList()
        for name in names.sorted() where name.hasSuffix(".txt") {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = fm.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw DataError(file: path, reason: "cannot read as UTF-8")
            }
            let l = try parse(text, file: path)
            merged.banned += l.banned
            merged.allowed += l.allowed
        }
        return merged
    }

    /// The lists shipped in `Corpora/compliance/`.
    public static func loadDefault() throws -> ComplianceList {
        try load(directory: ResourcePaths.packageFolder("Corpora/compliance"))
    }
}
