// libFuzzer entry for a chat turn: the shipped Intents/ folder with a small intent model
// trained once at start-up (3 epochs, seeded), then every input, split into lines as
// successive messages (at most 4), is answered by a fresh conversation. Run from the
// repository root (scripts/fuzz does).
import Foundation
import ShopDialogue

private let manager: DialogueManager = {
    let intents = try! IntentSet.load(directory: "Intents")
    var trainer = IntentTrainer()
    trainer.epochs = 3
    trainer.seed = 20
    let model = try! trainer.train(intents.trainingExamples())
    return DialogueManager(intents: intents, classifier: model, seed: 20)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChatTurn(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    manager.reset()
    for message in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(4) {
        _ = manager.respond(String(message))
    }
    return 0
}
