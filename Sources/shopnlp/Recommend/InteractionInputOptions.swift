import ArgumentParser
import Foundation
import ShopRecommend

/// Options shared by the commands that read interactions.
struct InteractionInputOptions: ParsableArguments {
    @Option(name: .long, help: "Interactions: JSON Lines or CSV (Amazon review exports work as they are).") var interactions: String
    @Option(name: .long, help: "Layout: auto, generic (user,item,rating,timestamp,text), amazon-json, amazon-csv.") var layout: String = "auto"
    @Option(name: .long, help: "Shared corpora folder (relative interaction paths are looked up there too).") var corpora: String?

    func load() throws -> [Interaction] { try loadInteractions(interactions, layout: layout, corpora: corpora) }
}
