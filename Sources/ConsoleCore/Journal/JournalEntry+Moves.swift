import Foundation

/// Which entry each step of a money move writes, once for the console (as effects its reducer returns)
/// and the scripts (`MoneyMoveRun`).
extension JournalEntry {
    /// Written, and on disk, before the request leaves: a crash mid-flight leaves evidence to settle from.
    public static func sending(_ request: ActionRequest, at time: Date, mode: ConsoleMode) -> JournalEntry {
        JournalEntry(request: request, phase: .sending, recordedAt: time, mode: mode)
    }

    /// The answer to the request: succeeded, refused (failed), or lost (unclear: to be settled).
    public static func answered(_ request: ActionRequest, _ result: Result<ConsoleObject, ConsoleFailure>,
                                at time: Date, mode: ConsoleMode) -> JournalEntry {
        switch result {
        case .success(let object):
            return JournalEntry(request: request, phase: .succeeded, recordedAt: time, mode: mode, detail: MoneyMoveReport.done(request, object))
        case .failure(let failure):
            return JournalEntry(request: request, phase: failure.outcomeUnclear ? .unclear : .failed, recordedAt: time, mode: mode,
                                detail: failure.message)
        }
    }

    /// What checking afterwards found.
    public static func settled(_ request: ActionRequest, _ finding: SettleFinding, detail: String,
                               at time: Date, mode: ConsoleMode) -> JournalEntry {
        let phase: Phase
        switch finding {
        case .happened: phase = .settledHappened
        case .didNotHappen: phase = .settledNotHappened
        }
        return JournalEntry(request: request, phase: phase, recordedAt: time, mode: mode, detail: detail)
    }
}
