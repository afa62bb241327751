/// The neural stack: tensors, layers with forward and backward passes, Adam, trainer, model files.
public enum ShopNeuralModule {
    public static let name = "ShopNeural"
}
