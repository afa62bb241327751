/// Which review aspects may be praised for which products: "comfort" from "soft hair" is
/// not something to say about a shampoo, nor 穿着舒适度 about a phone case. Aspects listed
/// here need a category or type word of the product to match; unlisted ones (price,
/// shipping, quality …) fit everything.
public enum AspectFit {
    static let needs: [String: [String]] = [
        "comfort": ["clothing", "apparel", "shoe", "boot", "sock", "costume", "bed", "pillow", "mattress", "chair", "sofa",
                    "cushion", "seat", "headphone", "earbud", "glove", "shirt", "dress", "pants", "jacket", "blanket", "backpack"],
        "size": ["clothing", "apparel", "shoe", "boot", "costume", "shirt", "dress", "pants", "jacket", "glove", "sock", "hat"],
        "battery life": ["electronic", "battery", "remote", "rc ", "radio", "camera", "phone", "headphone", "speaker", "vehicle", "drone", "robot"],
        "sound": ["electronic", "speaker", "headphone", "radio", "music", "instrument", "guitar", "piano", "microphone", "audio"],
        "穿着舒适度": ["上衣", "裙", "裤", "衣", "鞋", "袜", "衫"],
        "版型": ["上衣", "裙", "裤", "衣", "衫"],
        "尺码": ["上衣", "裙", "裤", "衣", "鞋", "衫"],
        "面料": ["上衣", "裙", "裤", "衣", "衫", "床", "被", "枕", "窗帘", "沙发"],
    ]

    public static func fits(_ aspect: String, _ record: ProductRecord) -> Bool {
        guard let words = needs[aspect] else { return true }
        let text = ([record.category ?? "", record.title ?? ""] + record.specs.filter { $0.key == "类型" }.map(\.value))
            .joined(separator: " ").lowercased()
        return words.contains { text.contains($0) }
    }
}
