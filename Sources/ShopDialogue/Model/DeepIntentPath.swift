/// The deep path of the intent model (embedding → BiLSTM → attention → dense).
/// Kept behind a protocol so the intent model does not care how it is implemented.
public protocol DeepIntentPath: AnyObject {
    /// Class probabilities in the intent model's label order.
    func probabilities(_ text: String) -> [Float]
    /// Attention weight per word, when the path has attention.
    func attention(_ text: String) -> [WordWeight]?
    /// Serialised form stored inside the intent model file.
    func serialized() throws -> [UInt8]
}
