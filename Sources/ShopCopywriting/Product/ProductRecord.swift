import ShopCore

/// A product as every reader yields it. Only what the source states is kept: a missing
/// field stays nil/empty, and templates needing it are skipped rather than filled in.
public struct ProductRecord: Sendable, Equatable, Codable {
    public var id: String
    public var title: String?
    public var brand: String?
    /// Category: a path (`Toys & Games | Puzzles`) or a type (`上衣`).
    public var category: String?
    public var price: Price?
    /// Key/value specifications in source order; keys may repeat.
    public var specs: [ProductAttribute]
    /// Feature bullets as the seller wrote them.
    public var features: [String]
    /// The language the record is written in, when the source or the reader knows it.
    public var language: Language?
    /// The file and 1-based line the record starts on.
    public var file: String
    public var line: Int
    /// Problems with fields that were left out rather than rejecting the record (an
    /// unreadable price, an unsupported language, an implausible age): reported beside the blurb.
    public var warnings: [String] = []

    public init(id: String, title: String? = nil, brand: String? = nil, category: String? = nil,
                price: Price? = nil, specs: [ProductAttribute] = [], features: [String] = [],
                language: Language? = nil, file: String = "", line: Int = 0) {
        self.id = id
        self.title = title
        self.brand = brand
        self.category = category
        self.price = price
        self.specs = specs
        self.features = features
        self.language = language
        self.file = file
        self.line = line
    }

    /// The category path's segments: `女装 > 连衣裙`, `Toys & Games | Puzzles`, `A/B` → parts.
    public var categoryPath: [String] {
        guard let c = category else { return [] }
        return c.split(whereSeparator: { $0 == "|" || $0 == ">" || $0 == "›" || $0 == "/" || $0 == "＞" })
            .map { String($0).trimmingCharactersInSet() }.filter { !$0.isEmpty }
    }

    /// All values of a spec key, in source order, without duplicates.
    public func values(_ key: String) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for a in specs where a.key == key && !a.value.isEmpty && seen.insert(a.value).inserted {
            out.append(a.value)
        }
        return out
    }

    /// The language to write in: the record's own, else a guess from its text.
    public var inferredLanguage: Language {
        if let language { return language }
        let text = [title ?? "", category ?? ""].joined(separator: " ") + specs.map { $0.key + $0.value }.joined()
        return Language.guess(text)
    }
}
