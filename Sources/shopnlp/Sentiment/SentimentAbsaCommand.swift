import ArgumentParser
import Foundation
import ShopData
import ShopSentiment
import ShopCore

/// `shopnlp sentiment absa …`: the trained aspect-polarity model.
struct SentimentAbsaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "absa",
        abstract: "Aspect-term polarity: train and evaluate the aspect-aware BiLSTM on SemEval-2014 XML.",
        subcommands: [SentimentAbsaTrainCommand.self, SentimentAbsaEvalCommand.self, SentimentAbsaTrainTaggerCommand.self, SentimentAbsaTransferCommand.self, SentimentAbsaEnsembleCommand.self, SentimentAbsaEnsembleTaggerCommand.self]
    )
}
