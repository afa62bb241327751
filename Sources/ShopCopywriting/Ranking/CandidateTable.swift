import ShopCore

/// The candidates of one template for one product, held as picks into the planned parts'
/// sentences instead of written out.
///
/// Why: a product gets up to `maxCandidates` candidates per template, and the ranker keeps a
/// dozen for the LM and one blurb. Writing every candidate's text, piece and fact lists,
/// then hashing and scoring them, was a seventh of `describe`. A candidate's base score
/// needs only figures of its sentences (facts, units, length), so these are worked out once
/// per sentence, and a candidate is written out only when ranking reaches it.
///
/// Same candidates, in the same order, as `CandidateGenerator.combineReference`
/// (`CandidateTableTests`): the same draws, and duplicates found by the text's FNV-1a hash
/// confirmed byte by byte.
struct CandidateTable: Sendable {
    let template: String
    let language: Language
    let parts: [PlannedPart]
    /// The distinct facts the used sentences state (by `==`), by id.
    private(set) var facts: [ProductAttribute] = []
    /// FNV-1a of each candidate's text (`FNV1a.hash64(text)`).
    private(set) var hashes: [UInt64] = []
    /// `TextStatistics.repetition` of each candidate's text.
    private(set) var repetitions: [Double] = []

    /// Candidate r is made of `positions` sentences from r · positions on: the part placed
    /// there and its sentence's index among all parts' sentences (`first[part]` + option).
    private var placedParts: [Int32] = []
    private var placed: [Int32] = []
    private let first: [Int]

    // Per sentence, worked out when a candidate first uses it (most of a long part's
    // sentences are never drawn). Flat arrays, no copy of a sentence's strings per use.
    private var ready: [Bool]
    /// The text as the join writes it (trimmed in English): `bytes[byteStart ..< byteStart + byteCount]`.
    private var bytes: [UInt8] = []
    private var byteStart: [Int], byteCount: [Int]
    /// The join uses it (the untrimmed text is not empty).
    private var present: [Bool]
    /// Code points of the joined text.
    private var scalars: [Int]
    private var toned: [Bool]
    /// Ids of its facts, in order: `factIDs[factStart ..< factStart + factCount]`.
    private var factIDs: [Int] = []
    private var factStart: [Int], factCount: [Int]
    /// Its units (`TextStatistics.unitHashes`): `units[unitStart ..< unitStart + unitCount]`.
    private var units: [UInt64] = []
    private var unitStart: [Int], unitCount: [Int]

    var positions: Int { parts.count }
    var count: Int { hashes.count }

    /// The candidates `combineReference` builds from `parts` (not empty) and the part
    /// `orders` it draws first, drawing the rest from `rng` as it does.
    init(parts: [PlannedPart], orders: [[Int]], template: String, language: Language, maxCandidates: Int,
         rng: inout SplitMix64) {
        self.template = template
        self.language = language
        self.parts = parts
        var first: [Int] = [], n = 0
        for p in parts { first.append(n); n += p.options.count }
        self.first = first
        ready = [Bool](repeating: false, count: n)
        byteStart = [Int](repeating: 0, count: n); byteCount = byteStart
        present = ready; toned = ready
        scalars = byteStart
        factStart = byteStart; factCount = byteStart
        unitStart = byteStart; unitCount = byteStart

        let movableSlots = parts.indices.filter { parts[$0].part.movable }
        var total = orders.count
        for p in parts { total = min(total * p.options.count, 1 << 20) }
        // Rows with a given text hash: a repeated hash is a duplicate only if the texts match.
        var seen: [UInt64: [Int]] = [:]
        seen.reserveCapacity(min(total, maxCandidates * 4))
        var sequence = [Int](repeating: 0, count: parts.count)
        var textUnits: [UInt64] = []
        func emit(_ picks: [Int], _ order: [Int]) -> Bool {
            // Place parts: fixed ones stay, movable ones take the permuted positions.
            for i in sequence.indices { sequence[i] = i }
            for (slot, target) in zip(movableSlots, order) { sequence[slot] = movableSlots[target] }
            let row = hashes.count
            for idx in sequence {
                let f = first[idx] + picks[idx]
                prepare(f, part: idx, option: picks[idx])
                placedParts.append(Int32(idx))
                placed.append(Int32(f))
            }
            let h = textHash(row)
            if let rows = seen[h], rows.contains(where: { sameText($0, row) }) {
                placedParts.removeLast(parts.count)
                placed.removeLast(parts.count)
                return false
            }
            seen[h, default: []].append(row)
            hashes.append(h)
            textUnits.removeAll(keepingCapacity: true)
            for k in 0..<parts.count {
                let f = Int(placed[row * parts.count + k])
                textUnits += units[unitStart[f] ..< unitStart[f] + unitCount[f]]
            }
            repetitions.append(TextStatistics.repetition(ofUnits: textUnits))
            return true
        }

        CandidateGenerator.drawCombinations(optionCounts: parts.map(\.options.count), orders: orders, total: total,
                                            maxCandidates: maxCandidates, rng: &rng, emit: emit)
    }

    /// Works out sentence `f`'s figures once.
    private mutating func prepare(_ f: Int, part: Int, option: Int) {
        guard !ready[f] else { return }
        ready[f] = true
        let r = parts[part].options[option]
        let joined = language == .en ? r.text.trimmingCharactersInSet() : r.text
        byteStart[f] = bytes.count
        bytes.append(contentsOf: joined.utf8)
        byteCount[f] = bytes.count - byteStart[f]
        present[f] = !r.text.isEmpty
        // Code points: the bytes that start one (not 10xxxxxx).
        var n = 0
        for i in byteStart[f] ..< bytes.count where bytes[i] & 0xC0 != 0x80 { n += 1 }
        scalars[f] = n
        toned[f] = r.tone != nil
        factStart[f] = factIDs.count
        for fact in r.facts {
            if let i = facts.firstIndex(of: fact) { factIDs.append(i) } else { factIDs.append(facts.count); facts.append(fact) }
        }
        factCount[f] = r.facts.count
        unitStart[f] = units.count
        TextStatistics.appendUnitHashes(r.text, language: language, to: &units)
        unitCount[f] = units.count - unitStart[f]
    }

    /// Calls `body` with the UTF-8 bytes of candidate `row`'s text, in order: the parts'
    /// joined texts, with a space between English ones (`CandidateGenerator.join`).
    @inline(__always)
    private func forEachByte(_ row: Int, _ body: (UInt8) -> Void) {
        var first = true
        bytes.withUnsafeBufferPointer { b in
            for k in 0..<positions {
                let f = Int(placed[row * positions + k])
                guard present[f] else { continue }
                if language == .en && !first { body(32) }
                first = false
                for i in byteStart[f] ..< byteStart[f] + byteCount[f] { body(b[i]) }
            }
        }
    }

    private func textHash(_ row: Int) -> UInt64 {
        var h = FNV1a.offset64
        forEachByte(row) { h = FNV1a.step(h, UInt64($0)) }
        return h
    }

    /// Whether two candidates' texts are the same bytes.
    private func sameText(_ a: Int, _ b: Int) -> Bool {
        var text: [UInt8] = []
        forEachByte(a) { text.append($0) }
        var i = 0, same = true
        forEachByte(b) { byte in
            if same { same = i < text.count && text[i] == byte }
            i += 1
        }
        return same && i == text.count
    }

    /// The realisation at position `k` of candidate `row`.
    @inline(__always)
    private func realisation(_ row: Int, _ k: Int) -> Realisation {
        let at = row * positions + k
        let p = Int(placedParts[at])
        return parts[p].options[Int(placed[at]) - first[p]]
    }

    /// Candidate `row`'s text.
    func text(_ row: Int) -> String {
        CandidateGenerator.join(pieces(row), language: language)
    }

    /// Candidate `row`'s sentences, in order (empty ones included, as candidates keep them).
    func pieces(_ row: Int) -> [String] {
        (0..<positions).map { realisation(row, $0).text }
    }

    /// Candidate `row` written out.
    func candidate(_ row: Int) -> Candidate {
        var names: [String] = [], pieces: [String] = [], partFacts: [[ProductAttribute]] = []
        var toneMatches = 0
        for k in 0..<positions {
            let r = realisation(row, k)
            names.append(parts[Int(placedParts[row * positions + k])].part.name)
            pieces.append(r.text)
            partFacts.append(r.facts)
            if r.tone != nil { toneMatches += 1 }
        }
        return Candidate(text: CandidateGenerator.join(pieces, language: language), facts: partFacts.flatMap { $0 },
                         template: template, toneMatches: toneMatches, parts: names, pieces: pieces, partFacts: partFacts,
                         repetition: repetitions[row])
    }

    /// Every candidate written out, in order.
    func candidates() -> [Candidate] {
        (0..<count).map(candidate)
    }

    /// What `Ranker.baseScore` reads from candidate `row`: its distinct facts (ids, in order
    /// of first mention) and how many of its mentions repeat one, how many mentions in all,
    /// the lines written for the tone, and the code points of its text.
    func figures(_ row: Int, distinct: inout [Int]) -> (duplicates: Int, mentions: Int, toneMatches: Int, scalars: Int) {
        distinct.removeAll(keepingCapacity: true)
        var duplicates = 0, mentions = 0, toneMatches = 0, length = 0, used = 0
        for k in 0..<positions {
            let f = Int(placed[row * positions + k])
            for j in factStart[f] ..< factStart[f] + factCount[f] {
                let id = factIDs[j]
                mentions += 1
                if distinct.contains(id) { duplicates += 1 } else { distinct.append(id) }
            }
            if toned[f] { toneMatches += 1 }
            if present[f] { length += scalars[f]; used += 1 }
        }
        if language == .en && used > 1 { length += used - 1 }
        return (duplicates, mentions, toneMatches, length)
    }
}
