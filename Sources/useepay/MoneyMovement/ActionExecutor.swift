import ConsoleCore
import Foundation
import TerminalUI
import UseePay

/// Sends a prepared action through the journal, and settles an unclear outcome the way the console does:
/// never resend, read back instead (capture/cancel → retrieve the object; refund → find it by console_request_id).
struct ActionExecutor: Sendable {
    let journal: any ActionJournal
    let mode: ConsoleMode
    var settleAttempts = 3
    var settleBackoff: Duration = .milliseconds(500)

    func execute(_ action: PreparedAction, doneWord: String) async -> ActionOutcome {
        let request = action.request
        do {
            try await journal.append(JournalEntry(request: request, phase: .sending, recordedAt: Date(), mode: mode))
        } catch {
            // Without a journal line there is no evidence to settle from after a crash: do not send.
            return ActionOutcome(objectId: request.objectId, status: .configuration, word: "not sent",
                                 message: "not sent, the action journal could not be written: \(error)")
        }
        do {
            let result = try await action.perform()
            await record(request, .succeeded, detail: result.summary)
            return ActionOutcome(objectId: request.objectId, status: .success, word: doneWord, message: result.summary, raw: result.raw)
        } catch let error as UseePayError where error.outcomeUnclear {
            await record(request, .unclear, detail: TerminalText.sanitize(error.description))
            return await settle(action, after: error, doneWord: doneWord)
        } catch {
            let failure = FailureClassifier.failure(error)
            await record(request, .failed, detail: failure.message)
            return ActionOutcome(objectId: request.objectId, status: failure.status, word: "refused", message: failure.message)
        }
    }

    private func settle(_ action: PreparedAction, after error: UseePayError, doneWord: String) async -> ActionOutcome {
        let request = action.request
        var lastProblem = ""
        for attempt in 1...max(1, settleAttempts) {
            do {
                switch try await action.settle() {
                case .happened(let result):
                    await record(request, .settledHappened, detail: result.summary)
                    return ActionOutcome(
                        objectId: request.objectId, status: .success, word: doneWord,
                        message: "\(result.summary) (the answer was lost — \(error.transportFailure?.description ?? "no response") — "
                            + "so it was checked afterwards: it went through)",
                        raw: result.raw)
                case .notHappened(let state):
                    await record(request, .settledNotHappened, detail: state)
                    return ActionOutcome(
                        objectId: request.objectId, status: .networkUnreachable, word: "not done",
                        message: "no answer came back (\(error.transportFailure?.description ?? "no response")); checked afterwards: "
                            + "it did NOT happen (\(state)). Safe to try again.")
                }
            } catch {
                lastProblem = TerminalText.sanitize("\(error)")
                if attempt < settleAttempts { try? await Task.sleep(for: settleBackoff * attempt) }
            }
        }
        return ActionOutcome(
            objectId: request.objectId, status: .outcomeUnclear, word: "unclear",
            message: "OUTCOME UNCLEAR: the \(request.action.verb.lowercased()) was sent but no answer came back, and checking failed "
                + "(\(lastProblem)). It may have happened. Check with `useepay payments show \(request.objectId)` before retrying; "
                + "request id \(request.consoleRequestId) is in the action journal.")
    }

    private func record(_ request: ActionRequest, _ phase: JournalEntry.Phase, detail: String?) async {
        // The request already went out; a journal write failure must not hide its result from the merchant.
        try? await journal.append(JournalEntry(request: request, phase: phase, recordedAt: Date(), mode: mode, detail: detail))
    }
}
