import Foundation
import UseePay

/// How one money move ended, for a front end that sends it and waits (the scripts).
public enum MoneyMoveOutcome: Sendable {
    /// The journal could not record the attempt, so nothing was sent.
    case notSent(journalProblem: String)
    case done(ConsoleObject)
    /// The server answered no; nothing changed.
    case refused(any Error)
    /// The answer was lost; reading back showed the move happened.
    case checkedHappened(ConsoleObject, lostAnswer: String)
    /// The answer was lost; reading back showed it did not happen (safe to try again).
    case checkedNotHappened(ConsoleObject?, lostAnswer: String)
    /// The answer was lost and reading back failed too: it may have happened.
    case unclear(lostAnswer: String, checkProblem: String)
}

/// Sends one prepared move the way the scripts do: journal first (no journal line, no request),
/// send, journal the answer; when the answer is lost, read back (a few tries, never resending) and
/// journal what that found. The console takes the same steps as effects its reducer returns.
public struct MoneyMoveRun: Sendable {
    public var mover: MoneyMover
    public var journal: any ActionJournal
    public var mode: ConsoleMode
    public var settleAttempts = 3
    public var settleBackoff: Duration = .milliseconds(500)
    public var now: @Sendable () -> Date = { Date() }

    public init(mover: MoneyMover, journal: any ActionJournal, mode: ConsoleMode) {
        self.mover = mover
        self.journal = journal
        self.mode = mode
    }

    public func run(_ request: ActionRequest) async -> MoneyMoveOutcome {
        do {
            try await journal.append(.sending(request, at: now(), mode: mode))
        } catch {
            return .notSent(journalProblem: "\(error)")
        }
        let lost: UseePayError
        do {
            let object = try await mover.perform(request)
            await record(.answered(request, .success(object), at: now(), mode: mode))
            return .done(object)
        } catch let error as UseePayError where error.outcomeUnclear {
            await record(.answered(request, .failure(ConsoleFailure(error)), at: now(), mode: mode))
            lost = error
        } catch {
            await record(.answered(request, .failure(ConsoleFailure(error)), at: now(), mode: mode))
            return .refused(error)
        }
        let lostAnswer = lost.transportFailure?.description ?? "no response"
        var problem = ""
        for attempt in 1...max(1, settleAttempts) {
            do {
                let finding = try await mover.settle(request)
                switch finding {
                case .happened(let object):
                    await record(.settled(request, finding, detail: MoneyMoveReport.done(request, object), at: now(), mode: mode))
                    return .checkedHappened(object, lostAnswer: lostAnswer)
                case .didNotHappen(let object):
                    await record(.settled(request, finding, detail: MoneyMoveReport.notHappened(request, object), at: now(), mode: mode))
                    return .checkedNotHappened(object, lostAnswer: lostAnswer)
                }
            } catch {
                problem = "\(error)"
                if attempt < settleAttempts { try? await Task.sleep(for: settleBackoff * attempt) }
            }
        }
        return .unclear(lostAnswer: lostAnswer, checkProblem: problem)
    }

    private func record(_ entry: JournalEntry) async {
        // The request already went out: a journal write failure must not hide its result from the merchant.
        try? await journal.append(entry)
    }
}
