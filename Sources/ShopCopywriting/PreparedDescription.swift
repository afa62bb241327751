/// A record's ranking draft with its LM scores, waiting for `ProductDescriber.finish`.
public struct PreparedDescription: Sendable {
    let draft: ProductDescriber.Draft
    let scores: ArraySlice<(logProb: Double, tokens: Int)>
}
