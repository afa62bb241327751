extension WordVectors {
    /// Our vectors file, or word2vec text when the path ends in `.txt` or `.vec`.
    public static func load(anyFormat path: String) throws -> WordVectors {
        if path.hasSuffix(".txt") || path.hasSuffix(".vec") { return try Word2VecText.load(path) }
        return try WordVectors.load(path)
    }
}
