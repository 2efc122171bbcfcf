import Foundation
import UseePay

/// The outcome of one action, as printed and as it counts for the exit status.
struct ActionOutcome: Sendable {
    var objectId: String
    var status: ExitStatus
    /// "captured", "refused", "unclear", …
    var word: String
    var message: String
    var raw: JSONValue?
}
