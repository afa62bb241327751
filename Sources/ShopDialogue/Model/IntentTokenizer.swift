import Foundation
import ShopCore

/// Splits a message into the tokens the intent model sees: lower-cased, width-folded
/// (NFKC), runs of Latin letters/digits as words, each CJK character on its own.
/// Digits are folded to `0` so order numbers of any value look alike.
public enum IntentTokenizer {
    /// A token with its place in the original (normalised) text.
    public struct Token: Sendable, Equatable {
        public var text: String
        public var isCJK: Bool
    }

    public static func normalize(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    public static func tokens(_ text: String, foldDigits: Bool = true) -> [Token] {
        var out: [Token] = []
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            // order numbers, phones, amounts: one shape token instead of dozens of digit n-grams
            let digits = word.unicodeScalars.filter { ("0"..."9").contains($0) }.count
            if foldDigits, digits >= 4 {
                word = digits == word.unicodeScalars.count ? "<num>" : "<id>"
            }
            out.append(Token(text: word, isCJK: false))
            word = ""
        }
        for scalar in normalize(text).unicodeScalars {
            if Han.isCJK(scalar) {
                flush()
                out.append(Token(text: String(scalar), isCJK: true))
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if foldDigits, ("0"..."9").contains(scalar) {
                    word.unicodeScalars.append("0")
                } else {
                    word.unicodeScalars.append(scalar)
                }
            } else if scalar == "'" || scalar == "’" {
                // keep "don't" together; a leading apostrophe is dropped
                if !word.isEmpty { word.unicodeScalars.append("'") }
            } else {
                flush()
            }
        }
        flush()
        return out
    }
}
