/// A seller's free-text description cut into sentences that can serve as feature bullets
/// (Merchant `g:description`): split at sentence ends, short scraps and very long run-ons
/// dropped. Nothing is reworded here.
public enum DescriptionSentences {
    public static func split(_ text: String, maxSentences: Int = 5) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in text {
            current.append(ch)
            if "。！？!?\n".contains(ch) || (ch == "." && current.count > 15) {
                let s = current.trimmingCharactersInSet()
                if s.count >= 6, s.count <= 200 { out.append(s) }
                current = ""
            }
        }
        let s = current.trimmingCharactersInSet()
        if s.count >= 6, s.count <= 200 { out.append(s) }
        return Array(out.prefix(maxSentences))
    }
}
