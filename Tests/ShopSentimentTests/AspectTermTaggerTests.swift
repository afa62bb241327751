import XCTest
import ShopCore
import ShopNeural
@testable import ShopSentiment

/// The BIO aspect-term tagger: gold tags from SemEval offsets, term decoding, and learning.
final class AspectTermTaggerTests: XCTestCase {
    func testBIOFromOffsets() {
        let s = ABSASentence(id: "1", text: "The battery life is great but the screen is dim.",
                             terms: [.init(term: "screen", polarity: "negative", from: 34, to: 40),
                                     .init(term: "battery life", polarity: "positive", from: 4, to: 16)], line: 1)
        let (words, tags) = AspectTermTagger.bio(s)
        XCTAssertEqual(words.count, tags.count)
        let marked = zip(words, tags).filter { $0.1 != 0 }.map { "\($0.0)/\(AspectTermTagger.tags[$0.1])" }
        XCTAssertEqual(marked, ["battery/B", "life/I", "screen/B"])
        XCTAssertEqual(AspectTermTagger.terms(words: words, tags: tags), ["battery life", "screen"])
    }

    func testDecodingAndScore() {
        XCTAssertEqual(AspectTermTagger.terms(words: ["a", "b", "c", "d"], tags: [2, 2, 0, 1]), ["a b", "d"])
        var s = TermExtractionScore()
        s.add(predicted: ["Battery  life", "price"], gold: ["battery life", "screen"])
        XCTAssertEqual(s.correct, 1); XCTAssertEqual(s.precision, 0.5); XCTAssertEqual(s.recall, 0.5)
    }

    func testLearnsTermsFromContext() throws {
        var options = AspectPolarityOptions()
        options.embedDim = 16; options.hiddenSize = 12; options.epochs = 10; options.patience = 10
        options.learningRate = 1e-2; options.dropout = 0.1; options.seed = 3
        let (tagger, _) = try AspectTermTagger.train(sentences: AspectPolarityTests.synthetic(count: 300, seed: 1), options: options,
                                                     embeddings: nil, log: { _ in })
        let score = TermExtractionScore.of(tagger: tagger, sentences: AspectPolarityTests.synthetic(count: 60, seed: 2))
        XCTAssertGreaterThan(score.f1, 0.9, "F1 \(score.f1)")
    }

    func testShapesAndCharacterGrams() {
        XCTAssertEqual(AspectTermTagger.shapeID("screen", first: false), 3)
        XCTAssertEqual(AspectTermTagger.shapeID("Windows", first: false), 5)
        XCTAssertEqual(AspectTermTagger.shapeID("Windows", first: true), 11, "a capital at the start of a sentence says less")
        XCTAssertEqual(AspectTermTagger.shapeID("USB", first: false), 7)
        XCTAssertEqual(AspectTermTagger.shapeID("iPhoto", first: false), 9)
        XCTAssertEqual(AspectTermTagger.shapeID("Win7", first: false), 6)
        XCTAssertEqual(AspectTermTagger.shapeID(",", first: false), 1)
        XCTAssertEqual(AspectTermTagger.grams("ab", buckets: 100).count, 3 + 2 + 1, "<a ab b> <ab ab> <ab>")
        XCTAssertEqual(AspectTermTagger.grams(String(repeating: "x", count: 80), buckets: 100).count, 48)
        XCTAssertEqual(AspectTermTagger.grams("sushi", buckets: 1000), AspectTermTagger.grams("sushi", buckets: 1000))
        let t = AspectTermTagger.Tokens("The MacBook's USB port")
        XCTAssertEqual(t.words.count, t.surface.count)
        XCTAssertEqual(t.words.map { $0.lowercased() }, t.words)
        XCTAssertTrue(t.surface.contains("USB"))
    }

    /// The whole tagger loss (words ⊕ character n-grams ⊕ shapes → BiLSTM → CRF): the
    /// gradients that reach each input table, the LSTM and the CRF match central differences.
    func testGradientsThroughEveryInput() {
        var f = AspectTaggerFeatures()
        f.charDim = 3; f.charBuckets = 40; f.shapeDim = 2; f.crf = true
        for crf in [true, false] {
            f.crf = crf
            let tagger = AspectTermTagger(vocabulary: ["the", "screen", "is", "dim"], embedDim: 4, hiddenSize: 3, dropout: 0, seed: 5, features: f)
            let sentences = [AspectTermTagger.Tokens(words: ["the", "screen", "is", "dim"], surface: ["The", "Screen", "is", "DIM"]),
                             AspectTermTagger.Tokens(words: ["zzz", "screen"], surface: ["Zzz", "screen"])]
            let encoded = sentences.map { tagger.encode($0) }
            let tags = [[0, 1, 0, 0], [1, 2]]
            let w = AspectTermTagger.Workspace()
            for p in tagger.parameters { p.zeroGrad() }
            _ = tagger.loss(encoded, tags: tags, rng: nil, backward: true, workspace: w)
            var checked = 0
            var checkedParameters = [tagger.embedding.weight, tagger.chars!.weight, tagger.shape!.weight]
            checkedParameters += tagger.encoder.parameters.prefix(1)
            checkedParameters += tagger.crf?.parameters ?? []
            for p in checkedParameters {
                let analytic = p.grad
                let nonzero = analytic.indices.filter { abs(analytic[$0]) > 1e-4 }
                XCTAssertFalse(nonzero.isEmpty, "\(p.name) got no gradient")
                let zeros = analytic.indices.filter { analytic[$0] == 0 }
                for i in Array(nonzero.prefix(12)) + Array(zeros.prefix(3)) {
                    let original = p.value[i], eps: Float = 1e-2
                    p.value[i] = original + eps
                    let up = tagger.loss(encoded, tags: tags, rng: nil, backward: false, workspace: AspectTermTagger.Workspace())
                    p.value[i] = original - eps
                    let down = tagger.loss(encoded, tags: tags, rng: nil, backward: false, workspace: AspectTermTagger.Workspace())
                    p.value[i] = original
                    let numeric = (up - down) / (2 * Double(eps)), a = Double(analytic[i])
                    XCTAssertLessThanOrEqual(abs(a - numeric), 1e-3 + 2e-2 * max(abs(a), abs(numeric)), "\(p.name)[\(i)] crf \(crf): analytic \(a), numeric \(numeric)")
                    checked += 1
                }
            }
            XCTAssertGreaterThan(checked, 30)
        }
    }

    /// An ensemble decodes the mean of its members' emission scores with the mean CRF: checked
    /// against averaging by hand; a tagger joined with itself tags as it does alone; the file
    /// keeps the members (version 3) and its tags.
    func testEnsembleAveragesEmissionsAndCRF() throws {
        var f = AspectTaggerFeatures()
        f.charDim = 3; f.charBuckets = 40; f.shapeDim = 2; f.crf = true
        let a = AspectTermTagger(vocabulary: ["the", "screen", "is", "dim"], embedDim: 4, hiddenSize: 3, dropout: 0, seed: 5, features: f)
        let b = AspectTermTagger(vocabulary: ["screen", "battery", "the"], embedDim: 4, hiddenSize: 3, dropout: 0, seed: 6, features: f)
        // Strong, different transitions so the averaged CRF matters to the decoding.
        var rng = SeededRandom(seed: 11)
        for t in [a, b] { for p in t.crf!.parameters { p.value = p.value.map { _ in Float(rng.int(below: 400)) / 100 - 2 } } }
        let sentences = [AspectTermTagger.Tokens(words: ["the", "screen", "is", "dim"], surface: ["The", "screen", "is", "dim"]),
                         AspectTermTagger.Tokens(words: ["battery", "screen", "the"], surface: ["Battery", "screen", "the"]),
                         AspectTermTagger.Tokens(words: [], surface: [])]
        let ensemble = try AspectTermTagger.ensemble([a, b])
        XCTAssertEqual(ensemble.members.count, 1)
        // By hand: each tagger's emissions of the (non-empty) batch, averaged, then Viterbi with the mean CRF.
        let real = Array(sentences.prefix(2))
        func emissions(_ t: AspectTermTagger) -> (Matrix, [Int]) {
            var input = Matrix(rows: 0, cols: 0), mask: [Float] = [], lg = Matrix(rows: 0, cols: 0)
            let (_, lengths) = t.logits(real.map { t.encode($0) }, rng: nil, cache: BiLSTM.Cache(), input: &input, mask: &mask, logits: &lg)
            return (lg, lengths)
        }
        var (mean, lengths) = emissions(a)
        let other = emissions(b).0
        for i in mean.data.indices { mean.data[i] = (mean.data[i] + other.data[i]) / 2 }
        let crf = LinearChainCRF(tagCount: 3)
        for (k, p) in crf.parameters.enumerated() {
            p.value = zip(a.crf!.parameters[k].value, b.crf!.parameters[k].value).map { ($0 + $1) / 2 }
        }
        let expected = crf.decode(emissions: mean, batch: 2, lengths: lengths)
        let got = ensemble.tag(sentences)
        XCTAssertEqual(Array(got.prefix(2)), expected)
        XCTAssertEqual(got[2], [])
        XCTAssertNotEqual(a.tag(real), b.tag(real), "the members should disagree somewhere for this test to mean anything")
        XCTAssertEqual(try AspectTermTagger.ensemble([a, a]).tag(real), a.tag(real))

        let path = NSTemporaryDirectory() + "tagger-ens-\(getpid()).model"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ensemble.save(to: path)
        let back = try AspectTermTagger.load(path)
        XCTAssertEqual(back.members.count, 1)
        XCTAssertEqual(back.members[0].vocabulary, b.vocabulary)
        XCTAssertEqual(back.tag(real), ensemble.tag(real))
        let single = NSTemporaryDirectory() + "tagger-one-\(getpid()).model"
        defer { try? FileManager.default.removeItem(atPath: single) }
        try a.save(to: single)
        XCTAssertEqual(try ModelArchive.read(from: single).decodeAppMetadata(AspectTermTagger.Metadata.self).taggerVersion, 2)
        XCTAssertEqual(try ModelArchive.read(from: path).decodeAppMetadata(AspectTermTagger.Metadata.self).taggerVersion, 3)
        var softmax = f
        softmax.crf = false
        let c = AspectTermTagger(vocabulary: ["the"], embedDim: 4, hiddenSize: 3, dropout: 0, seed: 7, features: softmax)
        XCTAssertThrowsError(try AspectTermTagger.ensemble([a, c]))
    }

    /// A member seed changes the network but not the dev carve.
    func testMemberSeedKeepsTheDevCarve() throws {
        var options = AspectPolarityOptions()
        options.embedDim = 8; options.hiddenSize = 6; options.epochs = 1; options.seed = 4
        let sentences = AspectPolarityTests.synthetic(count: 60, seed: 1)
        let (t1, d1) = try AspectTermTagger.train(sentences: sentences, options: options, embeddings: nil, log: { _ in })
        options.memberSeed = 9
        let (t2, d2) = try AspectTermTagger.train(sentences: sentences, options: options, embeddings: nil, log: { _ in })
        XCTAssertEqual(d1.gold, d2.gold)
        XCTAssertEqual(t1.vocabulary, t2.vocabulary)
        XCTAssertNotEqual(t1.encoder.parameters[0].value, t2.encoder.parameters[0].value)
    }

    func testSaveLoadKeepsFeaturesAndTags() throws {
        var options = AspectPolarityOptions()
        options.embedDim = 8; options.hiddenSize = 6; options.epochs = 2; options.seed = 4
        var f = AspectTaggerFeatures()
        f.charDim = 4; f.charBuckets = 64; f.shapeDim = 3
        let (tagger, _) = try AspectTermTagger.train(sentences: AspectPolarityTests.synthetic(count: 40, seed: 1), options: options,
                                                     embeddings: nil, features: f, log: { _ in })
        let path = NSTemporaryDirectory() + "tagger-\(getpid()).model"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try tagger.save(to: path)
        let back = try AspectTermTagger.load(path)
        XCTAssertEqual(back.features, f)
        XCTAssertNotNil(back.crf)
        XCTAssertEqual(back.parameters.map(\.name), tagger.parameters.map(\.name))
        for (a, b) in zip(tagger.parameters, back.parameters) {
            for (x, y) in zip(a.value, b.value) { XCTAssertLessThanOrEqual(abs(x - y), 1e-3 * max(1, abs(x)), a.name) }
        }
        let texts = AspectPolarityTests.synthetic(count: 20, seed: 9).map(\.text)
        XCTAssertEqual(back.tag(texts: texts).map(\.tags).map(\.count), texts.map { AspectTermTagger.Tokens($0).words.count })
    }

    /// The first tagger's configuration (words only, softmax) still trains.
    func testWordsOnlySoftmaxStillLearns() throws {
        var options = AspectPolarityOptions()
        options.embedDim = 16; options.hiddenSize = 12; options.epochs = 10; options.patience = 10
        options.learningRate = 1e-2; options.dropout = 0.1; options.seed = 3
        let (tagger, _) = try AspectTermTagger.train(sentences: AspectPolarityTests.synthetic(count: 300, seed: 1), options: options,
                                                     embeddings: nil, features: .wordsOnly, log: { _ in })
        XCTAssertNil(tagger.crf); XCTAssertNil(tagger.chars)
        let score = TermExtractionScore.of(tagger: tagger, sentences: AspectPolarityTests.synthetic(count: 60, seed: 2))
        XCTAssertGreaterThan(score.f1, 0.9, "F1 \(score.f1)")
    }

    /// With a term tagger, English terms are the tagger's (mapped onto the review's units),
    /// plus lexicon terms it does not overlap; Chinese still uses the lexicon alone.
    func testExtractorUsesTheTermTagger() throws {
        var options = AspectPolarityOptions()
        options.embedDim = 16; options.hiddenSize = 12; options.epochs = 10; options.patience = 10
        options.learningRate = 1e-2; options.dropout = 0.1; options.seed = 3
        let (tagger, _) = try AspectTermTagger.train(sentences: AspectPolarityTests.synthetic(count: 300, seed: 1), options: options,
                                                     embeddings: nil, log: { _ in })
        var extractor = AspectTests.lexicon
        extractor.termTagger = tagger
        let units = TextUnits("the keyboard is great but the staff is awful . Battery life : poor")
        let found = extractor.find(units, language: "en")
        XCTAssertTrue(found.map(\.term).contains("keyboard"), "\(found.map(\.term))")
        XCTAssertTrue(found.map(\.term).contains("staff"), "\(found.map(\.term))")
        XCTAssertTrue(found.contains { $0.term.hasPrefix("battery") }, "tagger or lexicon finds the battery: \(found.map(\.term))")
        var used = Set<Int>()
        for f in found { for u in f.first..<(f.first + f.count) { XCTAssertTrue(used.insert(u).inserted, "overlapping terms \(found.map(\.term))") } }
        for f in found { XCTAssertEqual(AspectExtractor.text(units, f.first..<(f.first + f.count)), f.term) }
        XCTAssertEqual(found.map(\.first), found.map(\.first).sorted())
        XCTAssertEqual(extractor.find(TextUnits("屏幕很好，续航一般"), language: "zh").map(\.term), ["屏幕", "续航"])
        // Past the length bound the lexicon and heuristic answer alone (bounded cost on huge lines).
        let long = TextUnits(String(repeating: "ok . ", count: AspectExtractor.taggerMaxUnits) + "the keyboard is great")
        XCTAssertEqual(extractor.find(long, language: "en").map(\.term), ["keyboard"], "the noun heuristic")
        if let keyboard = found.first(where: { $0.term == "keyboard" }) { XCTAssertEqual(keyboard.aspect, "keyboard", "not in the lexicon: the term") }
    }

    func testUnitSpanOfATerm() {
        let units = TextUnits("The wi-fi card and the Wi-Fi card.")
        XCTAssertEqual(AspectExtractor.span(of: "wi-ficard", in: units, from: 0), 1..<5)
        XCTAssertEqual(AspectExtractor.span(of: "wi-ficard", in: units, from: 2), 7..<11)
        XCTAssertNil(AspectExtractor.span(of: "modem", in: units, from: 0))
        XCTAssertNil(AspectExtractor.span(of: "card", in: units, from: 99))
    }
}
