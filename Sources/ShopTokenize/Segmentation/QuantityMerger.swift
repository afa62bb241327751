/// Rules on top of the tagger for numbers, dates and measure words, which the tagger
/// (trained on People's Daily's fine-grained standard) splits but shop text wants whole:
/// dates (2024年3月, 5月12日), quantities (两个, 3件, 600多公斤, 20万元, 第一个).
struct QuantityMerger {
    /// Han characters that spell numbers.
    static let numeralChars: Set<UInt16> = Set("〇○零一二三四五六七八九十百千万亿两几半壹贰叁肆伍陆柒捌玖拾佰仟".utf16)
    /// Characters that may follow a number inside the quantity (二十多, 100余).
    static let approximators: Set<UInt16> = Set("多余来".utf16)
    /// Measure words and units (single characters).
    static let classifiers: Set<UInt16> = Set("个种次批件位名条家项只张台元天人岁倍周辆架艘部本册份副把块根片双对套座所间层届场回遍趟声句篇首顿点分秒亩吨斤米克升角毛股笔户口头匹棵株枝支朵颗粒滴杯瓶盒包袋箱桶碗盘期章节课页封门班类样步代轮番阵幅尊栋幢级度成码集卷吋寸尺丈国省县村岁年月日号".utf16)
    /// Multi-character units.
    static let unitWords: Set<[UInt16]> = Set(["公斤", "公里", "千米", "厘米", "毫米", "平方米", "立方米", "千克", "小时", "分钟",
                                              "星期", "个月", "千瓦", "美元", "港元", "日元", "英镑", "欧元", "马克", "公顷", "平方公里",
                                              "毫升", "英寸", "周年", "多年", "余年", "多万", "多名", "多个", "多次", "多家"].map { Array($0.utf16) })
    static let durations: Set<[UInt16]> = Set(["星期", "小时", "礼拜", "钟头"].map { Array($0.utf16) })
    static let datePart: [UInt16: Int] = [0x5E74: 1, 0x6708: 2, 0x65E5: 3, 0x53F7: 3]  // 年 月 日 号

    /// Per UTF-16 code unit: 1 numeral, 2 approximator, 4 classifier (sets are too slow
    /// for a per-character check).
    static let table: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 65536)
        for c in numeralChars { t[Int(c)] |= 1 }
        for c in approximators { t[Int(c)] |= 2 }
        for c in classifiers { t[Int(c)] |= 4 }
        return t
    }()

    /// Merges words in place: `isEnd[i]` says a word ends after unit `group.lowerBound + i`.
    static func apply(_ t: UnsafeBufferPointer<UInt16>, _ units: [Unit], _ group: Range<Int>, _ isEnd: inout [Bool]) {
        let base = group.lowerBound
        let n = group.count
        let numerals = table
        var anyNumber = false
        for k in group where units[k].kind == .number || (units[k].kind == .han && numerals[Int(t[units[k].start])] & 1 != 0) {
            anyNumber = true
            break
        }
        if !anyNumber { return }
        var words: [Range<Int>] = []
        var s = 0
        for i in 0..<n where isEnd[i] { words.append(s..<(i + 1)); s = i + 1 }
        if words.count < 2 { return }
        var w = 0
        while w < words.count - 1 {
            let a = words[w]
            // 一个 (one word from the tagger) + 小时 / 月 → one duration.
            if a.count >= 2, isSingle(t, units, base, (a.upperBound - 1)..<a.upperBound, in: [0x4E2A]),
               isNumber(t, units, base, a.lowerBound..<(a.upperBound - 1)), isDuration(t, units, base, words[w + 1]) {
                isEnd[a.upperBound - 1] = false
                w += 2
                continue
            }
            guard isNumber(t, units, base, a) else { w += 1; continue }
            // Dates: 1996年 + 10月 + 1日.
            if let part = datePartOf(t, units, base, a) {
                var last = w
                var order = part
                while last + 1 < words.count, isNumber(t, units, base, words[last + 1]),
                      let next = datePartOf(t, units, base, words[last + 1]), next > order {
                    order = next
                    last += 1
                }
                if last > w {
                    for k in w..<last { isEnd[words[k].upperBound - 1] = false }
                    w = last + 1
                    continue
                }
                w += 1
                continue
            }
            // Quantities: number [多/余] measure-word.
            var b = w + 1
            if isSingle(t, units, base, words[b], in: approximators), b + 1 < words.count { b += 1 }
            if isClassifier(t, units, base, words[b]) {
                // 三个 + 月 / 星期 / 小时 → one duration.
                if b + 1 < words.count, isSingle(t, units, base, words[b], in: [0x4E2A]),
                   isDuration(t, units, base, words[b + 1]) { b += 1 }
                for k in w..<b { isEnd[words[k].upperBound - 1] = false }
                w = b + 1
                continue
            }
            w += 1
        }
    }

    private static func text(_ t: UnsafeBufferPointer<UInt16>, _ units: [Unit], _ base: Int, _ r: Range<Int>) -> ArraySlice<UInt16> {
        ArraySlice(UnsafeBufferPointer(rebasing: t[units[base + r.lowerBound].start..<units[base + r.upperBound - 1].end]))
    }

    /// A number word: digits or numeral characters, optionally after 第 and before 多/余,
    /// or one of the date parts (1996年, 十二月).
    private static func isNumber(_ t: UnsafeBufferPointer<UInt16>, _ units: [Unit], _ base: Int, _ r: Range<Int>) -> Bool {
        var sawNumber = false
        for (k, i) in r.enumerated() {
            let u = units[base + i]
            if u.kind == .number { sawNumber = true; continue }
            guard u.kind == .han, u.end - u.start == 1 else { return false }
            let c = t[u.start]
            let flags = table[Int(c)]
            if flags & 1 != 0 { sawNumber = true; continue }
            if k == 0 && c == 0x7B2C { continue }  // 第
            if k > 0 && sawNumber && (flags & 2 != 0 || (k == r.count - 1 && datePart[c] != nil)) { continue }
            return false
        }
        return sawNumber
    }

    private static func datePartOf(_ t: UnsafeBufferPointer<UInt16>, _ units: [Unit], _ base: Int, _ r: Range<Int>) -> Int? {
        guard r.count >= 2 else { return nil }
        let last = units[base + r.upperBound - 1]
        guard last.kind == .han else { return nil }
        return datePart[t[last.start]]
    }

    /// 月, 星期, 小时… after 个.
    private static func isDuration(_ t: UnsafeBufferPointer<UInt16>, _ units: [Unit], _ base: Int, _ r: Range<Int>) -> Bool {
        if isSingle(t, units, base, r, in: [0x6708]) { return true }
        guard r.count == 2 else { return false }
        for i in r where units[base + i].kind != .han { return false }
        return durations.contains(Array(text(t, units, base, r)))
    }

    private static func isSingle(_ t: UnsafeBufferPointer<UInt16>, _ units: [Unit], _ base: Int, _ r: Range<Int>, in set: Set<UInt16>) -> Bool {
        guard r.count == 1 else { return false }
        let u = units[base + r.lowerBound]
        return u.kind == .han && u.end - u.start == 1 && set.contains(t[u.start])
    }

    private static func isClassifier(_ t: UnsafeBufferPointer<UInt16>, _ units: [Unit], _ base: Int, _ r: Range<Int>) -> Bool {
        if isSingle(t, units, base, r, in: classifiers) { return true }
        guard r.count <= 4 else { return false }
        for i in r where units[base + i].kind != .han { return false }
        return unitWords.contains(Array(text(t, units, base, r)))
    }
}
