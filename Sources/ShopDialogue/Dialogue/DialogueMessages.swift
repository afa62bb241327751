import ShopCore

/// The assistant's own sentences (not tied to an intent): confirmations, re-asks,
/// clarifications, hand-off notices. Public and mutable so a host can reword them.
public struct DialogueMessages: Sendable {
    public init() {}

    public func confirm(value: String, action: String, _ l: Language) -> String {
        l == .zh ? "您是要处理订单 \(value)（\(action)），是这个订单吗？请回复“是”或“不是”。"
                 : "Order \(value) (\(action)) — is that the one? Please answer yes or no."
    }

    public func declined(_ prompt: String, _ l: Language) -> String {
        l == .zh ? "好的，那就不是这个订单。\(prompt)" : "OK, not that one. \(prompt)"
    }

    /// A wrong-shaped answer to a slot question; `seen` names what it looked like instead.
    public func invalid(entity: String, seen: String?, prompt: String, _ l: Language) -> String {
        let what = l == .zh ? (entity == "order_number" ? "订单号" : "所需信息") : (entity == "order_number" ? "an order number" : "what I need")
        if l == .zh {
            let s = seen.map { "这看起来像\($0 == "phone" ? "手机号" : $0 == "email" ? "邮箱" : "别的信息")，不是有效的\(what)。" } ?? "没有识别到有效的\(what)。"
            return s + prompt
        }
        let s = seen.map { "That looks like \($0 == "phone" ? "a phone number" : $0 == "email" ? "an e-mail address" : "something else"), not \(what)." }
            ?? "I couldn't find \(what) in that."
        return "\(s) \(prompt)"
    }

    public func unreadable(_ text: String, example: String, _ l: Language) -> String {
        l == .zh ? "抱歉，我没能识别订单号“\(text)”。订单号是 16 位数字（如 \(example)）或 SO 加 9 位数字，请核对后再发一次。"
                 : "I couldn't read that order number (\"\(text)\"). Order numbers are 16 digits (e.g. \(example)) or SO plus 9 digits; could you check it and send it again?"
    }

    public func offerHuman(_ l: Language) -> String {
        l == .zh ? "抱歉，还是没能识别。需要为您转接人工客服吗？（回复“是”转人工）"
                 : "Sorry, I still couldn't read it. Would you like me to connect you to a person? (answer yes to be transferred)"
    }

    public func noHandoff(_ l: Language) -> String {
        l == .zh ? "好的，还有什么可以帮您？" : "OK. What else can I help you with?"
    }

    public func didYouMean(_ a: String, _ b: String, _ l: Language) -> String {
        l == .zh ? "您是想咨询“\(a)”还是“\(b)”？" : "Did you mean \(a) or \(b)?"
    }

    public func bareEntity(type: String, value: String, _ l: Language) -> String {
        if type == "order_number" {
            return l == .zh ? "收到订单号 \(value)。请问需要办理什么：查询进度、取消、退货，还是其他？"
                            : "I see order \(value). What would you like to do with it: track it, cancel it, return something, or something else?"
        }
        return l == .zh ? "收到。请问需要我帮您做什么？" : "Got it. What would you like me to do with that?"
    }

    public func transferring(_ l: Language) -> String {
        l == .zh ? "正在为您转接人工客服，请稍候。" : "I'm transferring you to a human agent now, please hold on."
    }

    public func handedOff(_ l: Language) -> String {
        l == .zh ? "已为您转接人工客服，请稍候，客服会在这里回复您。" : "You've been handed to a human agent; they will reply here shortly."
    }

    public func fallback(_ l: Language) -> String {
        l == .zh ? "抱歉，这个问题我暂时回答不了，可以换个说法，或输入“人工”转接客服。"
                 : "Sorry, I can't help with that. Could you rephrase, or type \"agent\" to talk to a person?"
    }
}
