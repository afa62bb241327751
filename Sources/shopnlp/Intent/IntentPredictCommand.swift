import ArgumentParser
import Foundation
import ShopData
import ShopDialogue

/// `shopnlp intent predict`: one JSON object per input line, in order.
struct IntentPredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "predict", abstract: "Predict intents: one utterance per line in (stdin or --input), one JSON object per line out.")

    @Option(help: "Model file (default: Models/intent.model).") var model: String?
    @Option(help: "Input file, one utterance per line (default: stdin).") var input: String?
    @Option(help: "Entities file for entity extraction (default: Intents/entities.xml when present).") var entities: String?
    @Option(help: "Longest utterance kept; longer lines are cut to it with a warning.", range: .messageChars) var maxChars = TextLimit.message.maxChars

    func run() throws {
        let m = try IntentModelLoader.load(model)
        let extractor = try IntentModelLoader.entityExtractor(entities)
        let limit = TextLimit(maxChars: maxChars)
        // Line by line through ShopData's reader: a bad line (invalid UTF-8, a UTF-16 file)
        // is reported with its number and the rest goes on; the exit status says so.
        let reader = try LineReader(input.map { InputSource(argument: $0) } ?? .standardInput)
        let failed = try reader.forEachText(limit: limit, errorPrefix: "error: ", warningPrefix: "warning: ",
                                            invalidUTF8: ("line skipped", {})) { line in
            let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { return }
            let p = m.classify(text)
            let ents = extractor?.extract(text) ?? []
            let obj: [String: Any] = [
                "text": text,
                "intent": p.intent,
                "confidence": (Double(p.confidence) * 10000).rounded() / 10000,
                "alternatives": p.alternatives.map { ["intent": $0.intent, "confidence": (Double($0.probability) * 10000).rounded() / 10000] },
                "entities": ents.map { ["type": $0.type, "value": $0.value, "text": $0.text] },
            ]
            let d = try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: d, as: UTF8.self))
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
