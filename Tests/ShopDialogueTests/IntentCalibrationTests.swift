import Foundation
import Testing
@testable import ShopDialogue

/// The defaults' calibration: the out-of-scope threshold maximises the stated objective,
/// a held-out slice refits the wide path, and evaluation treats unseen intents as oos.
@Suite struct IntentCalibrationTests {
    /// Held-out calibration messages: in-scope phrasings and out-of-scope ones unlike
    /// anything in training.
    static let calibration: [LabeledUtterance] = [
        ("refund", "i would like a refund"), ("refund", "退款"), ("shipping", "how long does shipping take"),
        ("shipping", "几天能到"), ("greet", "hi"), ("greet", "早上好呀"),
        ("oos", "recommend a movie"), ("oos", "what's the capital of peru"), ("oos", "明天会下雨吗"), ("oos", "帮我订机票"),
    ].map { LabeledUtterance(intent: $0.0, text: $0.1) }

    @Test func thresholdMaximisesInScopeAccuracyPlusOosRecall() throws {
        var trainer = IntentTrainer()
        trainer.holdout = 0
        var model = try trainer.train(IntentModelTests.data)
        trainer.calibrate(&model, on: Self.calibration)
        // Recompute the objective through classify() (not the calibration code) at every
        // threshold of the same grid: none may beat the chosen one.
        func objective(_ th: Float) -> (Double, Double, Double) {
            var m = model
            m.threshold = th
            let metrics = m.evaluate(Self.calibration)
            return (metrics.inScopeAccuracy + metrics.outOfScopeRecall, metrics.inScopeAccuracy, metrics.outOfScopeRecall)
        }
        let chosen = objective(model.threshold)
        for step in 0..<100 { #expect(objective(Float(step) / 100).0 <= chosen.0 + 1e-9) }
        #expect(model.info["calibration_in_scope_accuracy"] == String(format: "%.4f", chosen.1))
        #expect(model.info["calibration_oos_recall"] == String(format: "%.4f", chosen.2))
    }

    @Test func heldOutCalibrationRefitsTheWidePathOnAllOfTrain() throws {
        var trainer = IntentTrainer()
        trainer.holdout = 0.2
        let model = try trainer.train(IntentModelTests.data)
        #expect(model.info["refit"] == "wide path refitted on all of train")
        #expect(model.info["calibration"]?.hasPrefix("held-out 20% of train") == true)
        #expect(model.info["calibration_oos_recall"] != nil)
    }

    @Test func unseenGoldIntentsCountAsOutOfScope() throws {
        var trainer = IntentTrainer()
        trainer.holdout = 0
        let model = try trainer.train(IntentModelTests.data)
        let metrics = model.evaluate([LabeledUtterance(intent: "weather", text: "what's the weather"),
                                      LabeledUtterance(intent: "refund", text: "refund please")])
        #expect(!metrics.labels.contains("weather"))
        #expect(metrics.hasOutOfScope)
    }
}
