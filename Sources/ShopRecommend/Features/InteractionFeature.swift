import Foundation
import ShopData

/// The sentiment of one interaction's review, as `recommend features` writes it and
/// `recommend train --features` reads it back (JSON Lines, one object per interaction).
public struct InteractionFeature: Codable, Sendable, Equatable {
    public var user: String
    public var item: String
    public var rating: Float?
    public var timestamp: Int?
    /// The sentiment model's label for the review text (nil without text).
    public var label: String?
    /// P(positive) of the review text (nil without text).
    public var positive: Float?
    /// Aspect term → polarity, when the sentiment model found aspects.
    public var aspects: [String: String]?

    public init(user: String, item: String, rating: Float? = nil, timestamp: Int? = nil,
                label: String? = nil, positive: Float? = nil, aspects: [String: String]? = nil) {
        self.user = user; self.item = item; self.rating = rating; self.timestamp = timestamp
        self.label = label; self.positive = positive; self.aspects = aspects
    }

    /// Key joining features to interactions.
    public var key: String { user + "\u{1F}" + item }

    /// Reads a features file; a bad line is an error naming file and line.
    public static func read(path: String) throws -> [InteractionFeature] {
        let reader = try RecordReader(path: path, options: RecordReaderOptions(format: .jsonl, textField: .name("user")))
        var out: [InteractionFeature] = []
        for result in reader {
            let record = try result.get()
            // Fields come back as strings; decode typed values from them.
            func number(_ key: String) throws -> Float? {
                guard let s = record.fields[key], !s.isEmpty, s != "null" else { return nil }
                guard let v = Float(s), v.isFinite else { throw DataError(file: path, line: record.line, field: key, reason: "not a finite number") }
                return v
            }
            guard let user = record.fields["user"], let item = record.fields["item"] else {
                throw DataError(file: path, line: record.line, field: "item", reason: "a feature needs user and item")
            }
            var f = InteractionFeature(user: user, item: item, rating: try number("rating"),
                                       timestamp: try number("timestamp").map { Int($0) },
                                       label: record.fields["label"], positive: try number("positive"))
            // Nested objects arrive flattened with dotted keys: aspects.<term> = polarity.
            let aspects = record.fields.filter { $0.key.hasPrefix("aspects.") }
            if !aspects.isEmpty {
                f.aspects = Dictionary(uniqueKeysWithValues: aspects.map { (String($0.key.dropFirst(8)), $0.value) })
            }
            out.append(f)
        }
        return out
    }

    /// One JSON line (keys sorted so files diff cleanly).
    public func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
