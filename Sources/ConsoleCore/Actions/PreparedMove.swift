import Foundation
import UseePay

/// A money move fixed before confirmation: the id, amount and currency it names are the ones sent.
public struct PreparedMove: Sendable {
    public var request: ActionRequest
    public var subject: MoneyMoveSubject
    /// What the confirmation names (object, customer, amount, mode), then the choices made.
    public var confirmation: [ConfirmationLine]

    public var title: String { request.action.verb }
}

extension MoneyMoveRules {
    /// Checks a freshly read object and fixes the request, for a front end that has nothing loaded
    /// (the scripts). The console applies the same rules to what it has loaded, in its dialog.
    /// - Parameter amountText: the amount typed; nil = all of it.
    public static func prepare(_ action: MoneyAction, subject: MoneyMoveSubject, amountText: String?, reason: String?,
                               atPeriodEnd: Bool, mode: ConsoleMode, consoleRequestId: String) -> Result<PreparedMove, MoneyMoveRefusal> {
        let object = subject.object
        if let refusal = refusal(action, on: object) { return .failure(refusal) }
        let maximum = maximumAmount(action, on: object, refunds: subject.refunds)
        if let refusal = checkSomethingLeft(action, paymentIntentId: object.ref.id, maximum: maximum) { return .failure(refusal) }
        let target = ActionTarget(object)
        var amount: Decimal?
        if let amountText {
            guard let currency = target.money?.currency else {
                return .failure(MoneyMoveRefusal(.notAllowed, "\(target.id) has no currency, so an amount cannot be checked", rule: "leave the amount out"))
            }
            switch checkAmount(amountText, for: action, currency: currency, maximum: maximum) {
            case .success(let money): amount = money.amount
            case .failure(let refusal): return .failure(refusal)
            }
        }
        let request = request(action, on: object, amount: amount, maximum: maximum, reason: reason, atPeriodEnd: atPeriodEnd,
                              consoleRequestId: consoleRequestId)
        return .success(PreparedMove(request: request, subject: subject,
                                     confirmation: confirmationLines(action, target: target, mode: mode) + choiceLines(request)))
    }
}
