/// The feature templates of the character tagger, shared by training and decoding so the
/// two can never disagree. Each unit becomes a code (its half-width character, or a class
/// code for numbers, Latin words, emoji…); features are hashed code n-grams around it.
enum SegmentFeatures {
    static let templateCount = 15
    /// Tags: B(egin), M(iddle), E(nd), S(ingle).
    static let tagCount = 4

    static let boundaryCode: UInt32 = 0x11_0000
    static func classCode(_ kind: UnitKind) -> UInt32 { 0x11_0010 + UInt32(kind.rawValue) }

    /// The code of a unit as the model sees it.
    @inline(__always)
    static func code(_ t: UnsafeBufferPointer<UInt16>, _ u: Unit) -> UInt32 {
        switch u.kind {
        case .han, .punct, .symbol, .other: return CharClass.halfWidth(t.scalar(at: u.start).value)
        default: return classCode(u.kind)
        }
    }

    /// Coarse type of a code: 0 Han, 1 Chinese numeral, 2 date/time/measure suffix,
    /// 3 number, 4 Latin, 5 punctuation/other, 6 boundary.
    @inline(__always)
    static func type(_ c: UInt32) -> UInt32 {
        if c >= boundaryCode {
            if c == boundaryCode { return 6 }
            if c == classCode(.number) { return 3 }
            if c == classCode(.latin) { return 4 }
            return 5
        }
        switch c {
        case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343,
             0x4E07, 0x4EBF, 0x96F6, 0x25CB, 0x3007, 0x4E24, 0x51E0, 0x534A:
            return 1  // 一二三四五六七八九十百千万亿零○〇两几半
        case 0x5E74, 0x6708, 0x65E5, 0x65F6, 0x5206, 0x79D2, 0x53F7, 0x5C81, 0x70B9:
            return 2  // 年月日时分秒号岁点
        default:
            return CharClass.isHan(c) ? 0 : 5
        }
    }

    @inline(__always)
    static func hash(_ template: UInt64, _ a: UInt32, _ b: UInt32) -> UInt64 {
        var x = (UInt64(a) << 32 | UInt64(b)) &* 0x9E37_79B9_7F4A_7C15
        x ^= template &* 0xC2B2_AE3D_27D4_EB4F
        x ^= x >> 29
        x = x &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 32
        return x
    }

    /// Writes the `templateCount` bucket indices of position `i` (codes padded by two
    /// boundary codes on each side: `codes[i + 2]` is unit i; `lex` from
    /// `SegmentLexicon.positions`).
    @inline(__always)
    static func indices(_ codes: UnsafeBufferPointer<UInt32>, _ lex: UnsafeBufferPointer<UInt8>, _ i: Int, mask: UInt64,
                        _ out: UnsafeMutablePointer<Int>) {
        let p = i + 2
        let l2 = codes[p - 2], l1 = codes[p - 1], c0 = codes[p], r1 = codes[p + 1], r2 = codes[p + 2]
        out[0] = Int(hash(1, c0, 0) & mask)
        out[1] = Int(hash(2, l1, 0) & mask)
        out[2] = Int(hash(3, r1, 0) & mask)
        out[3] = Int(hash(4, l2, 0) & mask)
        out[4] = Int(hash(5, r2, 0) & mask)
        out[5] = Int(hash(6, l1, c0) & mask)
        out[6] = Int(hash(7, c0, r1) & mask)
        out[7] = Int(hash(8, l2, l1) & mask)
        out[8] = Int(hash(9, r1, r2) & mask)
        out[9] = Int(hash(10, l1, r1) & mask)
        let types = type(l1) << 8 | type(c0) << 4 | type(r1)
        out[10] = Int(hash(11, types, 0) & mask)
        let rep: UInt32 = (c0 == l1 ? 1 : 0) | (c0 == r1 ? 2 : 0) | (c0 == l2 ? 4 : 0) | (c0 == r2 ? 8 : 0)
        out[11] = Int(hash(12, rep, type(c0)) & mask)
        // Dictionary features: longest known word beginning / ending / running through here.
        out[12] = Int(hash(13, UInt32(lex[i * 3]), c0) & mask)
        out[13] = Int(hash(14, UInt32(lex[i * 3 + 1]), c0) & mask)
        out[14] = Int(hash(15, UInt32(lex[i * 3 + 2]) << 4 | UInt32(lex[i * 3]) << 8 | UInt32(lex[i * 3 + 1]), 0) & mask)
    }

    /// Whether a word must start at a unit of kind `b` after one of kind `a` (codes `ca`,
    /// `cb`): punctuation never joins letters or Han except the name dot (马克·吐温), and a
    /// Latin word or number never continues a Han word (订单号SO123 is two words).
    @inline(__always)
    static func mustStart(_ a: UnitKind, _ b: UnitKind, _ ca: UInt32, _ cb: UInt32) -> Bool {
        if a == .han && (b == .latin || b == .number) { return true }
        let pa = a == .punct || a == .symbol, pb = b == .punct || b == .symbol
        if pa != pb {
            let c = pa ? ca : cb
            return !(c == 0xB7 || c == 0x30FB || c == 0x2027)
        }
        return false
    }

    /// Allowed tag transitions (B→M/E, M→M/E, E→B/S, S→B/S).
    @inline(__always)
    static func allowed(_ from: Int, _ to: Int) -> Bool {
        let fromOpen = from == 0 || from == 1
        let toContinues = to == 1 || to == 2
        return fromOpen == toContinues
    }
}
