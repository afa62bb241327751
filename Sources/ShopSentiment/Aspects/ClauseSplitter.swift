/// Cuts a review into clauses at punctuation and contrast words ("但是", "不过", "but"),
/// because an aspect's polarity is that of its own clause: "屏幕很好，但是电池不行".
public enum ClauseSplitter {
    static let breakMarks: Set<UInt32> = Set("，。！？；,.!?;~…、\n()（）【】[]".unicodeScalars.map(\.value))
    static let contrastZh: [String] = ["但是", "但", "不过", "可是", "然而", "只是", "而且", "却"]
    static let contrastEn: Set<String> = ["but", "however", "although", "though", "while", "whereas", "except", "yet"]

    /// Clause boundaries as unit ranges covering `units` (no empty ranges).
    public static func clauses(_ units: TextUnits) -> [Range<Int>] {
        var cuts: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = units.count
        func cut(_ end: Int) {
            if end > start { cuts.append(start..<end) }
        }
        while i < n {
            let s = Int(units.starts[i])
            let first = units.scalars[s]
            let isPunct = !units.isHan[i] && !first.properties.isAlphabetic && !(first.value >= 0x30 && first.value <= 0x39)
            if isPunct && breakMarks.contains(first.value) {
                cut(i); start = i + 1; i += 1; continue
            }
            if !units.isHan[i], contrastEn.contains(units.text(i)) {
                cut(i); start = i  // the contrast word opens the next clause
            } else if units.isHan[i], i > start {
                for w in contrastZh {
                    let ws = Array(w.unicodeScalars)
                    if i + ws.count <= n && (0..<ws.count).allSatisfy({ units.isHan[i + $0] && units.scalars[Int(units.starts[i + $0])] == ws[$0] }) {
                        cut(i); start = i
                        break
                    }
                }
            }
            i += 1
        }
        cut(n)
        return cuts
    }
}
