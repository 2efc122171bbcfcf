import ConsoleCore
import Foundation
import TerminalUI
import UseePay

/// Sends a prepared move with ConsoleCore's `MoneyMoveRun` (journal, send, settle a lost answer by
/// reading back, never resending) and words the outcome for a script: a result line and an exit status.
struct ActionExecutor: Sendable {
    let run: MoneyMoveRun

    func execute(_ move: PreparedMove, doneWord: String) async -> ActionOutcome {
        let request = move.request
        func outcome(_ status: ExitStatus, _ word: String, _ message: String, raw: JSONValue? = nil) -> ActionOutcome {
            ActionOutcome(objectId: request.objectId, status: status, word: word, message: TerminalText.sanitize(message), raw: raw)
        }
        switch await run.run(request) {
        case .notSent(let problem):
            // Without a journal line there is no evidence to settle from after a crash: nothing was sent.
            return outcome(.configuration, "not sent", "not sent, the action journal could not be written: \(problem)")
        case .done(let object):
            return outcome(.success, doneWord, MoneyMoveReport.done(request, object), raw: object.raw)
        case .refused(let error):
            let failure = FailureClassifier.failure(error)
            return outcome(failure.status, "refused", failure.message)
        case .checkedHappened(let object, let lostAnswer):
            return outcome(.success, doneWord, MoneyMoveReport.done(request, object)
                + " (the answer was lost — \(lostAnswer) — so it was checked afterwards: it went through)", raw: object.raw)
        case .checkedNotHappened(let object, let lostAnswer):
            return outcome(.networkUnreachable, "not done", "no answer came back (\(lostAnswer)); checked afterwards: "
                + "it did NOT happen (\(MoneyMoveReport.notHappened(request, object))). Safe to try again.")
        case .unclear(_, let checkProblem):
            return outcome(.outcomeUnclear, "unclear",
                           "OUTCOME UNCLEAR: the \(request.action.verb.lowercased()) was sent but no answer came back, and checking failed "
                + "(\(checkProblem)). It may have happened. Check with `useepay payments show \(request.objectId)` before retrying; "
                + "request id \(request.consoleRequestId) is in the action journal.")
        }
    }
}
