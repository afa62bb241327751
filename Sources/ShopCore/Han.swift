/// Tests for Chinese (Han) characters by code point, without Unicode property lookups (they
/// run once per character on hot paths). The ranges differ on purpose between callers, and
/// each caller's range is part of what its model files were trained with, so every variant
/// is kept under its own name rather than widened to one.
public enum Han {
    /// The last code point of CJK Unified Ideographs extension F.
    public static let extensionFEnd: UInt32 = 0x2EBEF
    /// The last code point of the CJK Compatibility Ideographs Supplement.
    public static let compatibilitySupplementEnd: UInt32 = 0x2FA1F
    /// The last code point of CJK Unified Ideographs extension H.
    public static let extensionHEnd: UInt32 = 0x323AF

    /// The main CJK Unified Ideographs block (U+4E00–U+9FFF): nearly all everyday Chinese.
    @inlinable @inline(__always)
    public static func isCommon(_ v: UInt32) -> Bool { v >= 0x4E00 && v <= 0x9FFF }

    /// The main block and extension A (U+3400–U+4DBF): every unified ideograph in the BMP.
    @inlinable @inline(__always)
    public static func isUnifiedBMP(_ v: UInt32) -> Bool {
        isCommon(v) || (v >= 0x3400 && v <= 0x4DBF)
    }

    /// Unified ideographs of the BMP, the compatibility ideographs (U+F900–U+FAFF) and the
    /// supplementary ideographs from U+20000 through `supplementaryEnd`.
    @inlinable @inline(__always)
    public static func isIdeograph(_ v: UInt32, supplementaryEnd: UInt32 = compatibilitySupplementEnd) -> Bool {
        isUnifiedBMP(v) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x20000 && v <= supplementaryEnd)
    }

    /// `isIdeograph` for a scalar.
    @inlinable @inline(__always)
    public static func isIdeograph(_ s: Unicode.Scalar, supplementaryEnd: UInt32 = compatibilitySupplementEnd) -> Bool {
        isIdeograph(s.value, supplementaryEnd: supplementaryEnd)
    }

    /// Han ideographs (through extension F's supplement), Hiragana/Katakana and Hangul:
    /// the scripts written without spaces between words.
    @inlinable
    public static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return isIdeograph(v) || (v >= 0x3040 && v <= 0x30FF) || (v >= 0xAC00 && v <= 0xD7AF)
    }
}
