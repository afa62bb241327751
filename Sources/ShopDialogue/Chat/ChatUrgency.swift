import Foundation
import ShopData
import ShopCore

/// The urgency scorer for the chat: the shipped sentiment models with the anger lexicon
/// (ShopDialogue decides), with its note on stderr when the models are missing.
public enum ChatUrgency {
    public static func make() -> UrgencyScoring {
        let (scorer, note) = SentimentUrgency.shipped(folder: ResourcePaths.packageFolder("Models"))
        if let note { FileHandle.standardError.write(Data("chat: \(note)\n".utf8)) }
        return scorer
    }
}
