/// The values a numeric setting may take, as one shared rule: parses the text a user typed,
/// refuses anything outside the range (and NaN or infinity for floating point), and
/// describes itself for `--help` so the documented range is the enforced one.
///
/// Why one type: the command-line options, the model loaders and the training entry points
/// all need the same checks; copies drift apart (issue 20 found `-k 0` crashing one command
/// while its sibling refused it).
public struct NumericRange<Value: Comparable & LosslessStringConvertible & Sendable>: Sendable, CustomStringConvertible {
    public var lower: Value?
    public var lowerInclusive: Bool
    public var upper: Value?
    public var upperInclusive: Bool

    public init(lower: Value?, lowerInclusive: Bool = true, upper: Value?, upperInclusive: Bool = true) {
        self.lower = lower
        self.lowerInclusive = lowerInclusive
        self.upper = upper
        self.upperInclusive = upperInclusive
    }

    /// `lower ... upper`, both ends included.
    public init(_ range: ClosedRange<Value>) {
        self.init(lower: range.lowerBound, upper: range.upperBound)
    }

    /// `value` or more.
    public static func atLeast(_ value: Value) -> Self { Self(lower: value, upper: nil) }

    /// More than `lower`, up to and including `upper`: `(lower, upper]`.
    public static func above(_ lower: Value, atMost upper: Value) -> Self {
        Self(lower: lower, lowerInclusive: false, upper: upper)
    }

    /// From `lower` (included) up to but excluding `upper`: `[lower, upper)`.
    public static func from(_ lower: Value, below upper: Value) -> Self {
        Self(lower: lower, upper: upper, upperInclusive: false)
    }

    /// Whether `value` is allowed: inside the range and, for floating point, finite.
    public func contains(_ value: Value) -> Bool {
        if let f = value as? any FloatingPoint, !f.isFinite { return false }
        if let lower, lowerInclusive ? value < lower : value <= lower { return false }
        if let upper, upperInclusive ? value > upper : value >= upper { return false }
        return true
    }

    /// The value `text` spells, or an error saying what is allowed.
    public func parse(_ text: String) throws(NumericRangeError) -> Value {
        let trimmed = text.trimmingSpaces()
        guard let value = Value(trimmed) else {
            throw NumericRangeError(reason: "not a number; expected \(description)")
        }
        try check(value)
        return value
    }

    /// Throws unless `value` is allowed.
    public func check(_ value: Value) throws(NumericRangeError) {
        guard contains(value) else {
            throw NumericRangeError(reason: "\(value) is out of range; expected \(description)")
        }
    }

    /// The range in the notation `--help` shows: `1…10000`, `> 0 and ≤ 10`, `≥ 0`.
    public var description: String {
        switch (lower, upper) {
        case let (l?, u?) where lowerInclusive && upperInclusive: return "\(l)…\(u)"
        case let (l?, u?): return "\(lowerInclusive ? "≥" : ">") \(l) and \(upperInclusive ? "≤" : "<") \(u)"
        case let (l?, nil): return "\(lowerInclusive ? "≥" : ">") \(l)"
        case let (nil, u?): return "\(upperInclusive ? "≤" : "<") \(u)"
        case (nil, nil): return "any finite number"
        }
    }
}

/// A value outside its `NumericRange`, or text that is not a number.
public struct NumericRangeError: Error, CustomStringConvertible, Sendable, Equatable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
    public var description: String { reason }
}
