import Foundation
import ShopCore

/// Shop vocabulary the People's Daily training text never saw (性价比, 包邮, 旗舰店…), kept
/// whole like user words. Read once from `Corpora/segmentation/shop_words.txt`: one word per
/// line, `#` comments. Only words that are rarely part of a different split belong there,
/// since a match is forced.
enum ShopLexicon {
    static let fileName = "shop_words.txt"

    static let words: [String] = {
        guard let path = ResourcePaths.find("Corpora/segmentation/" + fileName),
              let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).compactMap { line in
            let word = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?
                .trimmingCharacters(in: .whitespaces) ?? ""
            return word.isEmpty ? nil : word
        }
    }()
}
