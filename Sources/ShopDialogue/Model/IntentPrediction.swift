/// What the classifier made of one message.
public struct IntentPrediction: Sendable, Equatable {
    /// The chosen intent, or `oos` when the message was rejected as out of scope.
    public var intent: String
    /// Calibrated probability of the best in-scope intent (or of `oos` when that class won).
    public var confidence: Float
    /// The best-ranked intents with their probabilities, best first (top 3 by default).
    public var alternatives: [ScoredIntent]
    /// True when rejected as out of scope (by the threshold or by the `oos` class).
    public var rejected: Bool
}

/// One intent with its probability.
public struct ScoredIntent: Sendable, Equatable {
    public var intent: String
    public var probability: Float
}

/// A word of the message with how much it mattered for the decision.
public struct WordWeight: Sendable, Equatable {
    public var word: String
    public var weight: Float
}

/// Anything that can name the intent of a message: the trained model, or a stub in tests.
public protocol IntentClassifying: Sendable {
    /// The intent names the classifier knows (without `oos`).
    var intentNames: [String] { get }
    func classify(_ text: String) -> IntentPrediction
    /// The words of the message weighted by how much they drove the decision.
    func explain(_ text: String) -> [WordWeight]
}

/// The label every out-of-scope message gets.
public let outOfScopeLabel = "oos"
