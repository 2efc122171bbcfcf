import Foundation
import UseePay

extension Reducer {
    /// A journal write finished. The `.sending` line is the permission to send: without it nothing goes out,
    /// because a crash mid-flight would leave no evidence to settle from.
    static func journaled(_ state: inout ConsoleState, _ entry: JournalEntry, problem: String?) -> [ConsoleEffect] {
        let request = entry.request
        guard entry.phase == .sending else {
            if let problem { state.flash = Flash("Journal write failed: \(problem)", .error) }
            return []
        }
        guard state.pending[request.objectId]?.request == request else { return [] }
        if let problem {
            state.pending[request.objectId] = nil
            state.flash = Flash("Not sent: \(request.summary). The action journal could not record it: \(problem)", .error)
            return []
        }
        return [.send(request)]
    }

    static func sent(_ state: inout ConsoleState, _ request: ActionRequest, _ outcome: Result<ConsoleObject, ConsoleFailure>) -> [ConsoleEffect] {
        let journal = ConsoleEffect.journal(.answered(request, outcome, at: state.now, mode: state.mode))
        switch outcome {
        case .success(let object):
            state.pending[request.objectId] = nil
            store(&state, object)
            state.flash = Flash(MoneyMoveReport.done(request, object), .success)
            if request.action == .refund { return [journal, .retrieve(ObjectRef(.payment, request.objectId))] }
            return [journal]
        case .failure(let failure) where failure.outcomeUnclear:
            state.pending[request.objectId] = PendingAction(request: request, phase: .checking)
            state.flash = Flash("No answer for \(request.summary); checking what happened (not resent)", .error)
            return [journal, .settle(request)]
        case .failure(let failure):
            state.pending[request.objectId] = nil
            state.flash = Flash("\(request.action.verb) of \(request.objectId) failed: \(failure.description)", .error)
            return [journal]
        }
    }

    static func settled(_ state: inout ConsoleState, _ request: ActionRequest, _ outcome: Result<SettleFinding, ConsoleFailure>) -> [ConsoleEffect] {
        switch outcome {
        case .success(.happened(let object)):
            state.pending[request.objectId] = nil
            store(&state, object)
            let text = "Checked: \(request.summary) did happen. " + MoneyMoveReport.done(request, object)
            state.flash = Flash(text, .success)
            var effects: [ConsoleEffect] = [.journal(.settled(request, .happened(object), detail: text, at: state.now, mode: state.mode))]
            if request.action == .refund { effects.append(.retrieve(ObjectRef(.payment, request.objectId))) }
            return effects
        case .success(.didNotHappen(let object)):
            state.pending[request.objectId] = nil
            if let object { store(&state, object) }
            let key = state.keymap.bindings.first { $0.command == request.action.command }?.key.description ?? "the action key"
            let text = "Checked: \(request.summary) did NOT happen; nothing changed. Press \(key) to try again."
            state.flash = Flash(text, .error)
            return [.journal(.settled(request, .didNotHappen(object), detail: text, at: state.now, mode: state.mode))]
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
