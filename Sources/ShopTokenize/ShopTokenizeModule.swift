/// Tokenisation of Chinese and English shop text on ICU.
public enum ShopTokenizeModule {
    public static let name = "ShopTokenize"
}
