import ArgumentParser
import Foundation
import ShopNeural

/// `shopnlp bench train`: speed of the neural core (BiLSTM + attention classifier) on
/// synthetic batches — training tokens/s and inference sequences/s. The PyTorch peer
/// is `Benchmarks/pytorch_peer.py`, which runs this command in the same run.
struct BenchTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Neural core speed: training tokens/s (forward+backward+Adam) and inference sequences/s.")

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
    @Flag(help: "Dense Adam (every embedding row every step, like PyTorch's Adam) instead of lazy sparse updates.")
    var denseAdam = false
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
        b.vocabSize = vocab; b.embedDim = embed; b.hiddenSize = hidden; b.attentionSize = attention
        b.batchSize = batch; b.sequenceLength = seqLen; b.dropout = dropout; b.trainSteps = steps
        b.inferenceBatchSize = inferBatch; b.inferenceBatches = inferBatches
        b.denseAdam = denseAdam
        let r = b.run()
        print("shape: vocab \(vocab), embed \(embed), hidden \(hidden)×2, attention \(attention), batch \(batch), seq-len \(seqLen)")
        print(String(format: "training:  %.0f tokens/s  (%.1f ms/step, forward+backward+%@ Adam, %d steps; CPU %.0f%%)",
                     r.trainTokensPerSecond, r.trainSecondsPerStep * 1000, denseAdam ? "dense" : "lazy sparse", steps,
                     r.trainCPUUtilisation * 100))
        print(String(format: "inference, cold (gate table emptied before each of %d fresh batches): %.0f sequences/s",
                     inferBatches, r.coldInferenceSequencesPerSecond))
        print(String(format: "inference: %.0f sequences/s  (batch %d, %d batches; CPU %.0f%%); "
                     + "first (untimed) batch %.1f ms, incl. its per-token gate rows",
                     r.inferenceSequencesPerSecond, inferBatch, inferBatches, r.inferenceCPUUtilisation * 100,
                     r.inferenceFirstBatchSeconds * 1000))
        print("threads: \(BLAS.threads) (OpenBLAS single-threaded, ShopNeural splits the work)")
        print(String(format: "per main-thread CPU second (≈ wall figures on idle cores; fairer on a loaded machine): "
                     + "training %.0f tokens/s, inference %.0f sequences/s",
                     r.trainTokensPerMainThreadCPUSecond, r.inferenceSequencesPerMainThreadCPUSecond))
        if json {
            let fields: [(String, String)] = [
                ("train_tokens_per_s", String(format: "%.1f", r.trainTokensPerSecond)),
                ("infer_seqs_per_s", String(format: "%.1f", r.inferenceSequencesPerSecond)),
                ("train_ms_per_step", String(format: "%.2f", r.trainSecondsPerStep * 1000)),
                ("vocab", "\(vocab)"), ("embed", "\(embed)"), ("hidden", "\(hidden)"), ("attention", "\(attention)"),
                ("batch", "\(batch)"), ("seq_len", "\(seqLen)"), ("infer_batch", "\(inferBatch)"),
                ("threads", "\(BLAS.threads)"),
                ("train_cpu_util", String(format: "%.2f", r.trainCPUUtilisation)),
                ("infer_cpu_util", String(format: "%.2f", r.inferenceCPUUtilisation)),
                ("train_tokens_per_main_cpu_s", String(format: "%.1f", r.trainTokensPerMainThreadCPUSecond)),
                ("infer_seqs_per_main_cpu_s", String(format: "%.1f", r.inferenceSequencesPerMainThreadCPUSecond)),
                ("infer_first_batch_ms", String(format: "%.1f", r.inferenceFirstBatchSeconds * 1000)),
                ("infer_cold_seqs_per_s", String(format: "%.1f", r.coldInferenceSequencesPerSecond)),
                ("dense_adam", denseAdam ? "true" : "false"),
            ]
            print("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
        }
    }
}
