/// Review sentiment: training, evaluation and batch tagging.
public enum ShopSentimentModule {
    public static let name = "ShopSentiment"
}
