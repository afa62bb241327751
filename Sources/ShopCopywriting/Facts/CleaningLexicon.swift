import Foundation
import ShopData

/// Attribute values that are noise under their key (AdvertiseGen's `图案#线条`, `图案#纯色`,
/// `图案#复古` are not decorations one can "点缀"): each entry moves the value to the key
/// whose templates can say it truthfully (`线条`, `纯色`, `风格`). The value itself is kept,
/// so no fact is lost. File format, one entry a line: `图案=线条 -> 线条`; `#` comments.
public struct CleaningLexicon: Sendable, Equatable {
    /// (key, value) → new key.
    public var moves: [String: String]

    public init(moves: [String: String] = [:]) {
        self.moves = moves
    }

    static func id(_ key: String, _ value: String) -> String { key + "=" + value.lowercased() }

    /// The key this fact is read under.
    public func key(for a: ProductAttribute) -> String {
        moves[Self.id(a.key, a.value)] ?? a.key
    }

    /// The record's specs with noise values moved (duplicates that result are dropped).
    public func clean(_ specs: [ProductAttribute]) -> [ProductAttribute] {
        guard !moves.isEmpty else { return specs }
        var seen = Set<ProductAttribute>()
        var out: [ProductAttribute] = []
        for a in specs {
            let moved = ProductAttribute(key: key(for: a), value: a.value)
            if seen.insert(moved).inserted { out.append(moved) }
        }
        return out
    }

    public static func parse(_ text: String, file: String) throws -> CleaningLexicon {
        var lex = CleaningLexicon()
        for (number, line) in DataFileLines.entries(text) {
            let sides = line.components(separatedBy: "->")
            guard sides.count == 2, let eq = sides[0].firstIndex(of: "=") else {
                throw DataError(file: file, line: number, reason: "expected 'key=value -> new key'")
            }
            let key = String(sides[0][..<eq]).trimmingCharactersInSet()
            let value = String(sides[0][sides[0].index(after: eq)...]).trimmingCharactersInSet()
            let target = sides[1].trimmingCharactersInSet()
            guard !key.isEmpty, !value.isEmpty, !target.isEmpty else {
                throw DataError(file: file, line: number, reason: "empty key, value or new key")
            }
            lex.moves[id(key, value)] = target
        }
        return lex
    }
}
