import Foundation
import ShopData
import ShopCore

/// The recipe behind `shopnlp describe --train-lm DIR`: trains the zh and en ranking LMs on the train part
/// of our deterministic 80/20 splits (AdvertiseGen copy; catalogue feature bullets) and
/// writes `copy-lm-zh.snm`, `copy-lm-en.snm` and `copy-lm.manifest.json` into DIR.
public enum CopyLMRecipe {
    /// α of the self-normalisation term the LMs train with (`LanguageModelConfig.selfNormalisation`):
    /// with it, ranking skips the vocabulary-wide normaliser (`PrefixStateCache`).
    public static let defaultSelfNormalisation: Float = 0.3

    public static func run(output: String, corpora: String?, epochs: Int, seed: UInt64,
                           selfNormalisation: Float = defaultSelfNormalisation) throws {
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        var manifest: [[String: Any]] = []

        // zh: AdvertiseGen summaries. 80% train (of which the last tenth is the LM's dev set
        // for early stopping); the other 20% is held out for `bench describe` only.
        let adgenPath = ResourcePaths.corpus(CopyCorpora.advertiseGen, root: corpora)
        let (examples, adgenErrors) = try CopyCorpora.advertiseGenExamples(path: adgenPath)
        for e in adgenErrors { FileHandle.standardError.write(Data("warning: \(e)\n".utf8)) }
        let split = DeterministicSplit(count: examples.count + adgenErrors.count)
        // AdvertiseGen repeats summaries with small edits, so a held-out summary can have a
        // twin in the train part: the LM sees no text whose normalised key (TextKey) is
        // that of a held-out summary or of any shared dev/test text.
        var banned = TextKeySet(texts: examples.filter { split.isHeldOut($0.index) }.map(\.reference))
        banned.formUnion(try EvaluationSplits.keys(root: corpora).keys)
        let zhCandidates = examples.filter { !split.isHeldOut($0.index) }.map(\.reference)
        let zhTrainAll = zhCandidates.filter { !banned.contains(text: $0) }
        let zhDropped = zhCandidates.count - zhTrainAll.count
        let zhDevCount = max(1, zhTrainAll.count / 10)
        let zhTrain = Array(zhTrainAll.dropLast(zhDevCount)), zhDev = Array(zhTrainAll.suffix(zhDevCount))
        manifest.append(try train(language: .zh, texts: zhTrain, dev: zhDev, output: output, epochs: epochs, seed: seed, alpha: selfNormalisation,
                                  source: "AdvertiseGen dev.json, train part of the seeded 80/20 split (\(zhTrainAll.count) of \(examples.count) summaries after dropping \(zhDropped) with a normalised twin in the held-out part or a shared dev/test split; last \(zhDevCount) for early stopping)"))

        // en: catalogue feature bullets, same kind of split by product.
        let catPath = ResourcePaths.corpus(CopyCorpora.catalogue, root: corpora)
        let (products, catErrors) = try CopyCorpora.catalogueProducts(path: catPath)
        for e in catErrors { FileHandle.standardError.write(Data("warning: \(e)\n".utf8)) }
        let catSplit = DeterministicSplit(count: products.count)
        let trainProducts = products.enumerated().filter { !catSplit.isHeldOut($0.offset) }.map(\.element)
        let devProducts = max(1, trainProducts.count / 10)
        let heldOutSentences = TextKeySet(texts: products.enumerated().filter { catSplit.isHeldOut($0.offset) }
            .flatMap { CopyCorpora.catalogueSentences($0.element) })
        let enCandidates = trainProducts.dropLast(devProducts).flatMap(CopyCorpora.catalogueSentences)
        let enTrain = enCandidates.filter { !heldOutSentences.contains(text: $0) }
        let enDev = trainProducts.suffix(devProducts).flatMap(CopyCorpora.catalogueSentences)
        manifest.append(try train(language: .en, texts: Array(enTrain), dev: Array(enDev), output: output, epochs: epochs, seed: seed, alpha: selfNormalisation,
                                  source: "amazon_products_promptcloud_sample About Product bullets, train part of the seeded 80/20 split by product (\(trainProducts.count) of \(products.count) products; last \(devProducts) for early stopping; \(enCandidates.count - enTrain.count) bullets with a normalised twin among held-out products' dropped)"))

        let doc: [String: Any] = ["kind": "copy ranking language models (ShopNeural LSTMLanguageModel, float16)",
                                  "split_seed": DeterministicSplit.defaultSeed, "held_out_share": 0.2,
                                  "trained_with": "shopnlp describe --train-lm \(output) --epochs \(epochs) --seed \(seed) --self-normalisation \(selfNormalisation)",
                                  "models": manifest]
        let data = try JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys])
        try AtomicFile.write(data + Data("\n".utf8), to: (output as NSString).appendingPathComponent("copy-lm.manifest.json"))
    }

    /// Trains one language's LM on `texts` (early stopping on `dev`), saves it into `output`
    /// and returns its manifest entry.
    static func train(language: Language, texts: [String], dev: [String], output: String, epochs: Int, seed: UInt64,
                      alpha: Float, source: String) throws -> [String: Any] {
        FileHandle.standardError.write(Data("training the \(language.rawValue) copy LM on \(texts.count) texts (\(dev.count) dev)\n".utf8))
        // Few texts: small batches so that there are enough updates (zh: ~770 texts).
        let trainer = CopyLMTrainer(maxVocabulary: language == .zh ? 2500 : 4000, minCount: 2, epochs: epochs,
                                    batchSize: language == .zh ? 8 : 16, learningRate: 4e-3, seed: seed,
                                    selfNormalisation: alpha)
        let started = Date()
        var log: [[String: Any]] = []
        let (lm, report) = trainer.train(texts: texts, dev: dev, language: language, source: source) { r in
            log.append(["epoch": r.epoch, "train_loss": Double(r.trainLoss), "dev_perplexity": r.devPerplexity.map { Double($0) } ?? NSNull(),
                        "tokens_per_second": r.tokensPerSecond.rounded()])
        }
        let path = (output as NSString).appendingPathComponent("copy-lm-\(language.rawValue).snm")
        try lm.save(to: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        // How far from normalised the model is on its dev texts: ranking reads logits as
        // log-probabilities when α > 0, so this is the error of that reading.
        let z = lm.model.tokenScores(of: dev.map(lm.encode).filter { $0.count > 2 }).logNormalisers.flatMap { $0 }
        let zMean = z.isEmpty ? 0 : z.reduce(0.0) { $0 + Double($1) } / Double(z.count)
        let zSD = z.isEmpty ? 0 : (z.reduce(0.0) { $0 + (Double($1) - zMean) * (Double($1) - zMean) } / Double(z.count)).squareRoot()
        return ["file": (path as NSString).lastPathComponent, "language": language.rawValue, "source": source,
                "training_texts": texts.count, "dev_texts": dev.count, "vocabulary": lm.metadata.vocabulary.count,
                "embed_dim": lm.model.config.embedDim, "self_normalisation": Double(alpha),
                "dev_log_normaliser": ["mean": zMean, "sd": zSD, "tokens": z.count], "hidden_size": lm.model.config.hiddenSize,
                "best_epoch": report.bestEpoch, "dev_perplexity": report.bestDevPerplexity.map { Double($0) } ?? NSNull(),
                "epochs": log, "bytes": size, "training_seconds": Date().timeIntervalSince(started).rounded()]
    }
}
