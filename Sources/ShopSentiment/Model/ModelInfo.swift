/// What a model is and how it was made: written into the model file and the manifest.
public struct ModelInfo: Codable, Sendable, Equatable {
    public var language: String?
    public var labelMapping: LabelMapping
    public var trainFiles: [String]
    public var devFiles: [String]
    public var trainExamples: Int
    public var minCount: Int
    public var maxFeatures: Int
    public var hyper: LinearHyperParameters
    public var seeds: [UInt64]
    public var devAccuracy: Double
    public var trainingSeconds: Double
    /// The command line that made the model.
    public var command: String
    /// How the deep path was trained (nil: n-gram path only).
    public var deep: DeepSentimentOptions?
    /// The deep path's share in the mixed probabilities, and the dev accuracy of each path alone.
    public var deepWeight: Float?
    public var devAccuracyWide: Double?
    public var devAccuracyDeep: Double?
    /// Where the choices (epochs, the mix) were made: the dev files, or a held-out slice
    /// of train and whether the kept model was refitted.
    public var selection: String?

    public init(language: String? = nil, labelMapping: LabelMapping = LabelMapping(), trainFiles: [String] = [],
                devFiles: [String] = [], trainExamples: Int = 0, minCount: Int = 1, maxFeatures: Int = 0,
                hyper: LinearHyperParameters = LinearHyperParameters(), seeds: [UInt64] = [1],
                devAccuracy: Double = 0, trainingSeconds: Double = 0, command: String = "") {
        self.language = language
        self.labelMapping = labelMapping
        self.trainFiles = trainFiles
        self.devFiles = devFiles
        self.trainExamples = trainExamples
        self.minCount = minCount
        self.maxFeatures = maxFeatures
        self.hyper = hyper
        self.seeds = seeds
        self.devAccuracy = devAccuracy
        self.trainingSeconds = trainingSeconds
        self.command = command
    }
}
