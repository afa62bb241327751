import ShopDialogue

/// Chooses the urgency scorer for the chat: the anger lexicon of ShopDialogue.
enum ChatUrgency {
    static func make() -> UrgencyScoring { LexiconUrgency() }
}
