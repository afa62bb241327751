/// Cuts a line into units: Han characters one by one, everything else through ICU's word
/// break iterator, then re-joins what ICU splits but shop text needs whole (URLs, e-mail
/// addresses, prices, model numbers like XPS-13 or GB/T, percentages).
/// Whitespace separates groups; the segmenter works on one group at a time.
struct UnitScanner {
    let pool: WordBreakPool
    let userWords: UserDictionary

    private(set) var units: [Unit] = []
    /// Unit index ranges separated by whitespace.
    private(set) var groups: [Range<Int>] = []
    private var ends: [Int32] = []
    private var segments: [Unit] = []
    private var groupStart = 0
    /// Checked out of the pool on first use; `release()` gives it back.
    private var iterator: UnsafeMutableRawPointer? = nil

    init(pool: WordBreakPool, userWords: UserDictionary) {
        self.pool = pool
        self.userWords = userWords
    }

    mutating func release() {
        if let it = iterator { pool.checkin(it); iterator = nil }
    }

    private mutating func breakGroup() {
        if units.count > groupStart { groups.append(groupStart..<units.count) }
        groupStart = units.count
    }

    mutating func scan(_ t: UnsafeBufferPointer<UInt16>) {
        units.removeAll(keepingCapacity: true)
        groups.removeAll(keepingCapacity: true)
        let n = t.count
        groupStart = 0
        var i = 0
        let checkUser = !userWords.isEmpty
        while i < n {
            let (c, len) = t.scalar(at: i)
            if CharClass.isWhitespace(c) {
                breakGroup()
                i += len
                continue
            }
            if checkUser, let e = userWords.match(t, at: i, limit: n) {
                units.append(Unit(start: i, end: e, kind: .user))
                i = e
                continue
            }
            if CharClass.isHan(c) {
                if (c == 0x5143 || c == 0x5757 || c == 0x5706 || c == 0x5186), let last = units.last,
                   last.kind == .number, last.end == i, units.count > groupStart {
                    // 12.5元, 30块: a price.
                    units[units.count - 1].end = i + len
                    units[units.count - 1].kind = .price
                } else {
                    units.append(Unit(start: i, end: i + len, kind: .han))
                }
                i += len
                continue
            }
            // A run of non-Han text (spaces included, so English takes one ICU call per
            // line); runs of punctuation and symbols alone skip ICU.
            var j = i + len
            var needsICU = !(CharClass.isPunctuation(c) || CharClass.isSymbol(c)) || CharClass.isEmojiStart(c)
            var trailingSpace = j
            while j < n {
                let (c2, l2) = t.scalar(at: j)
                if CharClass.isHan(c2) { break }
                if CharClass.isWhitespace(c2) {
                    needsICU = true
                } else {
                    trailingSpace = j + l2
                    if !needsICU && (!(CharClass.isPunctuation(c2) || CharClass.isSymbol(c2)) || CharClass.isEmojiStart(c2)) {
                        needsICU = true
                    }
                }
                j += l2
            }
            j = trailingSpace
            if !needsICU || j == i + len {
                var k = i
                while k < j {
                    let (c2, l2) = t.scalar(at: k)
                    append(t, Unit(start: k, end: k + l2, kind: Self.classify(c2)))
                    k += l2
                }
            } else {
                scanChunk(t, i, j)
            }
            i = j
        }
        breakGroup()
    }

    static func classify(_ c: UInt32) -> UnitKind {
        if CharClass.isWhitespace(c) { return .space }
        if CharClass.isDigit(c) { return .number }
        if CharClass.isLetter(c) { return .latin }
        if CharClass.isEmojiStart(c) { return .emoji }
        if CharClass.isPunctuation(c) { return .punct }
        if CharClass.isSymbol(c) { return .symbol }
        return .other
    }

    /// A run of non-Han text, through ICU.
    private mutating func scanChunk(_ t: UnsafeBufferPointer<UInt16>, _ lo: Int, _ hi: Int) {
        if iterator == nil { iterator = pool.checkout() }
        WordBreakPool.segmentEnds(iterator!, t, lo..<hi, into: &ends)
        segments.removeAll(keepingCapacity: true)
        var s = lo
        for e32 in ends {
            let e = lo + Int(e32)
            segments.append(Unit(start: s, end: e, kind: kindOfSegment(t, s, e)))
            s = e
        }
        var k = 0
        while k < segments.count {
            let seg = segments[k]
            let first = t[seg.start]
            if seg.kind == .space {
                breakGroup()
                k += 1
                continue
            }
            if first < 0x80 {
                var match: (Int, UnitKind)? = nil
                if let e = userWords.isEmpty ? nil : userWords.match(t, at: seg.start, limit: hi) { match = (e, .user) }
                else if let e = PatternScanner.url(t, at: seg.start, end: hi) { match = (e, .url) }
                else if let e = PatternScanner.email(t, at: seg.start, end: hi) { match = (e, .email) }
                if let (e, kind) = match {
                    units.append(Unit(start: seg.start, end: e, kind: kind))
                    while k < segments.count, segments[k].end <= e { k += 1 }
                    if k < segments.count, segments[k].start < e {
                        segments[k].start = e
                        segments[k].kind = kindOfSegment(t, e, segments[k].end)
                    }
                    continue
                }
            }
            // ¥5,999.00, $12.50: currency symbol then a number.
            if seg.kind == .symbol, k + 1 < segments.count, segments[k + 1].kind == .number,
               CharClass.isCurrency(t.scalar(at: seg.start).value) {
                let e = joinNumber(t, k + 1)
                units.append(Unit(start: seg.start, end: segments[e].end, kind: .price))
                k = e + 1
                continue
            }
            if seg.kind == .number || seg.kind == .latin {
                var e = joinNumber(t, k)
                var kind = UnitKind.number
                for x in k...e where segments[x].kind == .latin { kind = .latin }
                if kind == .latin {
                    // C++, C#, Notepad++: trailing + or # that no word follows.
                    var p = e
                    while p + 1 < segments.count, segments[p + 1].end - segments[p + 1].start == 1,
                          t[segments[p + 1].start] == 0x2B || t[segments[p + 1].start] == 0x23 { p += 1 }
                    if p > e, p + 1 == segments.count || !(segments[p + 1].kind == .latin || segments[p + 1].kind == .number) {
                        e = p
                    }
                }
                units.append(Unit(start: seg.start, end: segments[e].end, kind: kind))
                k = e + 1
                continue
            }
            append(t, seg)
            k += 1
        }
    }

    /// Appends a unit; a run of the same punctuation mark (..., !!!, ……, ——) is one unit.
    private mutating func append(_ t: UnsafeBufferPointer<UInt16>, _ u: Unit) {
        if u.kind == .punct, u.end - u.start == 1, let last = units.last, last.kind == .punct,
           last.end == u.start, units.count > groupStart, t[last.start] == t[u.start] {
            units[units.count - 1].end = u.end
            return
        }
        units.append(u)
    }

    /// From the alphanumeric segment `k`, the last segment index of a model number,
    /// date, hyphenated word or percentage (XPS-13, GB/T, 2024-03-01, 10:30, 17%).
    private func joinNumber(_ t: UnsafeBufferPointer<UInt16>, _ k: Int) -> Int {
        var last = k
        var hasDigit = segmentHasDigit(t, segments[k])
        while last + 2 < segments.count {
            let joiner = segments[last + 1]
            let next = segments[last + 2]
            guard joiner.end - joiner.start == 1, next.kind == .number || next.kind == .latin else { break }
            let nextDigit = segmentHasDigit(t, next)
            let ok: Bool
            switch t[joiner.start] {
            case 0x2D, 0x2010, 0x2011: ok = true  // hyphens
            case 0x2F: ok = hasDigit || nextDigit || (isUpper(t, segments[last]) && isUpper(t, next))
            case 0x2E, 0x3A, 0x5F: ok = hasDigit && nextDigit
            default: ok = false
            }
            if !ok { break }
            hasDigit = hasDigit || nextDigit
            last += 2
        }
        if last + 1 < segments.count, segments[last].kind == .number || hasDigit {
            let p = segments[last + 1]
            if p.end - p.start == 1, t[p.start] == 0x25 || t[p.start] == 0xFF05 || t[p.start] == 0x2030 {
                last += 1
            }
        }
        return last
    }

    private func segmentHasDigit(_ t: UnsafeBufferPointer<UInt16>, _ u: Unit) -> Bool {
        for i in u.start..<u.end where CharClass.isDigit(UInt32(t[i])) { return true }
        return false
    }

    private func isUpper(_ t: UnsafeBufferPointer<UInt16>, _ u: Unit) -> Bool {
        for i in u.start..<u.end where !CharClass.isASCIIUpper(UInt32(t[i])) { return false }
        return true
    }

    private func kindOfSegment(_ t: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int) -> UnitKind {
        let kind = Self.classify(t.scalar(at: s).value)
        if kind == .number {
            var i = s
            while i < e {
                let (c, l) = t.scalar(at: i)
                if CharClass.isLetter(c) { return .latin }
                i += l
            }
        }
        return kind
    }
}
