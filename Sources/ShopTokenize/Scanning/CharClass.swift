import ShopICU
import ShopCore

/// Character classes by code point. ASCII and the common CJK ranges are decided inline
/// (this runs once per character); everything else asks ICU.
enum CharClass {
    /// Han ideographs, plus the two circles People's Daily writes for zero in Chinese numerals.
    @inline(__always)
    static func isHan(_ c: UInt32) -> Bool {
        if c < 0x2E80 { return c == 0x25CB }
        return c == 0x3007 || Han.isIdeograph(c, supplementaryEnd: Han.extensionHEnd)
    }

    @inline(__always)
    static func isWhitespace(_ c: UInt32) -> Bool {
        if c < 0x80 { return c == 0x20 || (c >= 0x09 && c <= 0x0D) }
        if c == 0x3000 || c == 0xA0 || c == 0xFEFF { return true }
        return shop_is_whitespace(c) != 0
    }

    @inline(__always)
    static func isDigit(_ c: UInt32) -> Bool {
        if c < 0x80 { return c >= 0x30 && c <= 0x39 }
        if c >= 0xFF10 && c <= 0xFF19 { return true }
        return shop_is_digit(c) != 0
    }

    @inline(__always)
    static func isLetter(_ c: UInt32) -> Bool {
        if c < 0x80 { return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        if Han.isCommon(c) { return true }
        return shop_is_alphabetic(c) != 0
    }

    @inline(__always)
    static func isASCIIAlnum(_ c: UInt32) -> Bool {
        c < 0x80 && ((c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A))
    }

    @inline(__always)
    static func isASCIIUpper(_ c: UInt32) -> Bool { c >= 0x41 && c <= 0x5A }

    static func isPunctuation(_ c: UInt32) -> Bool { shop_is_punctuation(c) != 0 }
    static func isSymbol(_ c: UInt32) -> Bool { shop_is_symbol(c) != 0 }
    static func isCurrency(_ c: UInt32) -> Bool { shop_is_currency(c) != 0 }
    static func isEmojiStart(_ c: UInt32) -> Bool { c >= 0xA9 && shop_is_emoji_start(c) != 0 }

    /// Full-width ASCII variants and the ideographic space mapped to their ASCII forms
    /// (for model features only; tokens keep the input's characters).
    @inline(__always)
    static func halfWidth(_ c: UInt32) -> UInt32 {
        if c >= 0xFF01 && c <= 0xFF5E { return c - 0xFEE0 }
        if c == 0x3000 { return 0x20 }
        return c
    }
}
