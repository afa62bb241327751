/// Template-based product descriptions ranked by a language model.
public enum ShopCopywritingModule {
    public static let name = "ShopCopywriting"
}
