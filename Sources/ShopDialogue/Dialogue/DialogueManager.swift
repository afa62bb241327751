import Foundation
import ShopNeural

/// The assistant's turn logic: classifies a message, resolves it against the conversation
/// (a pending slot, a follow-up), fills slots from entities, asks for what is missing,
/// hands off to a human when needed and renders a seeded response variant in the
/// message's language.
public final class DialogueManager {
    public private(set) var intents: IntentSet
    public private(set) var classifier: IntentClassifying
    public var urgency: UrgencyScoring
    public private(set) var state = DialogueState()
    /// Out-of-scope messages in a row that hand the conversation to a human.
    public var handoffAfterFailures = 3
    /// Negativity at or above which an angry message escalates (`handoff="ifNegative"`).
    public var escalationThreshold: Float = 0.5
    /// Messages classified below this confidence may be read as answers/follow-ups instead.
    public var followUpConfidence: Float = 0.6
    /// A rejected message still goes to a runner-up intent with at least this probability
    /// when it carries an entity for that intent's required slot.
    public var entityEvidenceFloor: Float = 0.15
    /// Forces the reply language (`/lang`); nil = the message's language.
    public var forcedLanguage: Language?
    public var followUps = FollowUpDetector()
    private let seed: UInt64
    private var rng: SplitMix64

    public init(intents: IntentSet, classifier: IntentClassifying, urgency: UrgencyScoring = LexiconUrgency(), seed: UInt64 = 7) {
        self.intents = intents
        self.classifier = classifier
        self.urgency = urgency
        self.seed = seed
        self.rng = SplitMix64(seed: seed)
    }

    /// Forgets the conversation and restarts the variant sequence (so replays reproduce).
    public func reset() {
        state = DialogueState()
        rng = SplitMix64(seed: seed)
    }

    /// Swaps in new knowledge and/or a new model (`/reload`), keeping nothing of the conversation.
    public func replace(intents: IntentSet, classifier: IntentClassifying) {
        self.intents = intents
        self.classifier = classifier
        reset()
    }

    public func respond(_ message: String) -> DialogueTurn {
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        let lang = replyLanguage(text)
        let entities = intents.entities.extract(text)
        let prediction = classifier.classify(text)
        let negativity = urgency.negativity(text)
        state.turns += 1
        state.language = lang

        var (intentName, resolution, forgetSlot) = resolve(text, prediction: prediction, entities: entities)

        var turn = DialogueTurn(message: text, language: lang, prediction: prediction, intent: intentName,
                                resolution: resolution, entities: entities, slots: [:], askedSlot: nil,
                                handoff: false, urgency: negativity, escalated: false, reply: "", variant: nil)

        guard intentName != outOfScopeLabel, let def = intents.intent(named: intentName) else {
            state.consecutiveFailures += 1
            if state.consecutiveFailures >= handoffAfterFailures {
                handOff(&turn, lang: lang)
            } else {
                turn.intent = outOfScopeLabel
                (turn.reply, turn.variant) = render(outOfScopeLabel, lang: lang, fallback: fallbackText(lang))
            }
            turn.slots = state.slots
            return turn
        }
        state.consecutiveFailures = 0
        intentName = def.name

        // fill this intent's slots from the message; a "the other one" follow-up drops the old value
        if let forget = forgetSlot { state.slots[forget] = nil }
        for slot in def.slots {
            if let e = entities.first(where: { $0.type == slot.entity }) { state.slots[slot.name] = e.value }
        }
        if let missing = def.requiredSlots.first(where: { state.slots[$0.name] == nil }) {
            state.pendingIntent = def.name
            state.pendingSlot = missing.name
            turn.askedSlot = missing.name
            turn.reply = missing.prompts[lang] ?? missing.prompts.values.first ?? missing.name
            turn.slots = state.slots
            return turn
        }
        state.pendingIntent = nil
        state.pendingSlot = nil
        state.lastIntent = def.name

        let angry = negativity >= escalationThreshold
        if def.handoff == .always || (def.handoff == .ifNegative && angry) {
            turn.escalated = def.handoff == .ifNegative
            handOff(&turn, lang: lang)
            turn.intent = def.name
            turn.slots = state.slots
            return turn
        }
        (turn.reply, turn.variant) = render(def.name, lang: lang, fallback: fallbackText(lang))
        turn.slots = state.slots
        return turn
    }

    /// Decides which intent the message acts on. Returns the slot to forget for "the other one".
    private func resolve(_ text: String, prediction: IntentPrediction, entities: [Entity]) -> (String, String, String?) {
        let confident = !prediction.rejected && prediction.confidence >= followUpConfidence
        // an answer to the slot we asked for continues the pending intent
        if let pending = state.pendingIntent, let slotName = state.pendingSlot,
           let def = intents.intent(named: pending), let slot = def.slots.first(where: { $0.name == slotName }),
           entities.contains(where: { $0.type == slot.entity }) {
            if !confident || prediction.intent == pending || isMostlyEntities(text, entities) {
                return (pending, "pending slot", nil)
            }
        }
        // "and the other order?" / "那另一个订单呢" / "what about SO123456789?"
        if let last = state.lastIntent ?? state.pendingIntent, let def = intents.intent(named: last) {
            let f = followUps.analyse(textWithoutEntities(text, entities))
            let carriesSlot = def.slots.contains { s in entities.contains { $0.type == s.entity } }
            if (f.isFollowUp && (!confident || f.other)) || (!confident && carriesSlot && isMostlyEntities(text, entities)) {
                let forget = f.other && !carriesSlot ? def.requiredSlots.first?.name : nil
                return (last, "follow-up", forget)
            }
        }
        // a rejected message that carries an entity one of the runner-up intents needs (an order
        // number, say) is about the shop: act on the best such intent
        if prediction.rejected {
            for alt in prediction.alternatives where alt.intent != outOfScopeLabel && alt.probability >= entityEvidenceFloor {
                if let def = intents.intent(named: alt.intent),
                   def.requiredSlots.contains(where: { s in entities.contains { $0.type == s.entity } }) {
                    return (alt.intent, "entity evidence", nil)
                }
            }
        }
        return (prediction.rejected ? outOfScopeLabel : prediction.intent, "classifier", nil)
    }

    /// True when little besides the entities is left ("2024…", "order number SO123456789",
    /// "订单号是2024…"): such a message answers a prompt rather than asking something new.
    private func isMostlyEntities(_ text: String, _ entities: [Entity]) -> Bool {
        guard !entities.isEmpty else { return false }
        let rest = textWithoutEntities(text, entities)
        let latin = rest.unicodeScalars.filter { $0.properties.isAlphabetic && !TextNormalizer.isCJK($0) }.count
        let cjk = rest.unicodeScalars.filter { TextNormalizer.isCJK($0) }.count
        return latin <= 16 && cjk <= 6
    }

    private func textWithoutEntities(_ text: String, _ entities: [Entity]) -> String {
        var rest = text as NSString
        for e in entities.sorted(by: { $0.location > $1.location }) {
            rest = rest.replacingCharacters(in: NSRange(location: e.location, length: e.length), with: " ") as NSString
        }
        return rest as String
    }

    private func handOff(_ turn: inout DialogueTurn, lang: Language) {
        turn.handoff = true
        state.handedOff = true
        state.consecutiveFailures = 0
        let fallback = lang == .zh ? "正在为您转接人工客服，请稍候。" : "I'm transferring you to a human agent now, please hold on."
        (turn.reply, turn.variant) = render("human_agent", lang: lang, fallback: fallback)
    }

    /// A seeded choice among the intent's variants for the language, with slots filled.
    private func render(_ intent: String, lang: Language, fallback: String) -> (String, Int?) {
        guard let def = intents.intent(named: intent) else { return (fallback, nil) }
        let variants = def.responses[lang] ?? def.responses.values.first ?? []
        guard !variants.isEmpty else { return (fallback, nil) }
        let i = Int(rng.next() % UInt64(variants.count))
        return (ResponseTemplate.render(variants[i], slots: state.slots), i)
    }

    private func fallbackText(_ lang: Language) -> String {
        lang == .zh ? "抱歉，这个问题我暂时回答不了，可以换个说法，或输入“人工”转接客服。"
                    : "Sorry, I can't help with that. Could you rephrase, or type \"agent\" to talk to a person?"
    }

    /// The message's language; one without letters (a bare order number) keeps the conversation's.
    private func replyLanguage(_ text: String) -> Language {
        if let forcedLanguage { return forcedLanguage }
        let hasLetters = text.unicodeScalars.contains { $0.properties.isAlphabetic && !("0"..."9").contains($0) }
        if !hasLetters, let l = state.language { return l }
        let asciiLetters = text.unicodeScalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }.count
        if Language.of(text) == .en, let l = state.language, l == .zh, asciiLetters <= 2 { return .zh }
        return Language.of(text)
    }
}
