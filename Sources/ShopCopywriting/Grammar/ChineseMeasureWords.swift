/// Chinese classifiers (量词) for product nouns: 一件上衣, 一条裙子, 一双鞋, 一台电脑;
/// 款 (style/model) when no specific one is known, which is always acceptable in shop copy.
public enum ChineseMeasureWords {
    /// Noun endings and their classifiers, longest first so 连衣裙 beats 衣.
    static let bySuffix: [(String, String)] = [
        ("连衣裙", "条"), ("连体裤", "条"), ("背带裤", "条"), ("手套", "双"), ("袜子", "双"), ("运动鞋", "双"),
        ("洗衣机", "台"), ("笔记本", "台"), ("电脑", "台"), ("电视", "台"), ("冰箱", "台"), ("空调", "台"),
        ("相机", "台"), ("打印机", "台"), ("手机", "部"), ("耳机", "副"), ("眼镜", "副"), ("项链", "条"),
        ("围巾", "条"), ("毛巾", "条"), ("腰带", "条"), ("皮带", "条"), ("手表", "块"), ("口红", "支"),
        ("马甲", "件"), ("外套", "件"), ("西装", "套"), ("套装", "套"), ("雨伞", "把"), ("椅子", "把"), ("桌子", "张"),
        ("裙", "条"), ("裤", "条"), ("衣", "件"), ("衫", "件"), ("服", "件"), ("袍", "件"), ("鞋", "双"),
        ("靴", "双"), ("袜", "双"), ("帽", "顶"), ("包", "个"), ("表", "块"), ("书", "本"), ("笔", "支"),
        ("床", "张"), ("伞", "把"), ("灯", "盏"), ("杯", "个"), ("壶", "把"), ("锅", "口"), ("车", "辆"),
    ]

    static let suffixBytes: [([UInt8], String)] = bySuffix.map { (Array($0.0.utf8), $0.1) }

    /// The classifier for a noun, `款` when none is known.
    public static func classifier(for noun: String) -> String {
        // A byte comparison: every suffix is whole CJK characters, so matching its UTF-8 at
        // the end is matching it as the last characters (`hasSuffix`'s Unicode rules cost
        // a slot filter per template line per product).
        var text = noun
        let found: String? = text.withUTF8 { bytes in
            for (suffix, cl) in suffixBytes where suffix.count <= bytes.count {
                if bytes[(bytes.count - suffix.count)...].elementsEqual(suffix) { return cl }
            }
            return nil
        }
        if let found { return found }
        // 裙子, 裤子, 鞋子: the noun suffix 子 does not change the classifier.
        if noun.hasSuffix("子"), noun.count > 1 { return classifier(for: String(noun.dropLast())) }
        return "款"
    }

    /// `一件上衣`, or with another determiner: `这件上衣`, `两条裙子`.
    public static func phrase(_ noun: String, determiner: String = "一") -> String {
        determiner + classifier(for: noun) + noun
    }

    /// The everyday noun for a bare category character: 裙 → 裙子, 裤 → 裤子, 鞋 → 鞋子.
    public static func displayNoun(_ noun: String) -> String {
        switch noun {
        case "裙": return "裙子"
        case "裤": return "裤子"
        case "鞋": return "鞋子"
        case "包": return "包包"
        case "帽": return "帽子"
        case "袜": return "袜子"
        default: return noun
        }
    }

    /// Appends the attributive particle 的 unless the phrase already ends with it.
    public static func withDe(_ phrase: String) -> String {
        phrase.hasSuffix("的") || phrase.isEmpty ? phrase : phrase + "的"
    }
}
