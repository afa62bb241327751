import ArgumentParser
import ShopNeural

/// `shopnlp bench train`: speed of the neural core (BiLSTM + attention classifier) on
/// synthetic batches — training tokens/s and inference sequences/s. The PyTorch peer
/// is `Benchmarks/pytorch_peer.py`, which runs this command in the same run.
struct BenchTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "train", abstract: "Neural core speed: training tokens/s (forward+backward+Adam) and inference sequences/s.")

    @Option(help: "Vocabulary size.", range: .tableSize) var vocab = 20_000
    @Option(help: "Embedding size.", range: .width) var embed = 128
    @Option(help: "LSTM hidden units per direction.", range: .width) var hidden = 128
    @Option(help: "Attention size.", range: .width) var attention = 64
    @Option(help: "Training batch size.", range: .batch) var batch = 64
    @Option(name: .customLong("seq-len"), help: "Tokens per sequence.", range: .length) var seqLen = 64
    @Option(help: "Dropout rate during training.", range: .dropout) var dropout: Float = 0.2
    @Option(help: "Timed training steps (after 2 warm-up steps).", range: .epochs) var steps = 20
    @Option(name: .customLong("infer-batch"), help: "Inference batch size.", range: .batch) var inferBatch = 256
    @Option(name: .customLong("infer-batches"), help: "Timed inference batches.", range: .epochs) var inferBatches = 8
    @Flag(help: "Dense Adam (every embedding row every step, like PyTorch's Adam) instead of lazy sparse updates.") var denseAdam = false
    @Flag(help: "End with one JSON line holding the figures.") var json = false

    func validate() throws {
        for (name, v) in [("vocab", vocab), ("embed", embed), ("hidden", hidden), ("attention", attention),
                          ("batch", batch), ("seq-len", seqLen), ("steps", steps), ("infer-batch", inferBatch),
                          ("infer-batches", inferBatches)] where v < 1 {
            throw ValidationError("--\(name) must be at least 1")
        }
        if vocab < 3 { throw ValidationError("--vocab must be at least 3") }
        if !(0..<1).contains(dropout) { throw ValidationError("--dropout must be in [0, 1)") }
    }

    func run() throws {
        var b = TrainingBenchmark()
        b.network.vocabSize = vocab; b.network.embedDim = embed; b.network.hiddenSize = hidden; b.network.attentionSize = attention
        b.batchSize = batch; b.network.maxLength = seqLen; b.network.dropout = dropout; b.trainSteps = steps
        b.inferenceBatchSize = inferBatch; b.inferenceBatches = inferBatches
        b.denseAdam = denseAdam
        for line in b.report(b.run(), json: json) { print(line) }
    }
}
