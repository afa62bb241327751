/// Word embeddings (skip-gram with subwords) trained on our corpora.
public enum ShopEmbeddingsModule {
    public static let name = "ShopEmbeddings"
}
