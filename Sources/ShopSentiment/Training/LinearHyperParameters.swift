/// Hyper-parameters of the wide (n-gram) path; stored in the model manifest.
public struct LinearHyperParameters: Codable, Sendable, Equatable {
    /// Passes over the training data; the best epoch on dev is kept.
    public var epochs: Int
    /// AdaGrad learning rate.
    public var learningRate: Float
    /// L2 penalty applied to the weights a step touches.
    public var l2: Float
    /// Naive-Bayes smoothing; 0 turns the NB scaling off (plain logistic regression).
    public var nbAlpha: Float
    /// Drop each active feature with this probability during training (regularises).
    public var featureDropout: Float

    public init(epochs: Int = 8, learningRate: Float = 0.3, l2: Float = 1e-5, nbAlpha: Float = 1, featureDropout: Float = 0) {
        self.epochs = epochs
        self.learningRate = learningRate
        self.l2 = l2
        self.nbAlpha = nbAlpha
        self.featureDropout = featureDropout
    }
}
