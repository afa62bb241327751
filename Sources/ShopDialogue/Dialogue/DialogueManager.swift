import Foundation
import ShopNeural
import ShopCore

/// The assistant's turn logic: classifies a message, resolves it against the conversation
/// (a pending question, a follow-up, a clarification), fills and validates slots, confirms a
/// remembered order before acting on it, escalates angry messages to a human and renders a
/// seeded response variant in the message's language.
public final class DialogueManager {
    public private(set) var intents: IntentSet
    public private(set) var classifier: IntentClassifying
    public var urgency: UrgencyScoring
    public private(set) var state = DialogueState()
    /// Out-of-scope messages in a row that hand the conversation to a human.
    public var handoffAfterFailures = 3
    /// Urgency at or above which any message (whatever its intent) goes to a human.
    public var escalationThreshold: Float = DialogueManager.defaultEscalationThreshold
    /// The escalation level the complaint sets are measured at (`Intents/eval/complaints*.tsv`).
    public static let defaultEscalationThreshold: Float = 0.5
    /// Messages classified below this confidence may be read as answers/follow-ups instead,
    /// and get "did you mean A or B?" when they are not.
    public var followUpConfidence: Float = 0.6
    /// Lower bound of the clarification band: below it (or when rejected with no in-scope
    /// intent this likely) the message is out of scope.
    public var clarifyConfidence: Float = 0.3
    /// A rejected message still goes to a runner-up intent with at least this probability
    /// when it carries an entity for that intent's required slot.
    public var entityEvidenceFloor: Float = 0.15
    /// Wrong-shaped answers re-asked before a person is offered.
    public var maxReasks = 2
    /// Forces the reply language (`/lang`); nil = the message's language.
    public var forcedLanguage: Language?
    public var followUps = FollowUpDetector()
    public var yesNo = YesNoDetector()
    public var messages = DialogueMessages()
    private let seed: UInt64
    private var rng: SplitMix64

    public init(intents: IntentSet, classifier: IntentClassifying, urgency: UrgencyScoring = LexiconUrgency(), seed: UInt64 = 7) {
        self.intents = intents
        self.classifier = classifier
        self.urgency = urgency
        self.seed = seed
        self.rng = SplitMix64(seed: seed)
    }

    /// Forgets the conversation (including a hand-off) and restarts the variant sequence (so replays reproduce).
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

    /// Staff correction (`/correct`): what the last turn should have been is not replayed, but
    /// the conversation continues as if `intent` had been understood (pending questions dropped).
    public func forget(pendingOf intent: String) {
        state.pendingConfirmation = nil
        state.pendingChoices = nil
        if state.pendingIntent == intent { state.pendingIntent = nil; state.pendingSlot = nil }
    }

    public func respond(_ message: String) -> DialogueTurn {
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        let lang = replyLanguage(text)
        let allEntities = intents.entities.extract(text)
        // near misses (`order_number_like`) never fill slots; they only explain a re-ask
        let entities = allEntities.filter { !$0.type.hasSuffix("_like") }
        let prediction = classifier.classify(text)
        let negativity = urgency.negativity(text)
        state.turns += 1
        state.language = lang
        let held = state.heldAtTurn == state.turns - 1 ? state.heldEntities : []
        state.heldEntities = []

        var turn = DialogueTurn(message: text, language: lang, prediction: prediction,
                                intent: prediction.rejected ? outOfScopeLabel : prediction.intent,
                                resolution: "classifier", entities: entities, slots: [:], askedSlot: nil,
                                handoff: false, urgency: negativity, escalated: false, reply: "", variant: nil)

        // a person has the conversation: say so, do nothing else
        if state.handedOff {
            turn.intent = "human_agent"
            turn.resolution = "handed off"
            turn.afterHandoff = true
            turn.reply = messages.handedOff(lang)
            turn.slots = state.slots
            return turn
        }
        // an angry message reaches a person whatever it asks (out of scope included)
        if negativity >= escalationThreshold {
            turn.resolution = "escalation"
            turn.escalated = true
            clearPending()
            handOff(&turn, lang: lang)
            turn.slots = state.slots
            return turn
        }
        if let t = answerToConfirmation(text, entities: entities, turn: turn, lang: lang) { return t }
        if let t = answerToChoice(text, prediction: prediction, entities: entities, turn: turn, lang: lang) { return t }
        if let t = validatePendingSlot(text, prediction: prediction, entities: entities, all: allEntities, turn: turn, lang: lang) { return t }

        var (intentName, resolution, forgetSlot) = resolve(text, prediction: prediction, entities: entities)
        turn.intent = intentName
        turn.resolution = resolution

        // an order number we cannot read is said so, never replaced by a remembered one
        if let t = unreadableEntity(intent: intentName, all: allEntities, entities: entities, turn: turn, lang: lang) { return t }

        // a bare entity as an opening message: ask what to do with it
        if state.pendingIntent == nil, state.lastIntent == nil, let e = entities.first(where: identifies), isBare(text, entities),
           resolution == "classifier" || resolution == "entity evidence",
           intentName == outOfScopeLabel || prediction.confidence < followUpConfidence || resolution == "entity evidence" {
            state.heldEntities = entities
            state.heldAtTurn = state.turns
            turn.intent = clarifyLabel
            turn.resolution = "bare entity"
            turn.reply = messages.bareEntity(type: e.type, value: e.value, lang)
            turn.slots = state.slots
            return turn
        }

        // low confidence between the bands: "did you mean A or B?" — unless the message carries
        // what the best intent needs (an order number for order_status); an acting intent so
        // supported is still confirmed before it acts
        if resolution == "classifier", !prediction.rejected, prediction.confidence < followUpConfidence,
           let def = intents.intent(named: intentName),
           def.requiredSlots.contains(where: { s in entities.contains { $0.type == s.entity } }) {
            if def.acts { resolution = "entity evidence" }
        } else if resolution == "classifier", let t = clarification(prediction, turn: turn, lang: lang) {
            return t
        }

        guard intentName != outOfScopeLabel, let def = intents.intent(named: intentName) else {
            state.consecutiveFailures += 1
            turn.intent = outOfScopeLabel
            if state.consecutiveFailures >= handoffAfterFailures {
                handOff(&turn, lang: lang)
            } else {
                (turn.reply, turn.variant) = render(outOfScopeLabel, lang: lang, fallback: messages.fallback(lang))
            }
            turn.slots = state.slots
            return turn
        }
        state.consecutiveFailures = 0
        intentName = def.name
        return act(def, resolution: resolution, entities: entities, held: held, forget: forgetSlot, turn: turn, lang: lang)
    }

    /// Fills the intent's slots, asks for what is missing, confirms a remembered order for an
    /// acting intent, then answers (or hands off).
    private func act(_ def: IntentDefinition, resolution: String, entities: [Entity], held: [Entity], forget: String?,
                     turn inTurn: DialogueTurn, lang: Language, confirmed: Bool = false) -> DialogueTurn {
        var turn = inTurn
        turn.intent = def.name
        turn.resolution = resolution
        let continuing = resolution == "pending slot" && state.pendingIntent == def.name
        if let forget { state.slots[forget] = nil }
        var stated = Set<String>()
        for slot in def.slots {
            if let e = entities.first(where: { $0.type == slot.entity }) ?? held.first(where: { $0.type == slot.entity }) {
                state.slots[slot.name] = e.value
                stated.insert(slot.name)
            }
        }
        if let missing = def.requiredSlots.first(where: { state.slots[$0.name] == nil }) {
            return ask(missing, of: def, turn: turn, lang: lang)
        }
        // an acting intent on a value the customer did not give for this request: confirm first
        let inferredIntent = resolution == "follow-up" || resolution == "entity evidence"
        if def.acts, !confirmed, !continuing,
           let slot = def.requiredSlots.first(where: { !stated.contains($0.name) || inferredIntent }),
           let value = state.slots[slot.name] {
            state.pendingConfirmation = .slot(intent: def.name, slot: slot.name, value: value)
            state.pendingIntent = nil
            state.pendingSlot = nil
            turn.confirming = slot.name
            turn.reply = messages.confirm(value: value, action: def.title(lang), lang)
            turn.slots = state.slots
            return turn
        }
        state.pendingIntent = nil
        state.pendingSlot = nil
        state.slotAttempts = 0
        state.lastIntent = def.name

        if def.handoff == .always {
            handOff(&turn, lang: lang)
            turn.intent = def.name
            turn.slots = state.slots
            return turn
        }
        (turn.reply, turn.variant) = render(def.name, lang: lang, fallback: messages.fallback(lang))
        // a variant that asks for an optional slot (the new address) waits for it
        if let v = turn.variant, (def.responseConditions[lang]?[v] ?? nil) == nil,
           let wanted = (def.responseConditions[lang] ?? []).compactMap({ $0 }).first(where: { state.slots[$0] == nil }) {
            state.pendingIntent = def.name
            state.pendingSlot = wanted
        }
        turn.slots = state.slots
        return turn
    }

    private func ask(_ slot: SlotDefinition, of def: IntentDefinition, turn inTurn: DialogueTurn, lang: Language) -> DialogueTurn {
        var turn = inTurn
        if state.pendingIntent != def.name || state.pendingSlot != slot.name { state.slotAttempts = 0 }
        state.pendingIntent = def.name
        state.pendingSlot = slot.name
        turn.intent = def.name
        turn.askedSlot = slot.name
        turn.reply = prompt(slot, lang)
        turn.slots = state.slots
        return turn
    }

    private func prompt(_ slot: SlotDefinition, _ lang: Language) -> String {
        slot.prompts[lang] ?? slot.prompts.values.first ?? slot.name
    }

    private func clearPending() {
        state.pendingConfirmation = nil
        state.pendingChoices = nil
        state.pendingIntent = nil
        state.pendingSlot = nil
        state.slotAttempts = 0
    }

    // MARK: answers to the assistant's own questions

    /// "Order X — is that the one?" / "shall I get a person?": yes acts, no asks again, a new
    /// order number is taken as stated, anything else is a new request.
    private func answerToConfirmation(_ text: String, entities: [Entity], turn inTurn: DialogueTurn, lang: Language) -> DialogueTurn? {
        guard let pending = state.pendingConfirmation else { return nil }
        state.pendingConfirmation = nil
        var turn = inTurn
        let answer = yesNo.read(text)
        switch pending {
        case .handoff:
            if answer == true {
                turn.resolution = "confirmed"
                handOff(&turn, lang: lang)
                turn.intent = "human_agent"
                turn.slots = state.slots
                return turn
            }
            if answer == false {
                turn.intent = state.pendingIntent ?? clarifyLabel
                turn.resolution = "declined"
                turn.reply = messages.noHandoff(lang)
                clearPending()
                turn.slots = state.slots
                return turn
            }
            return nil
        case .slot(let intent, let slotName, _):
            guard let def = intents.intent(named: intent), let slot = def.slots.first(where: { $0.name == slotName }) else { return nil }
            if let e = entities.first(where: { $0.type == slot.entity }) {
                state.slots[slotName] = e.value
                return act(def, resolution: "confirmed", entities: entities, held: [], forget: nil, turn: turn, lang: lang, confirmed: true)
            }
            if answer == true {
                return act(def, resolution: "confirmed", entities: [], held: [], forget: nil, turn: turn, lang: lang, confirmed: true)
            }
            if answer == false {
                state.slots[slotName] = nil
                var t = ask(slot, of: def, turn: turn, lang: lang)
                t.resolution = "declined"
                t.reply = messages.declined(prompt(slot, lang), lang)
                return t
            }
            return nil
        }
    }

    /// The answer to "did you mean A or B?": 1/2, A/B, first/second, a title, or a message the
    /// classifier puts on one of the two.
    private func answerToChoice(_ text: String, prediction: IntentPrediction, entities: [Entity], turn: DialogueTurn, lang: Language) -> DialogueTurn? {
        guard let choices = state.pendingChoices, choices.count >= 2 else { return nil }
        state.pendingChoices = nil
        let t = text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        var picked: String?
        let first = ["1", "a", "first", "the first", "the first one", "第一个", "第一", "前者", "前面那个"]
        let second = ["2", "b", "second", "the second", "the second one", "第二个", "第二", "后者", "后面那个"]
        if first.contains(t) { picked = choices[0] } else if second.contains(t) { picked = choices[1] }
        if picked == nil {
            for c in choices {
                guard let def = intents.intent(named: c) else { continue }
                let titles = def.titles.values.map { $0.lowercased() } + [c.replacingOccurrences(of: "_", with: " ")]
                if titles.contains(where: { t.contains($0) || (t.count >= 2 && $0.contains(t)) }) { picked = c; break }
            }
        }
        if picked == nil, choices.contains(prediction.intent), !prediction.rejected || prediction.confidence >= clarifyConfidence {
            picked = prediction.intent
        }
        guard let name = picked, let def = intents.intent(named: name) else { return nil }
        state.consecutiveFailures = 0
        return act(def, resolution: "clarified", entities: entities, held: [], forget: nil, turn: turn, lang: lang)
    }

    /// A pending slot question answered with something of the wrong shape is asked again (at
    /// most `maxReasks` times, then a person is offered) unless the message is clearly a new request.
    private func validatePendingSlot(_ text: String, prediction: IntentPrediction, entities: [Entity], all: [Entity],
                                     turn inTurn: DialogueTurn, lang: Language) -> DialogueTurn? {
        guard let pending = state.pendingIntent, let slotName = state.pendingSlot,
              let def = intents.intent(named: pending), let slot = def.slots.first(where: { $0.name == slotName }),
              !entities.contains(where: { $0.type == slot.entity }) else { return nil }
        let confident = !prediction.rejected && prediction.confidence >= followUpConfidence
        if !slot.required {
            // an optional question ("the new address?") is simply dropped by a new request
            state.pendingIntent = nil
            state.pendingSlot = nil
            return nil
        }
        let newRequest = confident && prediction.intent != pending
        let followUp = followUps.analyse(text).isFollowUp
        let like = all.first(where: { $0.type == slot.entity + "_like" })
        if newRequest || (followUp && like == nil) { return nil }
        var turn = inTurn
        turn.intent = pending
        state.slotAttempts += 1
        if state.slotAttempts > maxReasks {
            state.slotAttempts = 0
            state.pendingConfirmation = .handoff
            turn.resolution = "re-ask"
            turn.askedSlot = slotName
            turn.reply = messages.offerHuman(lang)
            turn.slots = state.slots
            return turn
        }
        turn.resolution = like == nil ? "re-ask" : "unreadable entity"
        turn.askedSlot = slotName
        if let like {
            turn.reply = messages.unreadable(like.text, example: example(of: slot.entity), lang)
        } else {
            turn.reply = messages.invalid(entity: slot.entity, seen: entities.first?.type, prompt: prompt(slot, lang), lang)
        }
        turn.slots = state.slots
        return turn
    }

    /// "订单号 2024-0518-1234 到哪了": an order-like string that does not parse, with no real
    /// order number next to it, is answered as such and the order number asked for again.
    private func unreadableEntity(intent: String, all: [Entity], entities: [Entity], turn inTurn: DialogueTurn, lang: Language) -> DialogueTurn? {
        guard let like = all.first(where: { $0.type.hasSuffix("_like") }) else { return nil }
        let base = String(like.type.dropLast("_like".count))
        guard !entities.contains(where: { $0.type == base }) else { return nil }
        var turn = inTurn
        let def = intents.intent(named: intent)
        let pendingDef = state.pendingIntent.flatMap { intents.intent(named: $0) }
        let target = [def, pendingDef].compactMap { $0 }.first { $0.slots.contains { $0.entity == base } }
        if def != nil, target == nil, intent != outOfScopeLabel { return nil } // about something else
        turn.resolution = "unreadable entity"
        turn.reply = messages.unreadable(like.text, example: example(of: base), lang)
        if let target, let slot = target.slots.first(where: { $0.entity == base }) {
            turn.intent = target.name
            state.pendingIntent = target.name
            state.pendingSlot = slot.name
            turn.askedSlot = slot.name
        } else {
            turn.intent = clarifyLabel
        }
        turn.slots = state.slots
        return turn
    }

    /// A well-formed value of an entity for messages: its first `<sample>` value.
    private func example(of entity: String) -> String {
        intents.entities.definitions.first { $0.name == entity }?.samples.first { $0.value != nil }?.value ?? ""
    }

    /// Below the acceptance confidence but with two plausible in-scope intents: ask which.
    private func clarification(_ p: IntentPrediction, turn inTurn: DialogueTurn, lang: Language) -> DialogueTurn? {
        let inScope = p.alternatives.filter { $0.intent != outOfScopeLabel && intents.intent(named: $0.intent) != nil }
        // the out-of-scope class itself winning is a clear "no", not a doubt between two intents
        let oos = p.alternatives.first { $0.intent == outOfScopeLabel }?.probability ?? 0
        guard inScope.count >= 2, let top = inScope.first, top.probability >= clarifyConfidence, top.probability > oos,
              top.probability < followUpConfidence || p.rejected else { return nil }
        var turn = inTurn
        let two = Array(inScope.prefix(2))
        turn.choices = two.map { DialogueChoice(intent: $0.intent, title: intents.intent(named: $0.intent)!.title(lang), probability: $0.probability) }
        state.pendingChoices = two.map(\.intent)
        turn.intent = clarifyLabel
        turn.resolution = "clarification"
        turn.reply = messages.didYouMean(turn.choices[0].title, turn.choices[1].title, lang)
        turn.slots = state.slots
        return turn
    }

    // MARK: resolution

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

    /// An entity that some intent needs as a required slot (an order number): alone in a
    /// message it is something to act on; a date or a colour alone is not.
    private func identifies(_ e: Entity) -> Bool {
        intents.intents.contains { $0.requiredSlots.contains { $0.entity == e.type } }
    }

    /// Only entities and words naming them ("SO123456789", "订单号：2024…", "my order number is …").
    private func isBare(_ text: String, _ entities: [Entity]) -> Bool {
        var rest = textWithoutEntities(text, entities).lowercased()
        for w in ["order number", "order no", "order", "number", "my", "it's", "it is", "is", "here", "订单号", "订单", "单号", "我的", "是", "号"] {
            rest = rest.replacingOccurrences(of: w, with: "")
        }
        return rest.unicodeScalars.filter { $0.properties.isAlphabetic }.count <= 1
    }

    /// True when little besides the entities is left ("2024…", "order number SO123456789",
    /// "订单号是2024…"): such a message answers a prompt rather than asking something new.
    private func isMostlyEntities(_ text: String, _ entities: [Entity]) -> Bool {
        guard !entities.isEmpty else { return false }
        let rest = textWithoutEntities(text, entities)
        let latin = rest.unicodeScalars.filter { $0.properties.isAlphabetic && !Han.isCJK($0) }.count
        let cjk = rest.unicodeScalars.filter { Han.isCJK($0) }.count
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
        (turn.reply, turn.variant) = render("human_agent", lang: lang, fallback: messages.transferring(lang))
    }

    /// A seeded choice among the intent's usable variants for the language, with slots filled:
    /// a `when="slot"` variant once that slot is filled, the others while it is empty.
    private func render(_ intent: String, lang: Language, fallback: String) -> (String, Int?) {
        guard let def = intents.intent(named: intent) else { return (fallback, nil) }
        let l = def.responses[lang] != nil ? lang : (def.responses.keys.first ?? lang)
        let variants = def.responses[l] ?? []
        let conditions = def.responseConditions[l] ?? Array(repeating: nil, count: variants.count)
        let filled = conditions.compactMap { $0 }.filter { state.slots[$0] != nil }
        let usable = variants.indices.filter { i in
            let c = i < conditions.count ? conditions[i] : nil
            if let c { return state.slots[c] != nil }
            // with a `when` slot filled, only the variants that use it
            return filled.isEmpty
        }
        guard !usable.isEmpty else { return (fallback, nil) }
        let i = usable[Int(rng.next() % UInt64(usable.count))]
        return (ResponseTemplate.render(variants[i], slots: state.slots), i)
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
