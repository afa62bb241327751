import Foundation

/// Streams tagged reviews into the numbers of a report in bounded memory: counts per
/// label, per product, per aspect and per week, and a few example sentences per aspect.
/// Products and aspects beyond the limits are counted overall but not tracked by name.
public struct ReportAggregator: Sendable {
    public let maxProducts: Int
    public let maxAspects: Int
    public let examplesPerAspect: Int
    /// Longest example kept, in characters.
    public let maxExampleLength = 240

    public private(set) var records = 0
    public private(set) var invalidRecords = 0
    private var overall = ReportSummary.Counts()
    private var products: [String: ReportSummary.Counts] = [:]
    private var untrackedProductReviews = 0
    private var aspects: [String: ReportSummary.Counts] = [:]
    private var examples: [String: [String]] = [:]
    private var weeks: [Int: ReportSummary.Counts] = [:]

    public init(maxProducts: Int = 10_000, maxAspects: Int = 5_000, examplesPerAspect: Int = 3) {
        self.maxProducts = maxProducts
        self.maxAspects = maxAspects
        self.examplesPerAspect = examplesPerAspect
    }

    public mutating func add(_ r: ReviewRecord) {
        records += 1
        overall.add(r.label)
        if let p = r.product {
            if products[p] != nil || products.count < maxProducts { products[p, default: .init()].add(r.label) }
            else { untrackedProductReviews += 1 }
        }
        var seen = Set<String>()
        for a in r.aspects where seen.insert(a.aspect).inserted {
            guard aspects[a.aspect] != nil || aspects.count < maxAspects else { continue }
            aspects[a.aspect, default: .init()].add(a.polarity)
            if a.polarity == "negative", let text = r.text, examples[a.aspect, default: []].count < examplesPerAspect {
                let ex = Self.sentence(in: text, around: a.term.isEmpty ? a.aspect : a.term, limit: maxExampleLength)
                if !examples[a.aspect, default: []].contains(ex) { examples[a.aspect, default: []].append(ex) }
            }
        }
        if let d = r.day { weeks[ReportDate.weekStart(d), default: .init()].add(r.label) }
    }

    /// Counts a record that could not be used.
    public mutating func addInvalid() { invalidRecords += 1 }

    /// The sentence of `text` that mentions `term` (else the start of the text), at most `limit` characters.
    static func sentence(in text: String, around term: String, limit: Int) -> String {
        let enders: Set<Character> = [".", "!", "?", "。", "！", "？", "\n", ";", "；"]
        var sentences: [Substring] = []
        var start = text.startIndex
        for i in text.indices where enders.contains(text[i]) {
            let next = text.index(after: i)
            sentences.append(text[start..<next]); start = next
        }
        if start < text.endIndex { sentences.append(text[start...]) }
        let t = term.lowercased()
        let hit = sentences.first { $0.lowercased().contains(t) } ?? Substring(text)
        let s = hit.trimmingCharacters(in: .whitespacesAndNewlines)
        return s.count <= limit ? s : String(s.prefix(limit - 1)) + "…"
    }

    /// The numbers so far; complaints are the `topComplaints` aspects with most negative mentions.
    public func summary(topComplaints: Int = 10) -> ReportSummary {
        func ordered(_ d: [String: ReportSummary.Counts]) -> [ReportSummary.Group] {
            d.map { ReportSummary.Group(name: $0.key, counts: $0.value) }
                .sorted { $0.counts.total != $1.counts.total ? $0.counts.total > $1.counts.total : $0.name < $1.name }
        }
        let complaints = aspects.filter { $0.value.negative > 0 }
            .sorted { $0.value.negative != $1.value.negative ? $0.value.negative > $1.value.negative : $0.key < $1.key }
            .prefix(topComplaints)
            .map { ReportSummary.Complaint(aspect: $0.key, negative: $0.value.negative, mentions: $0.value.total,
                                           examples: examples[$0.key] ?? []) }
        return ReportSummary(
            records: records, invalidRecords: invalidRecords, overall: overall, products: ordered(products),
            singleReviewProducts: products.values.filter { $0.total == 1 }.count,
            untrackedProductReviews: untrackedProductReviews, aspects: ordered(aspects), complaints: complaints,
            weeks: weeks.keys.sorted().map { ReportSummary.Week(week: ReportDate.string($0), counts: weeks[$0]!) })
    }
}
