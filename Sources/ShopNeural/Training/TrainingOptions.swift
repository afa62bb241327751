import Foundation

/// How `Trainer` and `LSTMLanguageModel.train` train.
public struct TrainingOptions: Sendable {
    public var epochs: Int
    public var batchSize: Int
    public var learningRate: Float
    public var schedule: LearningRateSchedule
    public var weightDecay: Float
    /// Global gradient-norm clip (nil: none).
    public var clipNorm: Float?
    /// Stop after this many epochs without dev improvement (needs a dev set).
    public var patience: Int
    public var seed: UInt64
    /// Loss weight per class (nil: all 1). Classifier only.
    public var classWeights: [Float]?
    /// Dev metric that picks the best epoch (classifier).
    public var selectBy: SelectionMetric
    /// Progress bar on stderr.
    public var showProgress: Bool

    public enum SelectionMetric: Sendable { case accuracy, macroF1 }

    public init(epochs: Int = 10, batchSize: Int = 32, learningRate: Float = 2e-3,
                schedule: LearningRateSchedule = .linear(warmupFraction: 0.05), weightDecay: Float = 0.01,
                clipNorm: Float? = 5, patience: Int = 3, seed: UInt64 = 1, classWeights: [Float]? = nil,
                selectBy: SelectionMetric = .macroF1, showProgress: Bool = true) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.schedule = schedule
        self.weightDecay = weightDecay
        self.clipNorm = clipNorm
        self.patience = patience
        self.seed = seed
        self.classWeights = classWeights
        self.selectBy = selectBy
        self.showProgress = showProgress
    }
}

/// Learning rate as a function of training progress.
public enum LearningRateSchedule: Sendable {
    case constant
    /// Linear warm-up over the first fraction of steps, then linear decay to 2% of the base rate.
    case linear(warmupFraction: Float)
    /// Linear warm-up, then cosine decay to 2% of the base rate.
    case cosine(warmupFraction: Float)

    /// Multiplier of the base rate at `step` of `totalSteps` (0-based).
    public func factor(step: Int, totalSteps: Int) -> Float {
        let total = Float(max(totalSteps, 1)), s = Float(step)
        switch self {
        case .constant: return 1
        case let .linear(w), let .cosine(w):
            let warm = max(1, w * total)
            if s < warm { return (s + 1) / warm }
            let progress = min(1, (s - warm) / max(1, total - warm))
            if case .linear = self { return max(0.02, 1 - progress) }
            return max(0.02, 0.5 * (1 + Float(cosf(Float.pi * progress))))
        }
    }
}
