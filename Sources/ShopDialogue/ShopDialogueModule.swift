/// The customer-service assistant: intents, slots, dialogue state, conversation tests.
public enum ShopDialogueModule {
    public static let name = "ShopDialogue"
}
