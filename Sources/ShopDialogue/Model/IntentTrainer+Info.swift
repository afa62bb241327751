extension IntentTrainer {
    /// A trainer with the hyper-parameters recorded in a model's `info` (as written by
    /// `shopnlp intent train`), so `/reload` retrains the way the shipped model was built.
    public static func matching(_ info: [String: String]) -> IntentTrainer {
        var t = IntentTrainer()
        if let v = info["c"].flatMap(Float.init) { t.c = v }
        if let v = info["epochs"].flatMap(Int.init) { t.epochs = v }
        if let v = info["seed"].flatMap(UInt64.init) { t.seed = v }
        if let v = info["oos_weight"].flatMap(Double.init) { t.oosWeight = v }
        if let v = info["oos_as_class"] { t.oosAsClass = v != "false" }
        if let v = info["char_max"].flatMap(Int.init) { t.extractor.charMax = v }
        if let epochs = info["deep_epochs"].flatMap(Int.init), epochs > 0 {
            var d = NeuralIntentTrainer()
            d.epochs = epochs
            d.seed = t.seed
            if let v = info["deep_hidden"].flatMap(Int.init) { d.hiddenSize = v }
            if let v = info["deep_embed"].flatMap(Int.init) { d.embedDim = v }
            if let v = info["deep_learning_rate"].flatMap(Float.init) { d.learningRate = v }
            if let v = info["deep_wide_buckets"].flatMap(Int.init) { d.wideBuckets = v }
            t.deepTrainer = d
        }
        return t
    }
}
