import Foundation
import ShopCore

/// One entity of `Intents/entities.xml`: regex patterns and/or gazetteer values.
public struct EntityDefinition: @unchecked Sendable {
    /// How a matched string becomes the slot value.
    public enum Normalize: String, Sendable {
        case none, digits, upper, lower
        /// Letters and digits only (full-width digits folded to ASCII), upper-cased: order
        /// numbers written `2024-0518-…`, `SO 246…`, `#SO-246…`.
        case alnum
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
        public var text: String { didSet { utf16 = Array(text.utf16) } }
        public var canonical: String
        public var language: Language?
        /// ASCII terms match only at word boundaries.
        public var isASCII: Bool
        /// `text` as UTF-16 units (the gazetteer search compares these).
        public private(set) var utf16: [UInt16]

        public init(text: String, canonical: String, language: Language?, isASCII: Bool) {
            self.text = text
            self.canonical = canonical
            self.language = language
            self.isASCII = isASCII
            utf16 = Array(text.utf16)
        }
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
        case .alnum:
            return String(String.UnicodeScalarView(s.unicodeScalars.compactMap { u -> Unicode.Scalar? in
                if (0xFF10...0xFF19).contains(u.value) { return Unicode.Scalar(u.value - 0xFF10 + 0x30) }
                return u.isASCII && u.properties.isAlphabetic || ("0"..."9").contains(u) ? u : nil
            })).uppercased()
        case .digits:
            let plus = s.trimmingCharacters(in: .whitespaces).hasPrefix("+")
            return (plus ? "+" : "") + s.filter { $0.isASCII && $0.isNumber }
        }
    }
}
