/// The customer-service assistant: intent files, entities, the intent model with
/// out-of-scope detection, dialogue state, transcripts and conversation tests.
public enum ShopDialogueModule {
    public static let name = "ShopDialogue"
}
