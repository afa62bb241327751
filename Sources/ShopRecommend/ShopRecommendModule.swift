/// The shared recommender, with review sentiment as a feature.
public enum ShopRecommendModule {
    public static let name = "ShopRecommend"
}
