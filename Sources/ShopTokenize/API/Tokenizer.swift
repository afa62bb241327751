/// Chinese + English tokeniser: ICU word breaking for everything but Han text, shop-text
/// rules on top (URLs, e-mail, prices, model numbers, emoji stay whole), and a trained
/// character-tagging model (averaged perceptron over People's Daily 1998) for Han runs.
///
/// One instance may be used from many threads at once.
public final class Tokenizer: Sendable {
    public let options: TokenizerOptions
    let pool: WordBreakPool
    let userWords: UserDictionary
    /// nil when the model file is missing: Han runs then fall back to ICU's own segmentation.
    let model: SegmenterModel?

    public init(options: TokenizerOptions = TokenizerOptions()) throws {
        self.options = options
        pool = try WordBreakPool(locale: "zh")
        userWords = Self.dictionary(options)
        model = options.language == .en ? nil : try SegmenterModel.shared()
    }

    /// A tokenizer with an explicit segmentation model (nil: Han text split by ICU alone,
    /// the baseline the benchmarks compare against).
    public init(options: TokenizerOptions, model: SegmenterModel?) throws {
        self.options = options
        pool = try WordBreakPool(locale: "zh")
        userWords = Self.dictionary(options)
        self.model = model
    }

    /// The user's words plus, for Chinese, the shipped shop vocabulary.
    private static func dictionary(_ options: TokenizerOptions) -> UserDictionary {
        UserDictionary(options.userWords + (options.language == .en ? [] : ShopLexicon.words))
    }

    private static let sharedInstance: Result<Tokenizer, TokenizerError> = {
        do { return .success(try Tokenizer()) } catch let e as TokenizerError { return .failure(e) } catch {
            return .failure(.modelFile(path: "", reason: "\(error)"))
        }
    }()

    /// A tokenizer with default options, created once.
    public static func shared() throws -> Tokenizer { try sharedInstance.get() }

    /// Whether Han text goes through the trained model (false: ICU's dictionary only).
    public var usesSegmentationModel: Bool { model != nil }

    /// Tokens with their exact input characters and UTF-16 spans; whitespace dropped.
    public func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var scratch = Scratch(pool: pool, userWords: userWords)
        var utf16 = Array(text.utf16)
        utf16.withUnsafeBufferPointer { t in
            scan(t, &scratch) { s, e, kind in
                tokens.append(Token(text: String(decoding: UnsafeBufferPointer(rebasing: t[s..<e]), as: UTF16.self),
                                    start: s, end: e, kind: kind))
            }
        }
        _ = utf16.count
        utf16 = []
        return tokens
    }

    /// Token texts; NFKC + case-folded + half-width when `options.normalize` (emoji kept as typed).
    public func words(_ text: String) -> [String] {
        tokenize(text).map { options.normalize && $0.kind != .emoji ? TextNormalizer.normalize($0.text) : $0.text }
    }

    /// Reusable per-call buffers.
    struct Scratch {
        var scanner: UnitScanner
        var isEnd: [Bool] = []
        var ends: [Int32] = []
        var perceptron = PerceptronSegmenter.Scratch()
        init(pool: WordBreakPool, userWords: UserDictionary) { scanner = UnitScanner(pool: pool, userWords: userWords) }
    }

    /// Calls `emit(start, end, kind)` for each token in order.
    func scan(_ t: UnsafeBufferPointer<UInt16>, _ s: inout Scratch, _ emit: (Int, Int, TokenKind) -> Void) {
        s.scanner.scan(t)
        s.scanner.release()
        let units = s.scanner.units
        for g in s.scanner.groups {
            var hasHan = false
            for k in g where units[k].kind == .han { hasHan = true; break }
            if !hasHan {
                for k in g { emit(units[k].start, units[k].end, units[k].kind.tokenKind) }
                continue
            }
            s.isEnd.removeAll(keepingCapacity: true)
            s.isEnd.append(contentsOf: repeatElement(false, count: g.count))
            if let model {
                PerceptronSegmenter(model: model).segment(t, units, g, &s.isEnd, &s.perceptron)
                QuantityMerger.apply(t, units, g, &s.isEnd)
            } else {
                ICUHanSegmenter(pool: pool).segment(t, units, g, &s.isEnd, &s.ends)
            }
            s.isEnd[g.count - 1] = true
            var wordStart = g.lowerBound
            for k in g where s.isEnd[k - g.lowerBound] {
                let kind: TokenKind = k == wordStart ? units[k].kind.tokenKind : .word
                emit(units[wordStart].start, units[k].end, kind)
                wordStart = k + 1
            }
        }
    }
}
