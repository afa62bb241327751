/// The baseline every recommender must beat: items ranked by how many users have them.
public struct PopularityModel: Recommender {
    public let counts: [Float]

    public init(_ matrix: InteractionMatrix) {
        counts = (0..<matrix.itemCount).map { Float(matrix.interactionCount(ofItem: $0)) }
    }

    public func scores(user u: Int) -> [Float] { counts }
}
