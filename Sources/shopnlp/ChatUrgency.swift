import Foundation
import ShopData
import ShopDialogue
import ShopSentiment

/// Chooses the urgency scorer for the chat: the shipped sentiment models with the anger
/// lexicon, or the lexicon alone (with a note on stderr) when the models are missing.
enum ChatUrgency {
    static func make() -> UrgencyScoring {
        let models = ResourcePaths.packageFolder("Models") as NSString
        let zh = try? SentimentModelFile.read(models.appendingPathComponent("sentiment-zh.model"))
        let en = try? SentimentModelFile.read(models.appendingPathComponent("sentiment-en.model"))
        if zh == nil && en == nil {
            FileHandle.standardError.write(Data("chat: no sentiment model in Models/; urgency uses the anger lexicon only\n".utf8))
            return LexiconUrgency()
        }
        return SentimentUrgency(zh: zh, en: en)
    }
}
