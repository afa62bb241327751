import Foundation
import ShopCore
import ShopData
import ShopNeural

/// Does starting a classifier from our vectors help? Trains ShopNeural's `TextClassifier`
/// (embedding → BiLSTM → attention → softmax) twice per dataset and seed — embedding layer
/// random vs initialised from the vectors — with everything else identical (vocabulary,
/// seed, schedule, dev-selected epoch), and reports test accuracy. Datasets:
/// chnsenticorp_htl_all (full train) and a seeded fraction of online_shopping_10_cats train
/// (the setting where unlabelled text should pay most).
public struct EmbedInitBenchmark {
    /// Vectors file (nil: Models/embeddings-zh.model).
    public var vectors: String?
    /// "chnsenticorp" and/or "online_shopping".
    public var datasets = ["chnsenticorp", "online_shopping"]
    /// Fraction of online_shopping_10_cats train used.
    public var fraction = 0.1
    public var seeds: [UInt64] = [1]
    /// Epochs (best dev epoch is kept).
    public var epochs = 4
    /// LSTM hidden units per direction.
    public var hidden = 64
    /// Longest sequence kept, in tokens.
    public var maxLength = 128
    /// Freeze the pretrained embeddings instead of fine-tuning them.
    public var freeze = false
    /// Shared corpora folder.
    public var corpora: String?
    /// Progress bars.
    public var progress = false
    /// Where the report lines go.
    public var emit: (String) -> Void = { print($0) }

    public init() {}

    /// Trains both arms per dataset and seed and writes the table through `emit`.
    public func run() throws {
        let path = vectors ?? (ResourcePaths.packageFolder("Models") as NSString).appendingPathComponent("embeddings-zh.model")
        let wv = try WordVectors.load(path)
        let seedList = seeds
        emit("vectors: \(path) (\(wv.words.count) words × \(wv.dimension), \(wv.subwordBuckets.count) subword rows)")
        emit("model: TextClassifier embed \(wv.dimension), BiLSTM \(hidden)×2, attention 64; \(epochs) epochs, best dev macro-F1 epoch kept; embeddings \(freeze ? "frozen" : "fine-tuned")")
        let tokenizer = try CorpusLoader.makeTokenizer()
        for name in datasets {
            let dir = name == "chnsenticorp" ? "chnsenticorp_htl_all" : "online_shopping_10_cats"
            func read(_ split: String) throws -> [(Int, [String])] {
                var out: [(Int, [String])] = []
                let file = ResourcePaths.corpus("\(dir)/\(split).tsv", root: corpora)
                var lineNo = 0
                try TrainingText.forEachLine(in: file, format: .text) { line in
                    lineNo += 1
                    let parts = line.split(separator: "\t", maxSplits: 1)
                    guard parts.count == 2, let label = Int(parts[0]), label == 0 || label == 1 else {
                        throw EmbeddingError.badLine(path: file, line: lineNo, reason: "expected 0|1<TAB>text")
                    }
                    out.append((label, tokenizer.words(String(parts[1]))))
                }
                return out
            }
            var train = try read("train")
            if name == "online_shopping" {
                var rng = SplitMix64(seed: 20_240_607)
                train.shuffle(using: &rng)
                train = Array(train.prefix(Int((Double(train.count) * fraction).rounded())))
            }
            let dev = try read("dev"), test = try read("test")
            // One vocabulary for both arms: every word of the labelled train subset.
            var vocab = ["<pad>", "<unk>"]
            var index: [String: Int32] = [:]
            for (_, words) in train { for w in words where index[w] == nil { index[w] = Int32(vocab.count); vocab.append(w) } }
            func encode(_ set: [(Int, [String])]) -> [LabeledSequence] {
                set.map { LabeledSequence(tokens: $0.1.map { index[$0] ?? 1 }, label: $0.0) }
            }
            let (trainSet, devSet, testSet) = (encode(train), encode(dev), encode(test))
            let covered = wv.table(for: vocab).found.filter { $0 }.count
            emit("\n\(dir): train \(trainSet.count)\(name == "online_shopping" ? " (\(Int(fraction * 100))% of train, seeded)" : ""), dev \(devSet.count), test \(testSet.count); vocabulary \(vocab.count), \(covered) rows found in the vectors")
            emit("seed  random-init test acc  pretrained-init test acc  (best dev epoch)")
            var sums = (0.0, 0.0)
            for seed in seedList {
                var acc: [Double] = []
                var bestEpochs: [Int] = []
                for pretrained in [false, true] {
                    var config = TextClassifierConfig(vocabSize: vocab.count, numClasses: 2, embedDim: wv.dimension,
                                                      hiddenSize: hidden, attentionSize: 64, dropout: 0.2,
                                                      freezeEmbeddings: pretrained && freeze, maxLength: maxLength, seed: seed)
                    config.unknownIndex = 1
                    let model = TextClassifier(config: config)
                    if pretrained { EmbedInitBenchmark.initialise(model.embedding, from: wv, vocabulary: vocab) }
                    let trainer = Trainer(model: model, options: TrainingOptions(epochs: epochs, batchSize: 32, seed: seed,
                                                                                 showProgress: progress))
                    let report = trainer.train(trainSet, dev: devSet)
                    acc.append(trainer.evaluate(testSet).accuracy)
                    bestEpochs.append(report.bestEpoch)
                }
                sums.0 += acc[0]; sums.1 += acc[1]
                emit(String(format: "%4d  %.4f (epoch %d)          %.4f (epoch %d)", seed, acc[0], bestEpochs[0], acc[1], bestEpochs[1]))
            }
            let n = Double(seedList.count)
            emit(String(format: "mean  %.4f                   %.4f   (Δ %+.4f)", sums.0 / n, sums.1 / n, (sums.1 - sums.0) / n))
        }
    }

    /// Copies the vectors of known words into the layer, rescaled to the mean row norm of
    /// the layer's own random initialisation, so only directions differ between the arms;
    /// rows the vectors lack keep their random values.
    public static func initialise(_ embedding: Embedding, from wv: WordVectors, vocabulary: [String]) {
        let dim = embedding.dim
        var normSum: Float = 0
        for i in 1..<vocabulary.count {
            var s: Float = 0
            for d in 0..<dim { let v = embedding.weight.value[i * dim + d]; s += v * v }
            normSum += s.squareRoot()
        }
        let target = normSum / Float(max(1, vocabulary.count - 1))
        var words = vocabulary
        words[0] = ""; words[1] = ""
        let table = wv.table(for: words, targetNorm: target)
        for i in 2..<vocabulary.count where table.found[i] {
            embedding.setVector(Array(table.values[(i * dim)..<((i + 1) * dim)]), for: i)
        }
    }
}
