import ConsoleCore
import Foundation
import TerminalUI
import UseePay

/// The scripts' front end to preparing a money move: ConsoleCore reads the object (`MoneyMover`) and
/// applies the rules the console applies (`MoneyMoveRules`); this maps a refusal to an exit status.
/// Refusals happen before anything is sent.
struct ActionPreparation: Sendable {
    let mover: MoneyMover
    let mode: ConsoleMode

    /// Reads the object, checks the move and fixes its request (a new move needs no more than a call to this).
    func prepare(_ action: MoneyAction, id: String, amountText: String? = nil, reason: String? = nil,
                         atPeriodEnd: Bool = false) async throws -> PreparedMove {
        let subject: MoneyMoveSubject
        do {
            subject = try await mover.subject(action, id: id)
        } catch {
            throw FailureClassifier.failure(error)
        }
        let prepared = MoneyMoveRules.prepare(action, subject: subject, amountText: amountText, reason: reason, atPeriodEnd: atPeriodEnd,
                                              mode: mode, consoleRequestId: UUID().uuidString.lowercased())
        switch prepared {
        case .success(let move):
            return move
        case .failure(let refusal):
            // The refusal quotes the object's status and the typed amount: hostile text must not reach the terminal.
            throw CommandFailure(refusal.kind == .badAmount ? .usage : .apiRefused, TerminalText.sanitize(refusal.description))
        }
    }
}
