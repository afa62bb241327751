/// The numbers of a review report (what the HTML draws and the JSON/CSV hold).
public struct ReportSummary: Codable, Sendable, Equatable {
    /// Counts by label.
    public struct Counts: Codable, Sendable, Equatable {
        public var positive = 0
        public var negative = 0
        public var neutral = 0
        public var total: Int { positive + negative + neutral }
        /// positive / total (0 when empty).
        public var positiveShare: Double { total == 0 ? 0 : Double(positive) / Double(total) }

        public init() {}

        mutating func add(_ label: String) {
            switch label {
            case "positive": positive += 1
            case "negative": negative += 1
            default: neutral += 1
            }
        }

        enum CodingKeys: String, CodingKey { case positive, negative, neutral, total, positiveShare = "positive_share" }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            positive = try c.decode(Int.self, forKey: .positive)
            negative = try c.decode(Int.self, forKey: .negative)
            neutral = try c.decode(Int.self, forKey: .neutral)
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(positive, forKey: .positive)
            try c.encode(negative, forKey: .negative)
            try c.encode(neutral, forKey: .neutral)
            try c.encode(total, forKey: .total)
            try c.encode(positiveShare, forKey: .positiveShare)
        }
    }

    public struct Group: Codable, Sendable, Equatable {
        public var name: String
        public var counts: Counts
    }

    public struct Complaint: Codable, Sendable, Equatable {
        public var aspect: String
        public var negative: Int
        public var mentions: Int
        /// Up to three review texts that are negative about the aspect.
        public var examples: [String]
    }

    public struct Week: Codable, Sendable, Equatable {
        /// The Monday starting the week, `YYYY-MM-DD`.
        public var week: String
        public var counts: Counts
    }

    public var records: Int
    public var invalidRecords: Int
    public var overall: Counts
    /// Products by review count (most first).
    public var products: [Group]
    /// Products with a single review (their share says little).
    public var singleReviewProducts: Int
    /// Reviews whose product fell beyond the tracked limit.
    public var untrackedProductReviews: Int
    /// Aspects by mentions (most first).
    public var aspects: [Group]
    /// Aspects by negative mentions (most first), with examples.
    public var complaints: [Complaint]
    /// Weeks in order (empty when no record had a date).
    public var weeks: [Week]
}
