/// Word embeddings (skip-gram with subwords) trained on our corpora.
///
/// Train with `SkipGramTrainer`, look vectors up through `WordVectors`, store them with
/// `VectorsFile` (our checksummed binary format) or `Word2VecText` (interop).
public enum ShopEmbeddingsModule {
    public static let name = "ShopEmbeddings"
}
