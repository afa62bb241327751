import Foundation

/// One entity of `Intents/entities.xml`: regex patterns and/or gazetteer values.
public struct EntityDefinition: @unchecked Sendable {
    /// How a matched string becomes the slot value.
    public enum Normalize: String, Sendable {
        case none, digits, upper, lower
    }

    public struct Pattern: @unchecked Sendable {
        public var regex: NSRegularExpression
        public var group: Int
        /// `nil` = any language.
        public var language: Language?
        public var normalize: Normalize
    }

    public struct Term: Sendable {
        /// Lower-cased term.
        public var text: String
        public var canonical: String
        public var language: Language?
        /// ASCII terms match only at word boundaries.
        public var isASCII: Bool
    }

    public struct Sample: Sendable {
        public var text: String
        public var value: String?
        public var line: Int
    }

    public var name: String
    public var description: String
    public var patterns: [Pattern]
    public var terms: [Term]
    public var samples: [Sample]

    public init(name: String, description: String = "", patterns: [Pattern] = [], terms: [Term] = [], samples: [Sample] = []) {
        self.name = name
        self.description = description
        self.patterns = patterns
        self.terms = terms
        self.samples = samples
    }
}

extension EntityDefinition.Normalize {
    func apply(_ s: String) -> String {
        switch self {
        case .none: return s
        case .upper: return s.uppercased()
        case .lower: return s.lowercased()
        case .digits:
            let plus = s.trimmingCharacters(in: .whitespaces).hasPrefix("+")
            return (plus ? "+" : "") + s.filter { $0.isASCII && $0.isNumber }
        }
    }
}
