import Foundation

extension TrainingBenchmark {
    /// The report `shopnlp bench train` prints for `r`, a run of this configuration; with
    /// `json`, a last line holding the figures.
    public func report(_ r: Result, json: Bool) -> [String] {
        var lines: [String] = []
        lines.append("shape: vocab \(network.vocabSize), embed \(network.embedDim), hidden \(network.hiddenSize)×2, attention \(network.attentionSize), batch \(batchSize), seq-len \(network.maxLength)")
        lines.append(String(format: "training:  %.0f tokens/s  (%.1f ms/step, forward+backward+%@ Adam, %d steps; CPU %.0f%%)",
                     r.trainTokensPerSecond, r.trainSecondsPerStep * 1000, denseAdam ? "dense" : "lazy sparse", trainSteps,
                     r.trainCPUUtilisation * 100))
        lines.append(String(format: "inference, cold (gate table emptied before each of %d fresh batches): %.0f sequences/s",
                     inferenceBatches, r.coldInferenceSequencesPerSecond))
        lines.append(String(format: "inference: %.0f sequences/s  (batch %d, %d batches; CPU %.0f%%); "
                     + "first (untimed) batch %.1f ms, incl. its per-token gate rows",
                     r.inferenceSequencesPerSecond, inferenceBatchSize, inferenceBatches, r.inferenceCPUUtilisation * 100,
                     r.inferenceFirstBatchSeconds * 1000))
        lines.append("threads: \(BLAS.threads) (OpenBLAS single-threaded, ShopNeural splits the work)")
        lines.append(String(format: "per main-thread CPU second (≈ wall figures on idle cores; fairer on a loaded machine): "
                     + "training %.0f tokens/s, inference %.0f sequences/s",
                     r.trainTokensPerMainThreadCPUSecond, r.inferenceSequencesPerMainThreadCPUSecond))
        if json {
            let fields: [(String, String)] = [
                ("train_tokens_per_s", String(format: "%.1f", r.trainTokensPerSecond)),
                ("infer_seqs_per_s", String(format: "%.1f", r.inferenceSequencesPerSecond)),
                ("train_ms_per_step", String(format: "%.2f", r.trainSecondsPerStep * 1000)),
                ("vocab", "\(network.vocabSize)"), ("embed", "\(network.embedDim)"), ("hidden", "\(network.hiddenSize)"), ("attention", "\(network.attentionSize)"),
                ("batch", "\(batchSize)"), ("seq_len", "\(network.maxLength)"), ("infer_batch", "\(inferenceBatchSize)"),
                ("threads", "\(BLAS.threads)"),
                ("train_cpu_util", String(format: "%.2f", r.trainCPUUtilisation)),
                ("infer_cpu_util", String(format: "%.2f", r.inferenceCPUUtilisation)),
                ("train_tokens_per_main_cpu_s", String(format: "%.1f", r.trainTokensPerMainThreadCPUSecond)),
                ("infer_seqs_per_main_cpu_s", String(format: "%.1f", r.inferenceSequencesPerMainThreadCPUSecond)),
                ("infer_first_batch_ms", String(format: "%.1f", r.inferenceFirstBatchSeconds * 1000)),
                ("infer_cold_seqs_per_s", String(format: "%.1f", r.coldInferenceSequencesPerSecond)),
                ("dense_adam", denseAdam ? "true" : "false"),
            ]
            lines.append("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
        }
        return lines
    }
}
