import ShopICU
import ShopCore

/// NFKC (which also maps full-width ASCII forms and the ideographic space to half width),
/// then full case folding. Unlike ICU's NFKC_Casefold it keeps default-ignorable
/// characters, so emoji ZWJ sequences and variation selectors survive.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        if isAlreadyNormal(text) { return text }
        let source = Array(text.utf16)
        let nfkc = apply(source) { src, n, dst, cap in shop_normalize(Int32(SHOP_NFKC), src, n, dst, cap) }
        let folded = apply(nfkc) { src, n, dst, cap in shop_fold_case(src, n, dst, cap) }
        return String(decoding: folded, as: UTF16.self)
    }

    /// Lower-case ASCII and common Han ideographs are unchanged by NFKC and case folding:
    /// skip ICU for them (most tokens).
    @inline(__always)
    static func isAlreadyNormal(_ text: String) -> Bool {
        for u in text.utf16 {
            if u < 0x80 { if u >= 0x41 && u <= 0x5A { return false } } else if !Han.isCommon(UInt32(u)) { return false }
        }
        return true
    }

    /// Runs an ICU-style "write into buffer, return needed length" function, growing once if needed.
    private static func apply(_ source: [UInt16],
                              _ body: (UnsafePointer<UInt16>, Int32, UnsafeMutablePointer<UInt16>, Int32) -> Int32) -> [UInt16] {
        var capacity = source.count * 2 + 16
        for _ in 0..<2 {
            var out = [UInt16](repeating: 0, count: capacity)
            let written = source.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    body(src.baseAddress!, Int32(src.count), dst.baseAddress!, Int32(capacity))
                }
            }
            if written < 0 { return source }  // ICU error: leave the text as it is
            if Int(written) <= capacity { return Array(out[0..<Int(written)]) }
            capacity = Int(written)
        }
        return source
    }
}
