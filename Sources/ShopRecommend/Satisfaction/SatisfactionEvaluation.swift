import ShopCore
import ShopNeural

/// Does review sentiment make recommendations satisfy more? Leave-last-out Recall/NDCG
/// cannot see it (a held-out item counts as a hit whether the user loved it or hated it),
/// so held-out items are split into liked and disliked, and each model is judged on finding
/// the liked ones and on showing the disliked ones (`SatisfactionMetrics`), over several
/// seeded splits. Two cases: stars shown to the models, and stars hidden (review text only,
/// so sentiment is the only satisfaction signal the models get); in both, liked/disliked
/// is judged by the real stars.
public enum SatisfactionEvaluation {
    /// `features` give each interaction's P(positive) (from the sentiment model); without
    /// them the "+ sentiment" rows are left out.
    public static func run(interactions: [Interaction], features: [InteractionFeature],
                           options: SatisfactionOptions = SatisfactionOptions()) -> SatisfactionReport {
        let positive = TrainingSet(interactions: [], features: features).positive
        var truth: [String: Bool] = [:]
        for x in interactions {
            if let liked = SatisfactionLabel.liked(rating: x.rating, positive: positive[x.user + "\u{1F}" + x.item]) {
                truth[x.user + "\u{1F}" + x.item] = liked
            }
        }
        var scenarios: [(String, [Interaction])] = [("stars shown", interactions)]
        if options.starsHidden {
            scenarios.append(("stars hidden", interactions.map { var x = $0; x.rating = nil; return x }))
        }
        let variants = positive.isEmpty ? 1 : 2
        let bar = options.showProgress
            ? ProgressBar(total: scenarios.count * (variants + options.seeds.count), label: "satisfaction (tunings + seeds)") : nil
        var done = 0
        func step() { done += 1; bar?.update(done: done, loss: nil) }

        var rows: [SatisfactionRow] = []
        var likedUsers = 0.0, dislikedUsers = 0.0
        for (scenario, data) in scenarios {
            // Settings are tuned once per variant, on the first seed's training part only.
            let first = SatisfactionSplit(data, seed: options.seeds.first ?? 1, fraction: options.heldOutFraction)
            let firstSet = TrainingSet(interactions: first.train, positive: positive)
            var tuned: [(name: String, settings: TunedSettings)] = []
            tuned.append(("als", Tuning.tune(training: firstSet, base: options.config, sentiment: .off, grid: options.grid, k: options.k)))
            step()
            if variants == 2 {
                tuned.append(("als+sentiment", Tuning.tune(training: firstSet, base: options.config, sentiment: .required,
                                                           grid: options.grid, k: options.k)))
                step()
            }
            var perSeed: [String: [SatisfactionMetrics]] = [:]
            for seed in options.seeds {
                let split = SatisfactionSplit(data, seed: seed, fraction: options.heldOutFraction)
                let set = TrainingSet(interactions: split.train, positive: positive)
                var liked: [String: Set<String>] = [:], disliked: [String: Set<String>] = [:]
                for x in split.heldOut {
                    switch truth[x.user + "\u{1F}" + x.item] {
                    case true?: liked[x.user, default: []].insert(x.item)
                    case false?: disliked[x.user, default: []].insert(x.item)
                    case nil: break
                    }
                }
                if scenario == scenarios[0].0 {
                    likedUsers += Double(liked.count) / Double(options.seeds.count)
                    dislikedUsers += Double(disliked.count) / Double(options.seeds.count)
                }
                func lists(_ model: Recommender, _ m: InteractionMatrix) -> [String: [String]] {
                    var out: [String: [String]] = [:]
                    for user in Set(liked.keys).union(disliked.keys) {
                        guard let u = m.userIndex[user] else { continue }
                        out[user] = model.recommend(user: u, in: m, k: options.k).map { m.itemIDs[$0.item] }
                    }
                    return out
                }
                func score(_ name: String, _ model: Recommender, _ m: InteractionMatrix) {
                    perSeed[name, default: []].append(SatisfactionMetrics.compute(lists: lists(model, m), liked: liked,
                                                                                  disliked: disliked, k: options.k))
                }
                let plain = set.matrix(shaping: ConfidenceShaping(), useSentiment: false)
                score("popularity", PopularityModel(plain), plain)
                score("item-knn", ItemKNNModel(plain), plain)
                for (name, t) in tuned {
                    var config = t.config
                    config.seed = seed
                    let m = set.matrix(shaping: t.shaping, useSentiment: t.usedSentiment)
                    score(name, ALSTrainer.train(m, config: config), m)
                }
                step()
            }
            for name in ["popularity", "item-knn"] + tuned.map(\.name) {
                let t = tuned.first { $0.name == name }?.settings
                let settings = t.map { "factors=\($0.config.factors) reg=\($0.config.regularization) alpha=\($0.shaping.alpha)"
                    + ($0.usedSentiment ? " w=\($0.shaping.sentimentWeight)" : "") } ?? ""
                rows.append(SatisfactionRow(scenario: scenario, model: name, settings: settings, perSeed: perSeed[name] ?? []))
            }
        }
        bar?.finish(loss: nil)
        return SatisfactionReport(rows: rows, seeds: options.seeds, heldOutFraction: options.heldOutFraction, k: options.k,
                                  likedUsers: likedUsers, dislikedUsers: dislikedUsers)
    }
}
