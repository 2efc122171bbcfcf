import Foundation
import UseePay

extension Reducer {
    static func sent(_ state: inout ConsoleState, _ request: ActionRequest, _ outcome: Result<ConsoleObject, ConsoleFailure>) -> [ConsoleEffect] {
        switch outcome {
        case .success(let object):
            state.pending[request.objectId] = nil
            store(&state, object)
            state.flash = Flash(successText(request, object), .success)
            if request.action == .refund { return [.retrieve(ObjectRef(.payment, request.objectId))] }
            return []
        case .failure(let failure) where failure.outcomeUnclear:
            state.pending[request.objectId] = PendingAction(request: request, phase: .checking)
            state.flash = Flash("No answer for \(request.summary); checking what happened (not resent)", .error)
            return [.settle(request)]
        case .failure(let failure):
            state.pending[request.objectId] = nil
            state.flash = Flash("\(request.action.verb) of \(request.objectId) failed: \(failure.description)", .error)
            return []
        }
    }

    /// Reports what the server says now, not what was asked for.
    static func successText(_ request: ActionRequest, _ object: ConsoleObject) -> String {
        switch object {
        case .payment(let p):
            switch request.action {
            case .capture:
                let amount = p.capturedMoney ?? p.money
                return "Captured \(amount?.formatted() ?? "") on \(p.id) — now \(p.status.rawValue)"
            default:
                return "Cancelled \(p.id) — now \(p.status.rawValue)"
            }
        case .refund(let r):
            return "Refund \(r.id) of \(r.money?.formatted() ?? "?") on \(r.paymentIntentId ?? request.objectId) — \(r.status.rawValue)"
        case .subscription(let s):
            if s.status == .cancelled { return "Subscription \(s.id) cancelled" }
            if s.cancelAtPeriodEnd == true { return "Subscription \(s.id) will cancel at period end" }
            return "Subscription \(s.id) — now \(s.status.rawValue)"
        case .customer(let c):
            return "\(request.action.verb) done on \(c.id)"
        }
    }

    static func settled(_ state: inout ConsoleState, _ request: ActionRequest, _ outcome: Result<SettleFinding, ConsoleFailure>) -> [ConsoleEffect] {
        switch outcome {
        case .success(.happened(let object)):
            state.pending[request.objectId] = nil
            store(&state, object)
            let text = "Checked: \(request.summary) did happen. " + successText(request, object)
            state.flash = Flash(text, .success)
            var effects: [ConsoleEffect] = [.journal(JournalEntry(request: request, phase: .settledHappened, recordedAt: state.now, mode: state.mode, detail: text))]
            if request.action == .refund { effects.append(.retrieve(ObjectRef(.payment, request.objectId))) }
            return effects
        case .success(.didNotHappen(let object)):
            state.pending[request.objectId] = nil
            if let object { store(&state, object) }
            let key = state.keymap.bindings.first { $0.command == request.action.command }?.key.description ?? "the action key"
            let text = "Checked: \(request.summary) did NOT happen; nothing changed. Press \(key) to try again."
            state.flash = Flash(text, .error)
            return [.journal(JournalEntry(request: request, phase: .settledNotHappened, recordedAt: state.now, mode: state.mode, detail: text))]
        case .failure(let failure):
            state.pending[request.objectId] = PendingAction(request: request, phase: .checkFailed(failure.message))
            state.flash = Flash("Could not check \(request.summary): \(failure.message). ctrl-r checks again", .error)
            return []
        }
    }

    /// Entries a previous run left unfinished: check each against the server and report.
    static func recover(_ state: inout ConsoleState, _ entries: [JournalEntry]) -> [ConsoleEffect] {
        guard !entries.isEmpty else { return [] }
        var effects: [ConsoleEffect] = []
        var otherMode = 0
        for entry in entries {
            guard entry.mode == state.mode else {
                otherMode += 1
                continue
            }
            state.pending[entry.request.objectId] = PendingAction(request: entry.request, phase: .checking)
            effects.append(.settle(entry.request))
        }
        var text = ""
        if !effects.isEmpty { text = "Checking \(effects.count) unfinished action(s) from an earlier session" }
        if otherMode > 0 {
            text += (text.isEmpty ? "" : "; ") + "\(otherMode) unfinished action(s) belong to the other mode and were not checked"
        }
        state.flash = Flash(text, otherMode > 0 ? .error : .info)
        return effects
    }
}
