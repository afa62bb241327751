import Foundation
import ShopSentiment
import Synchronization

/// A sentiment model read from its file on first use (once, thread-safe). The chat needs
/// the models only for messages with an anger cue, and loading both shipped models took
/// over a second of every `chat` start-up.
public final class LazySentimentModel: Sendable {
    /// The file, or nil for a model given in memory.
    public let path: String?
    private enum State { case pending, loaded(SentimentModel?) }
    private let state: Mutex<State>

    /// A model loaded from `path` when first asked for; nil then if the file does not load.
    public init(path: String) {
        self.path = path
        state = Mutex(.pending)
    }

    /// A model already in memory.
    public init(model: SentimentModel?) {
        path = nil
        state = Mutex(.loaded(model))
    }

    /// The model (loading it now if it was not yet).
    public var model: SentimentModel? {
        state.withLock { s in
            if case .loaded(let m) = s { return m }
            let m = path.flatMap { try? SentimentModelFile.read($0) }
            s = .loaded(m)
            return m
        }
    }

    /// Whether the file has been read (for tests and start-up measurements).
    public var isLoaded: Bool {
        state.withLock { s in if case .loaded = s { return true } else { return false } }
    }
}
