/// A count bumped from a callback that runs on the calling thread only (the corpus loader
/// reads files sequentially), hence no lock.
final class UncheckedCounter: @unchecked Sendable {
    private(set) var value = 0
    func increment() { value += 1 }
}
