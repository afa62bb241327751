import ArgumentParser
import Foundation
import ShopCore
import ShopData
import ShopDialogue
import ShopSentiment
#if canImport(Glibc)
import Glibc
#endif

/// `shopnlp sentiment tag`: the batch tagger, a plain stdin → stdout filter by default.
struct SentimentTagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tag reviews: one JSON object per input record, in input order (label, score, line).",
        discussion: """
        Reads standard input and writes standard output unless --input/--output are given, so it
        composes with split/parallel, Spark's RDD.pipe and Hadoop Streaming. Unreadable records
        (invalid UTF-8, broken JSON/CSV/XML, empty text) get an {"line":…,"error":…} output line
        and a line in --errors; the exit status is 1 when any record failed.
        """
    )

    @Option(name: .long, help: "Model file (default: Models/sentiment-zh or -en by each record's language).") var model: String?
    @Option(name: .long, help: "Input file (default: standard input).") var input: String?
    @Option(name: .long, help: "Output file (default: standard output).") var output: String?
    @Option(name: .long, help: "Input format: text (one review per line), tsv, csv, jsonl, xml (default: from the extension, else text).") var format: String?
    @Option(name: .long, help: "The text field (JSON key, CSV column name/number, XML element).") var field: String?
    @Option(name: .long, help: "Copy this field (JSON key, CSV column) into each output line as \"id\", to join results back by id.") var idField: String?
    @Option(name: .long, help: "XML: the record element.") var recordElement = "review"
    @Flag(name: .long, help: "Add the top weighted tokens (tokens), with phone, card and e-mail tokens redacted.") var explain = false
    @Flag(name: .long, help: "With --explain: print tokens as they are, customer data included (staff-only debugging).") var noRedact = false
    @Flag(name: .long, help: "Add aspect terms with a polarity each (aspects).") var aspects = false
    @Option(name: .long, help: "English aspect-polarity model for --aspects (default: Models/absa-en.model when present).") var aspectModel: String?
    @Option(name: .long, help: "Write bad records here as JSON lines (record, line, reason).") var errors: String?
    @Flag(name: .long, help: "Continue an interrupted run: keep the complete lines of --output and skip that many records.") var resume = false
    @Option(name: .long, help: "Records per chunk.", range: .batch) var chunk = 2048
    @Option(name: .long, help: "Longest review text tagged; longer ones are cut to it with a warning.", range: .recordChars) var maxChars = TextLimit.tagging.maxChars
    @Option(name: .long, help: "Tagging threads (default: all cores).", range: .threads) var workers: Int?
    @Flag(name: .long, help: "No progress on standard error.") var quiet = false

    func validate() throws {
        if resume && output == nil { throw ValidationError("--resume needs --output (standard output cannot be resumed)") }
        if let format, RecordFormat(rawValue: format) == nil {
            throw ValidationError("--format must be one of text, tsv, csv, jsonl, xml")
        }
        if chunk < 1 { throw ValidationError("--chunk must be at least 1") }
    }

    func run() throws {
        let chooser = try SentimentPaths.chooser(model: model)
        let extractor = aspects ? try SentimentPaths.loadAspects(aspectModel: aspectModel) : nil
        var options = TagOptions(explain: explain, aspects: aspects, chunkSize: chunk,
                                 workers: workers ?? ProcessInfo.processInfo.activeProcessorCount, idField: idField)
        if explain && !noRedact { options.redactToken = Self.tokenRedactor() }
        let tagger = RecordTagger(chooser: chooser, options: options, aspects: extractor)

        let fmt = format.flatMap(RecordFormat.init(rawValue:)) ?? input.map { RecordFormat.guess(path: $0) } ?? .text
        let readerOptions = RecordReaderOptions(format: fmt, textField: field.map(FieldSelector.init(parsing:)),
                                                recordElement: recordElement, invalidUTF8: .report,
                                                emptyText: .error, stripHTML: true, textLimit: TextLimit(maxChars: maxChars))
        let reader = try RecordReader(input.map(InputSource.init(argument:)) ?? .standardInput, options: readerOptions)

        var skip = 0
        var expectedLine: Int? = nil
        let out: FileHandle
        if let output {
            if resume {
                skip = try ResumableOutput.prepare(output)
                expectedLine = ResumableOutput.lastRecordLine(output)
                if let errors { try ResumableOutput.trimErrors(errors, keepBelow: skip) }
                if skip > 0 { SentimentPaths.log("resuming after \(skip) records already in \(output)\n") }
            }
            if !resume || !FileManager.default.fileExists(atPath: output) {
                guard FileManager.default.createFile(atPath: output, contents: nil) else {
                    throw SentimentError.data(path: output, line: nil, reason: "cannot create output file")
                }
            }
            guard let h = FileHandle(forWritingAtPath: output) else {
                throw SentimentError.data(path: output, line: nil, reason: "cannot open output file")
            }
            h.seekToEndOfFile()
            out = h
        } else {
            out = FileHandle.standardOutput
        }
        var errHandle: FileHandle? = nil
        if let errors {
            if !(resume && FileManager.default.fileExists(atPath: errors)) {
                _ = FileManager.default.createFile(atPath: errors, contents: nil)
            }
            guard let h = FileHandle(forWritingAtPath: errors) else {
                throw SentimentError.data(path: errors, line: nil, reason: "cannot open errors file")
            }
            h.seekToEndOfFile()
            errHandle = h
        }

        // With --resume, the skipped records must be the ones the output holds: the input
        // must have that many records and the last of them must sit on the line the output
        // names. Otherwise the stream ends at once and the run fails below.
        let mismatch = UncheckedCell(false)
        var seen = 0
        let resumeSkip = skip
        let limit = TextLimit(maxChars: maxChars)
        let next: TagPipeline.Next = {
            guard !mismatch.value else { return nil }
            let r = reader.next()
            if resumeSkip > 0, seen < resumeSkip {
                seen += 1
                let line: Int? = switch r { case .success(let rec)?: rec.line; case .failure(let e)?: e.line; case nil: nil }
                if r == nil || (seen == resumeSkip && expectedLine != nil && line != expectedLine) {
                    mismatch.value = true
                    return nil
                }
            }
            if case .success(let rec)? = r, let n = rec.truncatedFromChars {
                SentimentPaths.log("warning: \(limit.warning(file: reader.source.name, line: rec.line, originalChars: n))\n")
            }
            return r
        }
        let tty = isatty(2) == 1
        var lastLine = Date.distantPast
        let pipeline = TagPipeline(
            tagger: tagger, next: next, byteOffset: { reader.byteOffset }, totalBytes: reader.totalBytes,
            write: { try out.write(contentsOf: Data($0.utf8)) },
            writeError: errHandle.map { h in { try h.write(contentsOf: Data($0.utf8)) } },
            skip: skip,
            progress: quiet ? nil : { p in
                if tty { SentimentPaths.log("\r" + p.line + "   ") }
                else if Date().timeIntervalSince(lastLine) >= 10 { lastLine = Date(); SentimentPaths.log(p.line + "\n") }
            })
        let summary = try pipeline.run()
        if mismatch.value, let output {
            throw SentimentError.data(path: output, line: nil, reason: "--resume: this output does not belong to this input (it holds \(skip) records" + (expectedLine.map { ", the last from input line \($0)" } ?? "") + "); nothing was written. Delete it or choose another --output")
        }
        if output != nil { try out.synchronize(); try out.close() }
        try errHandle?.close()
        if !quiet && tty { SentimentPaths.log("\n") }
        SentimentPaths.log(summary.text + "\n")
        if summary.errors > 0 { throw ExitCode(1) }
    }

    /// ShopDialogue's redactor over one token, plus a mask for a token made mostly of
    /// digits: a card or phone number is often cut into groups ("4111", "1381234") that the
    /// redactor's whole-number patterns cannot recognise on their own.
    static func tokenRedactor() -> @Sendable (String) -> String {
        let redactor = Redactor()
        return { token in
            let r = redactor.redact(token)
            if r != token { return r }
            let digits = token.unicodeScalars.filter { $0.properties.numericType != nil }.count
            return digits >= 4 ? "[NUMBER]" : token
        }
    }
}
