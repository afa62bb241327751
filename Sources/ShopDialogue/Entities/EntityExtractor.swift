import Foundation

/// Finds entities in a message with the patterns and gazetteers of `entities.xml`.
/// Per entity: leftmost match first, longest on ties, non-overlapping. Across entities,
/// overlapping matches keep the longer one (the earlier-declared entity on ties), so an
/// order number is never also read as a phone number.
public struct EntityExtractor: Sendable {
    public var definitions: [EntityDefinition]

    public init(definitions: [EntityDefinition]) {
        self.definitions = definitions
    }

    /// All entities of one type in order of appearance.
    public func matches(of def: EntityDefinition, in text: String) -> [Entity] {
        matches(of: def, in: Prepared(text))
    }

    /// A message with what every definition's search needs, computed once per message.
    struct Prepared {
        let text: String
        let ns: NSString
        let lowered: NSString
        let sameLength: Bool
        /// UTF-16 units of the lower-cased text, when it has the original's length (the
        /// gazetteer's literal search then runs on them instead of on the bridged NSString).
        let loweredUnits: [UInt16]?

        init(_ text: String) {
            self.text = text
            ns = text as NSString
            let low = text.lowercased()
            lowered = low as NSString
            sameLength = lowered.length == ns.length
            loweredUnits = sameLength ? Array(low.utf16) : nil
        }
    }

    func matches(of def: EntityDefinition, in prepared: Prepared) -> [Entity] {
        let text = prepared.text, ns = prepared.ns
        var found: [Entity] = []
        let full = NSRange(location: 0, length: ns.length)
        for p in def.patterns {
            for m in p.regex.matches(in: text, range: full) {
                let r = m.range(at: p.group)
                guard r.location != NSNotFound, r.length > 0 else { continue }
                let s = ns.substring(with: r)
                found.append(Entity(type: def.name, value: p.normalize.apply(s), text: s, location: r.location, length: r.length))
            }
        }
        found += termMatchesFast(def, prepared) ?? termMatchesFoundation(def, prepared)
        found.sort { $0.location != $1.location ? $0.location < $1.location : $0.length > $1.length }
        var out: [Entity] = []
        var end = -1
        for e in found where e.location >= end {
            out.append(e)
            end = e.location + e.length
        }
        return out
    }

    /// The gazetteer search on the lower-cased text's UTF-16 units, or nil when lower-casing
    /// changed the length (then only Foundation's case-insensitive search will do).
    /// `NSString.range(of:options: .literal)` compares UTF-16 units exactly, so this is the
    /// same search without bridging (`EntityTermSearchTests` compares the two).
    func termMatchesFast(_ def: EntityDefinition, _ p: Prepared) -> [Entity]? {
        guard let units = p.loweredUnits else { return nil }
        var found: [Entity] = []
        for t in def.terms {
            let termUnits = t.utf16
            for at in PlainTextSearch.utf16Occurrences(of: termUnits, in: units) {
                let r = NSRange(location: at, length: termUnits.count)
                if !t.isASCII || Self.isWordBoundary(units, r) {
                    found.append(Entity(type: def.name, value: t.canonical, text: p.ns.substring(with: r), location: r.location, length: r.length))
                }
            }
        }
        return found
    }

    /// The gazetteer search through Foundation (any text; the reference for the fast path).
    func termMatchesFoundation(_ def: EntityDefinition, _ p: Prepared) -> [Entity] {
        let ns = p.ns, sameLength = p.sameLength
        let hay = sameLength ? p.lowered : ns
        var found: [Entity] = []
        for t in def.terms {
            var search = NSRange(location: 0, length: hay.length)
            while true {
                let r = hay.range(of: t.text, options: sameLength ? [.literal] : [.caseInsensitive], range: search)
                if r.location == NSNotFound { break }
                if !t.isASCII || isWordBoundary(hay, r) {
                    found.append(Entity(type: def.name, value: t.canonical, text: ns.substring(with: r), location: r.location, length: r.length))
                }
                let next = r.location + 1
                if next >= hay.length { break }
                search = NSRange(location: next, length: hay.length - next)
            }
        }
        return found
    }

    /// The first value of an entity in the message, as the `<sample>` self-checks define it.
    public func first(_ entity: String, in text: String) -> Entity? {
        guard let def = definitions.first(where: { $0.name == entity }) else { return nil }
        return matches(of: def, in: text).first
    }

    /// Every entity in the message, overlaps between types resolved, in order of appearance.
    public func extract(_ text: String) -> [Entity] {
        var all: [(Entity, Int)] = []
        let prepared = Prepared(text)
        for (rank, def) in definitions.enumerated() {
            for e in matches(of: def, in: prepared) { all.append((e, rank)) }
        }
        // longer first, then earlier-declared; greedily keep non-overlapping
        all.sort { $0.0.length != $1.0.length ? $0.0.length > $1.0.length : $0.1 < $1.1 }
        var kept: [Entity] = []
        for (e, _) in all where !kept.contains(where: { overlaps($0, e) }) { kept.append(e) }
        return kept.sorted { $0.location < $1.location }
    }

    /// Entity `<sample>` self-checks that fail, as readable messages (empty = all pass).
    public func failingSamples() -> [String] {
        var out: [String] = []
        for def in definitions {
            for s in def.samples {
                let got = matches(of: def, in: s.text).first?.value
                if got != s.value {
                    out.append("entity \(def.name), sample line \(s.line): '\(s.text)' gave \(got ?? "nothing"), expected \(s.value ?? "nothing")")
                }
            }
        }
        return out
    }

    private func overlaps(_ a: Entity, _ b: Entity) -> Bool {
        a.location < b.location + b.length && b.location < a.location + a.length
    }

    private func isWordBoundary(_ s: NSString, _ r: NSRange) -> Bool {
        if r.location > 0, Self.isWordChar(s.character(at: r.location - 1)) { return false }
        let end = r.location + r.length
        if end < s.length, Self.isWordChar(s.character(at: end)) { return false }
        return true
    }

    private static func isWordBoundary(_ s: [UInt16], _ r: NSRange) -> Bool {
        if r.location > 0, isWordChar(s[r.location - 1]) { return false }
        let end = r.location + r.length
        if end < s.count, isWordChar(s[end]) { return false }
        return true
    }

    private static func isWordChar(_ c: unichar) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    }
}
