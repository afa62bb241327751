import Foundation

/// The one normalised form every dedup and exclusion compares texts by, so a test text
/// that differs from a training text only in width, case, spacing or punctuation still
/// counts as the same text. The shared Chinese corpora overlap in exactly these ways
/// (e.g. 85 chnsenticorp test texts are whitespace variants of online_shopping texts).
///
/// The key is: Unicode NFKC (full-width forms and the ideographic space become their
/// ASCII counterparts), lower-cased, then every whitespace, punctuation, symbol and
/// control/format scalar dropped (Chinese and Latin alike: `，。！？【】…` and `,.!?` go).
/// Letters, digits and ideographs are what remains. A text with nothing left has an
/// empty key, which never matches anything (see `TextKeySet`).
public enum TextKey {
    /// The normalised key of `text`.
    public static func of(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        var scalars = String.UnicodeScalarView()
        for s in folded.unicodeScalars where keeps(s) { scalars.append(s) }
        return String(scalars)
    }

    @inline(__always)
    static func keeps(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            // ASCII fast path: letters and digits only.
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
        }
        switch s.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .control, .format, .surrogate, .privateUse, .unassigned,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
             .nonspacingMark, .enclosingMark, .spacingMark:
            return false
        default:
            return true
        }
    }
}
