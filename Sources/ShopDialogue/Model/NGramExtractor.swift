/// Turns a message into the string features of the wide path, fastText/TF-IDF style:
/// word unigrams and bigrams, character n-grams inside each Latin word (with `<` `>`
/// boundary marks, which make typos and inflections share features), and character
/// bigrams/trigrams over runs of CJK characters (Chinese words without a segmenter).
public struct NGramExtractor: Sendable, Equatable, Codable {
    public var wordBigrams = true
    public var charMin = 2
    public var charMax = 5
    public var cjkMax = 3

    public init() {}

    /// The longest character n-gram a model file may ask for (the trainer's defaults are 2…5).
    public static let longestGram = 16

    /// Features of one message, each with the index of the token it belongs to
    /// (the first token for n-grams spanning several), so weights can be mapped back to words.
    public func features(_ text: String) -> (features: [String], tokenOf: [Int], tokens: [String]) {
        let toks = IntentTokenizer.tokens(text)
        var feats: [String] = []
        var owner: [Int] = []
        feats.reserveCapacity(toks.count * 8)
        for (i, t) in toks.enumerated() {
            feats.append("w:" + t.text); owner.append(i)
            if !t.isCJK, !t.text.hasPrefix("<"), t.text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
                // ASCII word (most Latin words): one byte per character, so the n-grams can be
                // cut from the bytes without grapheme breaking — the same strings, in the same order
                let bytes = Array(("<" + t.text + ">").utf8)
                if bytes.count > 3, charMin >= 1, charMin <= charMax {
                    var buffer: [UInt8] = [0x63, 0x3A]  // "c:"
                    for n in charMin...charMax where n < bytes.count {
                        for s in 0...(bytes.count - n) {
                            buffer.removeSubrange(2...)
                            buffer.append(contentsOf: bytes[s..<(s + n)])
                            feats.append(String(decoding: buffer, as: UTF8.self)); owner.append(i)
                        }
                    }
                }
            } else if !t.isCJK, !t.text.hasPrefix("<") {
                let chars = Array("<" + t.text + ">")
                // charMax below charMin (`--char-max 0`) switches character n-grams off.
                if chars.count > 3, charMin >= 1, charMin <= charMax {
                    for n in charMin...charMax where n < chars.count {
                        for s in 0...(chars.count - n) {
                            feats.append("c:" + String(chars[s..<(s + n)])); owner.append(i)
                        }
                    }
                }
            }
        }
        if wordBigrams, toks.count > 1 {
            for i in 0..<(toks.count - 1) {
                feats.append("b:" + toks[i].text + " " + toks[i + 1].text); owner.append(i)
            }
        }
        if cjkMax >= 3, toks.count > 2 {
            for i in 0..<(toks.count - 2) where toks[i].isCJK && toks[i + 1].isCJK && toks[i + 2].isCJK {
                feats.append("t:" + toks[i].text + toks[i + 1].text + toks[i + 2].text); owner.append(i)
            }
        }
        if feats.isEmpty { feats.append("<empty>"); owner.append(0) }
        return (feats, owner, toks.map(\.text))
    }
}
