import ConsoleCore
import Foundation
import UseePay

/// What a money-moving command learned about the result of its request.
struct ActionResult: Sendable {
    /// "captured 12.50 USD, now succeeded"
    var summary: String
    var raw: JSONValue?
}

/// The answer to "did the change happen?" after the answer to the request was lost.
enum SettledOutcome: Sendable {
    case happened(ActionResult)
    case notHappened(String)
}

/// A money-moving request, fixed before confirmation: the id, amount and currency it names are the ones sent.
struct PreparedAction: Sendable {
    var request: ActionRequest
    /// Title of the confirmation, e.g. "Capture payment".
    var title: String
    /// Field/value lines of the confirmation (id, amount, currency, customer, mode).
    var details: [(String, String)]
    var perform: @Sendable () async throws -> ActionResult
    /// Finds out whether the change happened, by reading the object back (or the refund by its request id).
    var settle: @Sendable () async throws -> SettledOutcome
}

/// The outcome of one action, as printed and as it counts for the exit status.
struct ActionOutcome: Sendable {
    var objectId: String
    var status: ExitStatus
    /// "captured", "refused", "unclear", …
    var word: String
    var message: String
    var raw: JSONValue?
}
