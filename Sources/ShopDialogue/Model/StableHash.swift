extension String {
    /// A stable 64-bit hash (FNV-1a over UTF-8); Swift's `hashValue` changes per process.
    var stableHash: UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
