import ShopNeural
import ShopCore

/// A reproducible train / held-out split of a corpus that ships without one (AdvertiseGen
/// has only `dev.json`; the catalogue sample has no split): indices are shuffled with a
/// fixed seed and the first `heldOutShare` go to the held-out part.
public struct DeterministicSplit: Sendable {
    public static let defaultSeed: UInt64 = 20_261_126
    public let heldOut: Set<Int>

    public init(count: Int, heldOutShare: Double = 0.2, seed: UInt64 = DeterministicSplit.defaultSeed) {
        var rng = SplitMix64(seed: seed)
        let order = Array(0..<count).shuffled(using: &rng)
        heldOut = Set(order.prefix(Int((Double(count) * heldOutShare).rounded())))
    }

    public func isHeldOut(_ index: Int) -> Bool { heldOut.contains(index) }
}
