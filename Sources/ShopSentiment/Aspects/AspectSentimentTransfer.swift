import ShopCore
import Foundation
import ShopNeural

/// A review-level sentiment model carried inside an aspect-polarity model file, and the
/// dev-chosen `AspectPolarityMix` that adds its opinion of the aspect's clause and sentence
/// to the network's probabilities. The sentiment model's own file bytes are kept so the
/// aspect file stays self-contained (it does not depend on which Models/sentiment-en.model
/// happens to be installed).
public final class AspectSentimentTransfer: Sendable {
    public let sentiment: SentimentModel
    /// The sentiment model file as read (written back unchanged when the aspect model is saved).
    public let fileBytes: [UInt8]
    public let mix: AspectPolarityMix
    private let positive: Int

    public convenience init(sentiment: SentimentModel, fileBytes: [UInt8], mix: AspectPolarityMix) throws {
        guard let pos = sentiment.labels.firstIndex(of: "positive") else {
            throw SentimentError.usage("the transfer sentiment model has no \"positive\" label (labels \(sentiment.labels))")
        }
        self.init(sentiment: sentiment, fileBytes: fileBytes, mix: mix, positive: pos)
    }

    private init(sentiment: SentimentModel, fileBytes: [UInt8], mix: AspectPolarityMix, positive: Int) {
        self.sentiment = sentiment; self.fileBytes = fileBytes; self.mix = mix; self.positive = positive
    }

    /// Reads a sentiment model file to transfer from, or takes the one stored inside an
    /// aspect-polarity model file (e.g. the shipped Models/absa-en.model).
    public static func read(_ path: String, mix: AspectPolarityMix) throws -> AspectSentimentTransfer {
        let data = try Data(contentsOf: URL(fileURLWithPath: SentimentModelFile.resolve(path)))
        var bytes = [UInt8](data)
        if bytes.starts(with: ModelArchive.magic) {
            let archive = try ModelArchive.decode(data, file: path)
            if archive.kind == AspectPolarityModel.kind {
                do { bytes = try archive.bytes(named: AspectPolarityModel.transferTensor) } catch {
                    throw SentimentError.modelFile(path: path, reason: "is an aspect model without a transfer sentiment model to take")
                }
            }
        }
        return try AspectSentimentTransfer(sentiment: try SentimentModelFile.decode(Data(bytes), path: path), fileBytes: bytes, mix: mix)
    }

    /// The same sentiment model with another mix.
    public func with(mix: AspectPolarityMix) -> AspectSentimentTransfer {
        AspectSentimentTransfer(sentiment: sentiment, fileBytes: fileBytes, mix: mix, positive: positive)
    }

    /// The text the window evidence is read from: the term's clause (`ClauseSplitter`: cut at
    /// punctuation and contrast words, so "great, but the screen scratches" gives the screen
    /// only "but the screen scratches"), cut to `window` units each side of the term.
    public static func windowText(left: String, term: String, right: String, window: Int) -> String {
        let units = TextUnits(left + term + right)
        guard units.count > 0 else { return "" }
        let first = min(TextUnits(left).count, units.count - 1)
        let count = max(1, min(TextUnits(term).count, units.count - first))
        let clauses = ClauseSplitter.clauses(units)
        let lo = clauses.first { $0.contains(first) }?.lowerBound ?? first
        let hi = clauses.first { $0.contains(first + count - 1) }?.upperBound ?? (first + count)
        let range = max(lo, first - window)..<min(hi, first + count + window)
        return AspectExtractor.text(units, range)
    }

    /// Evidence (log-odds of positive) for each term, for each of `windows`.
    public func evidence(_ contexts: [AspectPolarityContext], windows: [Int]) -> [[AspectPolarityMix.Evidence]] {
        let sentences = sentenceEvidence(contexts)
        return windows.map { w in
            zip(windowEvidence(contexts, window: w), sentences).map { AspectPolarityMix.Evidence(window: $0, sentence: $1) }
        }
    }

    /// Log-odds of positive for each term's whole sentence.
    func sentenceEvidence(_ contexts: [AspectPolarityContext]) -> [Float] {
        sentiment.predict(batch: contexts.map { TextUnits($0.left + $0.term + $0.right) })
            .map { AspectPolarityMix.logOdds($0.probabilities[positive]) }
    }

    /// Log-odds of positive for each term's clause window.
    func windowEvidence(_ contexts: [AspectPolarityContext], window: Int) -> [Float] {
        let texts = contexts.map { TextUnits(Self.windowText(left: $0.left, term: $0.term, right: $0.right, window: window)) }
        return sentiment.predict(batch: texts).map { AspectPolarityMix.logOdds($0.probabilities[positive]) }
    }

    /// The network's probabilities mixed with the sentiment model's evidence. Tagging runs this
    /// for every aspect, so only the evidence the mix weighs is computed (the shipped mix has
    /// no sentence weight: one sentiment prediction per term instead of two).
    public func apply(_ probabilities: [[Float]], contexts: [AspectPolarityContext]) -> [[Float]] {
        let zeros = [Float](repeating: 0, count: contexts.count)
        let window = mix.windowWeight != 0 || mix.neutralPenalty != 0 ? windowEvidence(contexts, window: mix.window) : zeros
        let sentence = mix.sentenceWeight != 0 ? sentenceEvidence(contexts) : zeros
        return probabilities.indices.map { mix.apply(probabilities[$0], AspectPolarityMix.Evidence(window: window[$0], sentence: sentence[$0])) }
    }
}

/// One aspect term in its sentence: the text before it, the term, the text after it.
public struct AspectPolarityContext: Sendable, Equatable {
    public var left: String
    public var term: String
    public var right: String
    public init(left: String, term: String, right: String) { self.left = left; self.term = term; self.right = right }

    /// The term at character offsets `from..<to` of `text` (SemEval's attributes).
    public init(text: String, from: Int, to: Int) {
        let chars = Array(text)
        let a = min(max(0, from), chars.count), b = min(max(a, to), chars.count)
        self.init(left: String(chars[0..<a]), term: String(chars[a..<b]), right: String(chars[b...]))
    }
}
