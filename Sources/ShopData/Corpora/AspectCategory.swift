/// One SemEval-2014 aspect category of a sentence (restaurants only), e.g. `food`/`positive`.
public struct AspectCategory: Sendable, Equatable {
    public var category: String
    public var polarity: String
}
