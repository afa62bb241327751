import ArgumentParser
import Foundation
import ShopCopywriting
import ShopData
import ShopCore

/// `shopnlp describe`: product blurbs from templates, ranked; or `--check` to lint copy.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Write product blurbs from attributes (templates ranked by our LM), or lint copy for banned terms.",
        discussion: """
        Generation: one JSON line per product with the blurbs, the facts each mentions, and scores.
        Nothing is stated that the record (or, with --reviews, enough positive reviews) does not say;
        terms in Corpora/compliance/ are never written. Malformed records are reported on standard
        error (file:line: reason) and the run goes on.

        Lint: --check FILE prints FILE:LINE:COLUMN for every banned term and exits 1 when any is found.
        LM: --train-lm OUT trains the ranking language model (see Models/copy-lm.manifest.json).
        """
    )

    @Option(name: .long, help: "Products file.") var products: String?
    @Option(name: .long, help: "Products format: jsonl, csv, xml (Google Merchant RSS), advertisegen (default: from the extension).") var format: String?
    @Option(name: .long, help: "Write in this language: zh or en (default: each record's own).") var lang: String?
    @Option(name: .long, help: "Template folder (default: Corpora/templates).") var templates: String?
    @Option(name: .long, help: "Compliance list folder (default: Corpora/compliance).") var compliance: String?
    @Option(name: .long, help: "Reviews (JSON lines: product id + text, or + the sentiment tagger's aspects).") var reviews: String?
    @Option(name: .long, help: "The sentiment tagger's output for --reviews (shopnlp sentiment tag --input REVIEWS --format jsonl --aspects): its aspects replace the built-in lexicon's.") var reviewAspects: String?
    @Option(name: .long, help: "Reviews that must mention an aspect before it is praised.", range: .nonNegativeCount) var minReviews = 3
    @Option(name: .long, help: "Share of those that must be positive.", range: .fraction) var minPositiveShare = 0.7
    @Option(name: .long, help: "Blurbs per product.", range: .small) var variants = 1
    @Option(name: .long, help: "Maximum blurb length in characters.", range: .length) var maxChars: Int?
    @Option(name: .long, help: "Tone: plain, lively, premium.") var tone = "plain"
    @Option(name: .long, help: "Random seed (candidate sampling).") var seed: UInt64 = 1
    @Option(name: .long, help: "Ranking language models, comma-separated .snm files (default: Models/copy-lm-zh.snm and Models/copy-lm-en.snm).") var model: String?
    @Flag(name: .long, help: "Rank without the language model (coverage and repetition only).") var noLm = false
    @Option(name: .long, help: "The LM rescores this many best candidates per product (more: slower, more fluent).", range: .small) var lmShortlist = RankingWeights.shipped.fluencyShortlist
    // The diversity weight (2.5) and saturation (4) were chosen on the dev portion of AdvertiseGen
    // (the last 214 of the LM's train part; Benchmarks/results/blurbs.md, speed.md).
    // --prefer-specific, --length-weight 3 and --fluency-weight-zh 1 were chosen on the same dev
    // portion once lines were sampled per product (Benchmarks/results/blurbs2.md).
    @Option(name: .long, help: "Weight of the penalty on wording already written in this run (0: none).") var diversity = RankingWeights.shipped.diversity
    @Option(name: .long, help: "Uses after which a phrase counts as fully worn for --diversity.") var saturation = RankingWeights.shipped.saturation
    @Option(name: .long, help: "Characters per Chinese phrase unit of --diversity (2: character pairs, as distinct-2 counts).", range: .small) var diversityChars = RankingWeights.shipped.chineseGram
    @Option(name: .long, help: "Candidate blurbs built per product and template (more: more wording to choose from, slower).", range: .small) var maxCandidates = DescriberOptions.defaultMaxCandidates
    @Option(name: .long, help: "Realisations kept per template line (a seeded sample of its alternatives beyond this).", range: .small) var lineRealisations = 16
    @Flag(inversion: .prefixedNo, help: "Use lines written for the product's own attribute value over generic ones when both state as much.") var preferSpecific = true
    @Option(name: .long, help: "Weight of the LM's mean log-probability per token in a blurb's score.") var fluencyWeight = RankingWeights.shipped.fluency
    @Option(name: .long, help: "The same for Chinese blurbs.") var fluencyWeightZh = RankingWeights.shipped.chineseFluency ?? RankingWeights.shipped.fluency
    @Option(name: .long, help: "Weight of a blurb's length (as a share of 110 characters) in its score (0: none).") var lengthWeight = RankingWeights.shipped.length
    @Option(name: .long, help: "Weight of the share of repeated word pairs (zh: character pairs) within a blurb.") var repetitionWeight = RankingWeights.shipped.repetition
    @Option(name: .long, help: "Write the JSON lines here (atomically) instead of standard output.") var output: String?
    @Option(name: .long, help: "Output: jsonl (default) or csv (id, lang, title, 5 bullets, blurb, keywords, warnings).") var outputFormat = "jsonl"
    @Option(name: .long, help: "Platform preset: taobao, amazon or short (adds a title, bullets and keywords; sets lengths).") var preset: String?
    @Option(name: .long, help: "Threads (default: the machine's cores, at most 8). Output order and content do not depend on it.") var threads = min(8, ProcessInfo.processInfo.activeProcessorCount)
    @Option(name: .long, help: "Lint this file of human-written copy (one text per line, or JSON lines with --field).") var check: String?
    @Option(name: .long, help: "With --check on JSON lines: the field holding the copy.") var field: String?
    @Option(name: .long, help: "Train the ranking LM and write it here (uses --corpora).") var trainLm: String?
    @Option(name: .long, help: "Corpora folder (default: ../shared/corpora or SHOPNLP_CORPORA).") var corpora: String?
    @Option(name: .long, help: "LM training epochs.", range: .epochs) var epochs = 3
    @Option(name: .long, help: "LM training: α of the self-normalisation term α·(log Z)² (0: plain softmax, scored with its normaliser).")
    var selfNormalisation: Float = CopyLMRecipe.defaultSelfNormalisation

    func validate() throws {
        let modes = [products != nil, check != nil, trainLm != nil].filter { $0 }.count
        if modes != 1 { throw ValidationError("give exactly one of --products, --check or --train-lm") }
        if let format, ProductFormat(rawValue: format) == nil { throw ValidationError("--format must be jsonl, csv, xml or advertisegen") }
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be zh or en") }
        if Tone(rawValue: tone) == nil { throw ValidationError("--tone must be plain, lively or premium") }
        if variants < 1 || variants > 50 { throw ValidationError("--variants must be 1…50") }
        if let maxChars, maxChars < 10 { throw ValidationError("--max-chars must be at least 10") }
        if minReviews < 1 { throw ValidationError("--min-reviews must be at least 1") }
        if reviewAspects != nil && reviews == nil { throw ValidationError("--review-aspects needs --reviews (the file it tagged)") }
        if lmShortlist < 1 { throw ValidationError("--lm-shortlist must be at least 1") }
        if !(selfNormalisation.isFinite && selfNormalisation >= 0) { throw ValidationError("--self-normalisation must be a finite number ≥ 0") }
        if !(diversity >= 0) || !diversity.isFinite { throw ValidationError("--diversity must be a number ≥ 0") }
        if saturation < 1 { throw ValidationError("--saturation must be at least 1") }
        if !(fluencyWeight >= 0) || !fluencyWeight.isFinite { throw ValidationError("--fluency-weight must be a number ≥ 0") }
        if !(fluencyWeightZh >= 0) || !fluencyWeightZh.isFinite { throw ValidationError("--fluency-weight-zh must be a number ≥ 0") }
        if !(lengthWeight >= 0) || !lengthWeight.isFinite { throw ValidationError("--length-weight must be a number ≥ 0") }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
        if outputFormat != "jsonl" && outputFormat != "csv" { throw ValidationError("--output-format must be jsonl or csv") }
        if let preset, CopyPreset(rawValue: preset) == nil { throw ValidationError("--preset must be taobao, amazon or short") }
        if !(0...1).contains(minPositiveShare) { throw ValidationError("--min-positive-share must be in 0…1") }
    }

    func run() throws {
        if let check {
            let lint = try CopyLint.run(path: check, field: field, compliance: compliance)
            FileHandle.standardOutput.write(Data(lint.report.utf8))
            FileHandle.standardError.write(Data((lint.countLine + "\n").utf8))
            if lint.hits > 0 || lint.problems > 0 { throw ExitCode(1) }
            return
        }
        if let trainLm { return try CopyLMRecipe.run(output: trainLm, corpora: corpora, epochs: epochs, seed: seed,
                                                         selfNormalisation: selfNormalisation) }
        try generate(products!)
    }

    private var presetValue: CopyPreset? { preset.flatMap(CopyPreset.init(rawValue:)) }

    private func generate(_ path: String) throws {
        let language = lang.flatMap(Language.init(rawValue:))
        // The LMs load while the templates are parsed: the two were most of start-up.
        let lmPaths = model
        let loadingLMs = noLm ? nil : BackgroundResult { try DescribeModelLoader.load(explicit: lmPaths) }
        let library = try templates.map { try TemplateLibrary.load(directory: $0) } ?? TemplateLibrary.loadDefault()
        let list = try compliance.map { try ComplianceList.load(directory: $0) } ?? ComplianceList.loadDefault()
        var evidence: ReviewEvidence? = nil
        if let reviews {
            var (read, errors) = try ReviewReader.read(path: reviews, language: language)
            if let reviewAspects {
                let tagged = try ReviewReader.attachTaggedAspects(path: reviewAspects, to: read)
                read = tagged.reviews
                errors += tagged.errors
                FileHandle.standardError.write(Data("\(tagged.attached) of \(read.count) reviews use the tagger's aspects\n".utf8))
            }
            for e in errors { FileHandle.standardError.write(Data("warning: \(e)\n".utf8)) }
            evidence = ReviewEvidence(reviews: read, minReviews: minReviews, minPositiveShare: minPositiveShare)
        }
        let fluency = try loadingLMs?.value() ?? nil
        let describer = ProductDescriber(
            library: library, checker: ComplianceChecker(list: list),
            ranker: Ranker(weights: RankingWeights(fluency: fluencyWeight, repetition: repetitionWeight, fluencyShortlist: lmShortlist, diversity: diversity, saturation: saturation, length: lengthWeight,
                                                            chineseGram: diversityChars, chineseFluency: fluencyWeightZh), fluency: fluency),
            options: DescriberOptions(language: language, tone: Tone(rawValue: tone)!, variants: variants,
                                      maxChars: maxChars ?? presetValue?.maxChars, seed: seed,
                                      maxCandidates: maxCandidates, maxRealisationsPerLine: lineRealisations, preferSpecific: preferSpecific,
                                      listing: presetValue ?? (outputFormat == "csv" ? .amazon : nil)),
            reviews: evidence)
        let reader = try ProductReader(path: path, format: format.flatMap(ProductFormat.init(rawValue:)) ?? ProductFormat.guess(path: path))

        var out = outputFormat == "csv" ? DescriptionCSV.header + "\n" : ""
        var written = 0, failed = 0, empty = 0
        var seenIDs = Set<String>(), duplicates = 0
        let stdout = FileHandle.standardOutput
        // --output streams through a temporary file renamed into place at the end, like
        // stdout, instead of holding every description in memory (177 MB for 150k products).
        let file = try output.map { try AtomicFileWriter(path: $0) }
        // Records are described a batch at a time on `threads` threads and written in input order.
        var batch: [ProductRecord] = []
        // Batches are prepared on the worker threads while the ones before them are finished
        // and written here and the next ones read.
        let pipeline = DescribePipeline(describer: describer, threads: threads)
        func write(_ described: [ProductDescription]) throws {
            for d in described {
                if d.blurbs.isEmpty { empty += 1 }
                for w in d.warnings { FileHandle.standardError.write(Data("warning: product \(d.productID): \(w)\n".utf8)) }
                out += (outputFormat == "csv" ? DescriptionCSV.row(d) : DescriptionJSON.line(d, evidence: evidence)) + "\n"
                written += 1
            }
            if out.utf8.count > 1 << 16 { try emit() }
        }
        func flush() throws {
            try write(pipeline.submit(batch))
            batch.removeAll(keepingCapacity: true)
        }
        func emit() throws {
            if let file { try file.write(out) } else { stdout.write(Data(out.utf8)) }
            out = ""
        }
        for result in reader {
            switch result {
            case .failure(let e):
                failed += 1
                FileHandle.standardError.write(Data("error: \(e)\n".utf8))
            case .success(let record):
                if !seenIDs.insert(record.id).inserted {
                    duplicates += 1
                    FileHandle.standardError.write(Data("warning: \(record.file):\(record.line): duplicate product id '\(record.id)'\n".utf8))
                }
                batch.append(record)
                if batch.count >= pipeline.batch { try flush() }
            }
        }
        try flush()
        try write(pipeline.drain())
        try emit()
        try file?.commit()
        LeftAtExit.keep(pipeline)
        var summary = "described \(written) products"
        if empty > 0 { summary += ", \(empty) without any fillable template" }
        if failed > 0 { summary += ", \(failed) malformed records skipped (see above)" }
        if duplicates > 0 { summary += ", \(duplicates) duplicate ids (see above)" }
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        // Like `sentiment tag`: a batch with any failed record is not a success.
        if failed > 0 { throw ExitCode(1) }
    }
}
