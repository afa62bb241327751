import ArgumentParser
import Foundation
import ShopData
import ShopDialogue

/// `shopnlp intent predict`: one JSON object per input line, in order.
struct IntentPredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predict intents: one utterance per line in (stdin or --input), one JSON object per line out."
    )

    @Option(help: "Model file (default: Models/intent.model).")
    var model: String?

    @Option(help: "Input file, one utterance per line (default: stdin).")
    var input: String?

    @Option(help: "Entities file for entity extraction (default: Intents/entities.xml when present).")
    var entities: String?

    @Option(help: "Longest utterance kept; longer lines are cut to it with a warning.", range: .messageChars)
    var maxChars = TextLimit.message.maxChars

    func run() throws {
        let m = try IntentModelLoader.load(model)
        let extractor = try IntentModelLoader.entityExtractor(entities)
        let limit = TextLimit(maxChars: maxChars)
        // Line by line through ShopData's reader: a bad line (invalid UTF-8, a UTF-16 file)
        // is reported with its number and the rest goes on; the exit status says so.
        let reader = try LineReader(input.map { InputSource(argument: $0) } ?? .standardInput)
        var failed = 0
        while true {
            let raw: RawLine
            do {
                guard let next = try reader.nextLine() else { break }
                raw = next
            } catch let e as DataError {
                failed += 1
                FileHandle.standardError.write(Data("error: \(e)\n".utf8))
                continue
            }
            guard let line = String(validating: raw.bytes, as: UTF8.self) else {
                failed += 1
                FileHandle.standardError.write(Data("error: \(reader.name):\(raw.number): invalid UTF-8; line skipped\n".utf8))
                continue
            }
            // Cut before anything else walks the text (trimming a 20 MB line alone takes a second).
            let capped = limit.apply(line)
            if let n = capped.originalChars {
                FileHandle.standardError.write(Data("warning: \(limit.warning(file: reader.name, line: raw.number, originalChars: n))\n".utf8))
            }
            let text = capped.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
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
