import Foundation
@testable import ShopDialogue

/// Paths and small fixtures shared by the dialogue tests.
enum TestSupport {
    /// The package root, found from this file's location.
    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    static var schemaDir: String { packageRoot + "/Intents/schema" }

    /// A fresh temporary folder with the shipped schemas copied in.
    static func tempIntentsDir() throws -> String {
        let dir = NSTemporaryDirectory() + "shopdialogue-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/schema", withIntermediateDirectories: true)
        for f in ["intents.xsd", "entities.xsd"] {
            try FileManager.default.copyItem(atPath: schemaDir + "/" + f, toPath: dir + "/schema/" + f)
        }
        return dir
    }

    static let tinyEntities = """
    <?xml version="1.0" encoding="UTF-8"?>
    <entities xmlns="https://shopnlp.example/entities" version="1">
      <entity name="order_number">
        <pattern normalize="alnum">(?&lt;![0-9A-Za-z])20\\d{2}(?:[- ]?\\d{4}){3}(?![0-9])</pattern>
        <pattern ignoreCase="true" normalize="alnum">(?&lt;![0-9A-Za-z])SO[- ]?\\d{9}(?![0-9])</pattern>
      </entity>
      <entity name="order_number_like">
        <pattern ignoreCase="true" group="1">(?:order\\s*(?:number|no)?|订单号?)\\s*#?((?:SO)?[- ]?\\d[\\d -]{2,24}\\d)</pattern>
      </entity>
      <entity name="phone">
        <pattern normalize="digits">(?&lt;![0-9])1[3-9]\\d{9}(?![0-9])</pattern>
      </entity>
      <entity name="colour">
        <value canonical="navy"><term lang="zh">藏青色</term><term lang="en">navy blue</term><term lang="en">navy</term></value>
      </entity>
    </entities>
    """

    static func intentXML(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <intents xmlns="https://shopnlp.example/intents" version="1">
        \(body)
        </intents>
        """
    }

    static func intent(_ name: String, slot: Bool = false, handoff: String = "never", acts: Bool = false, zh: [String], en: [String],
                       zhReply: String, enReply: String) -> String {
        let slotXML = slot ? """
            <slot name="order_id" entity="order_number" required="true">
              <prompt lang="zh">请提供订单号。</prompt>
              <prompt lang="en">What is your order number?</prompt>
            </slot>
        """ : ""
        return """
          <intent name="\(name)" domain="test" handoff="\(handoff)" acts="\(acts)">
        \(slotXML)
            <examples lang="zh">\(zh.map { "<example>\($0)</example>" }.joined())</examples>
            <examples lang="en">\(en.map { "<example>\($0)</example>" }.joined())</examples>
            <response lang="zh"><variant>\(zhReply)</variant><variant>\(zhReply)。</variant></response>
            <response lang="en"><variant>\(enReply)</variant><variant>\(enReply).</variant></response>
          </intent>
        """
    }

    /// A tiny knowledge folder: order_status and cancel_order (acts; both need order_id), greet, human_agent, complaint, oos.
    static func tinyIntentsDir() throws -> String {
        let dir = try tempIntentsDir()
        try tinyEntities.write(toFile: dir + "/entities.xml", atomically: true, encoding: .utf8)
        let body = [
            intent("order_status", slot: true, zh: ["我的订单到哪了", "订单什么时候到", "查一下订单", "快递到哪了"],
                   en: ["where is my order", "track my order", "when will my order arrive", "order status"],
                   zhReply: "订单 {order_id} 已发货", enReply: "Order {order_id} has shipped"),
            intent("cancel_order", slot: true, acts: true, zh: ["取消订单", "不要了帮我取消"], en: ["cancel my order", "please cancel it"],
                   zhReply: "已取消订单 {order_id}", enReply: "Cancelled order {order_id}"),
            intent("greet", zh: ["你好", "在吗", "您好"], en: ["hello", "hi there", "hey"],
                   zhReply: "您好", enReply: "Hello"),
            intent("human_agent", handoff: "always", zh: ["转人工", "人工客服", "找真人"], en: ["talk to a human", "agent please", "real person"],
                   zhReply: "正在转接人工", enReply: "Transferring you to an agent"),
            intent("complaint", handoff: "ifNegative", zh: ["我要投诉", "服务太差了", "投诉你们"], en: ["i want to complain", "terrible service", "file a complaint"],
                   zhReply: "很抱歉", enReply: "Sorry to hear that"),
        ].joined(separator: "\n")
        try intentXML(body).write(toFile: dir + "/shop.xml", atomically: true, encoding: .utf8)
        let oos = intent("oos", zh: ["今天天气怎么样", "讲个笑话", "股票涨了吗"], en: ["what's the weather", "tell me a joke", "stock price of apple"],
                         zhReply: "抱歉，我回答不了", enReply: "Sorry, I can't help with that")
        try intentXML(oos).write(toFile: dir + "/oos.xml", atomically: true, encoding: .utf8)
        return dir
    }
}

/// A classifier stub for dialogue-state tests: keyword rules, so the tests exercise the
/// dialogue logic and not a model.
struct KeywordClassifier: IntentClassifying {
    var rules: [(String, [String])]
    var intentNames: [String] { rules.map(\.0) }

    func classify(_ text: String) -> IntentPrediction {
        let t = text.lowercased()
        for (intent, words) in rules where words.contains(where: { t.contains($0) }) {
            return IntentPrediction(intent: intent, confidence: 0.95, alternatives: [ScoredIntent(intent: intent, probability: 0.95)], rejected: false)
        }
        return IntentPrediction(intent: outOfScopeLabel, confidence: 0.2, alternatives: [], rejected: true)
    }

    func explain(_ text: String) -> [WordWeight] { [] }

    static let shop = KeywordClassifier(rules: [
        ("human_agent", ["人工", "human", "agent"]),
        ("cancel_order", ["取消", "cancel"]),
        ("complaint", ["投诉", "complain", "terrible", "差"]),
        ("order_status", ["订单", "快递", "order", "package"]),
        ("greet", ["你好", "hello", "hey"]),
    ])
}
