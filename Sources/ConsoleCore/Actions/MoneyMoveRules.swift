import Foundation
import UseePay

/// Why a money move cannot go ahead. Found before anything is sent; the console shows `message` in its
/// flash or dialog, the scripts print it (with `rule`) and exit with the status `kind` maps to.
public struct MoneyMoveRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The object's status does not allow the move.
        case notAllowed
        /// The amount text is not an amount in the currency.
        case badAmount
        /// The amount is zero or more than the move allows.
        case amountOutOfBounds
    }

    public var kind: Kind
    public var message: String
    /// Which objects the move is for ("only payments awaiting capture … can be captured"), when not allowed.
    public var rule: String?

    public init(_ kind: Kind, _ message: String, rule: String? = nil) {
        self.kind = kind
        self.message = message
        self.rule = rule
    }

    public var description: String { rule.map { "\(message): \($0)" } ?? message }
}

/// The rules of the four money moves, written once for the console and the scripts: what an object's
/// status allows, the amount bounds, and the exact request a confirmed move sends.
public enum MoneyMoveRules {
    /// nil when `action` is possible on `object` now.
    public static func refusal(_ action: MoneyAction, on object: ConsoleObject) -> MoneyMoveRefusal? {
        guard !Capabilities.actions(for: object).contains(action) else { return nil }
        return MoneyMoveRefusal(.notAllowed, "\(action.verb) is not possible for \(object.ref.id) (\(stateText(object)))", rule: rule(action))
    }

    /// The status as the refusal names it, e.g. "canceled" or "active, cancels at period end".
    public static func stateText(_ object: ConsoleObject) -> String {
        switch object {
        case .payment(let p): return p.status.rawValue
        case .subscription(let s): return s.status.rawValue + (s.cancelAtPeriodEnd == true ? ", cancels at period end" : "")
        case .refund(let r): return r.status.rawValue
        case .customer: return "customer"
        case .billing(let b): return b.statusText
        }
    }

    static func rule(_ action: MoneyAction) -> String {
        switch action {
        case .capture: return "only payments awaiting capture (requires_capture) can be captured"
        case .cancelPayment: return "only payments not yet completed can be cancelled (a succeeded payment is refunded instead)"
        case .refund: return "only succeeded payments can be refunded"
        case .cancelSubscription: return "only subscriptions that are running and not already set to end can be cancelled"
        }
    }

    /// The most the move may change: the authorised amount for a capture, what is left for a refund
    /// (`refunds` are the payment's refunds read beforehand). nil when the move has no amount.
    public static func maximumAmount(_ action: MoneyAction, on object: ConsoleObject, refunds: [Refund] = []) -> Decimal? {
        guard case .payment(let payment) = object else { return nil }
        switch action {
        case .capture: return payment.amount
        case .refund: return Capabilities.refundable(payment, refunds: refunds)
        case .cancelPayment, .cancelSubscription: return nil
        }
    }

    /// A refund needs something left to refund; checked as soon as the payment's refunds are known.
    public static func checkSomethingLeft(_ action: MoneyAction, paymentIntentId: String, maximum: Decimal?) -> MoneyMoveRefusal? {
        guard action == .refund, let maximum, maximum <= 0 else { return nil }
        return MoneyMoveRefusal(.amountOutOfBounds, "Nothing left to refund on \(paymentIntentId)", rule: "it is already fully refunded")
    }

    /// Reads an amount the merchant typed and checks it against the bounds.
    public static func checkAmount(_ text: String, for action: MoneyAction, currency: CurrencyCode, maximum: Decimal?) -> Result<Money, MoneyMoveRefusal> {
        let money: Money
        do {
            money = try Money.parse(text, currency: currency)
        } catch {
            return .failure(MoneyMoveRefusal(.badAmount, "\"\(text)\" is not an amount in \(currency.code)",
                                             rule: "\(currency.code) has \(currency.minorUnitExponent) decimal places"))
        }
        guard money.amount > 0 else { return .failure(MoneyMoveRefusal(.amountOutOfBounds, "The amount must be more than zero")) }
        if let maximum, money.amount > maximum {
            let most = Money(amount: maximum, currency: currency)
            if action == .refund {
                return .failure(MoneyMoveRefusal(.amountOutOfBounds, "\(money.formatted()) is more than the \(most.formatted()) still refundable"))
            }
            return .failure(MoneyMoveRefusal(.amountOutOfBounds, "At most \(most.formatted()) is possible"))
        }
        return .success(money)
    }

    /// The request a confirmed move sends, bound to the object as it was confirmed.
    /// - Parameters:
    ///   - amount: the amount chosen; nil = all of it (the full authorisation, or all that is left to refund).
    ///   - maximum: `maximumAmount(…)`, recorded as the confirmed amount when `amount` is nil.
    public static func request(_ action: MoneyAction, on object: ConsoleObject, amount: Decimal?, maximum: Decimal?,
                               reason: String?, atPeriodEnd: Bool, consoleRequestId: String) -> ActionRequest {
        let target = ActionTarget(object)
        var sent = amount
        // Capturing exactly the authorised amount is a full capture: send none, so the server captures what it holds.
        if action == .capture, case .payment(let p) = object, sent == p.amount { sent = nil }
        let movesMoney = action == .capture || action == .refund
        return ActionRequest(
            consoleRequestId: consoleRequestId, action: action, objectId: target.id, amount: sent,
            currency: target.money?.currency.code, reason: reason,
            atPeriodEnd: action == .cancelSubscription ? atPeriodEnd : false, customerLabel: target.customerLabel,
            confirmedAmount: movesMoney ? (amount ?? maximum ?? target.money?.amount) : nil)
    }

    /// A full capture of a payment known only as a target (a marked payment whose row has left the list's
    /// window): the server captures what it holds, the confirmed amount is the one the mark showed.
    public static func fullCapture(of target: ActionTarget, consoleRequestId: String) -> ActionRequest {
        ActionRequest(consoleRequestId: consoleRequestId, action: .capture, objectId: target.id, amount: nil,
                      currency: target.money?.currency.code, customerLabel: target.customerLabel,
                      confirmedAmount: target.money?.amount)
    }
}

extension ActionTarget {
    /// The object a move names in its confirmation: id, the customer label, the amount and the status.
    public init(_ object: ConsoleObject) {
        switch object {
        case .payment(let p):
            self.init(id: p.id, customerLabel: ObjectLabels.customer(of: p) ?? "—", money: p.money, status: p.status.rawValue)
        case .subscription(let s):
            self.init(id: s.id, customerLabel: s.customerId ?? "—", money: s.unitMoney, status: s.status.rawValue)
        case .customer(let c):
            self.init(id: c.id, customerLabel: ObjectLabels.customer(c) ?? c.id, money: nil, status: "")
        case .refund(let r):
            self.init(id: r.id, customerLabel: "—", money: r.money, status: r.status.rawValue)
        case .billing(let b):
            self.init(id: b.ref.id, customerLabel: b.customerId ?? "—", money: b.money, status: b.statusText)
        }
    }
}

/// One line of a confirmation ("Payment  pi_…", "Amount  12.50 USD (requires_capture)"), the same in the
/// console's dialog and the scripts' prompt.
public struct ConfirmationLine: Sendable, Hashable {
    public enum Emphasis: Sendable, Hashable { case plain, money, mode }
    public var label: String
    public var value: String
    public var emphasis: Emphasis

    public init(_ label: String, _ value: String, _ emphasis: Emphasis = .plain) {
        self.label = label
        self.value = value
        self.emphasis = emphasis
    }
}

extension MoneyMoveRules {
    /// What the confirmation of a move on one object must name: the object, its customer, its amount and
    /// status, and the mode. The choices (amount, reason, timing) follow as `choiceLines`.
    public static func confirmationLines(_ action: MoneyAction, target: ActionTarget, mode: ConsoleMode) -> [ConfirmationLine] {
        [
            ConfirmationLine(action.objectKind.rawValue.capitalized, target.id),
            ConfirmationLine("Customer", target.customerLabel),
            ConfirmationLine("Amount", (target.money?.formatted() ?? "—") + "  (\(target.status))", .money),
            ConfirmationLine("Mode", mode.label, .mode),
        ]
    }

    /// The label of the amount the merchant chooses.
    public static func amountLabel(_ action: MoneyAction) -> String {
        action == .refund ? "Refund amount" : "Capture amount"
    }

    /// The choices fixed in a request, as the scripts' prompt shows them after `confirmationLines`.
    public static func choiceLines(_ request: ActionRequest) -> [ConfirmationLine] {
        var lines: [ConfirmationLine] = []
        switch request.action {
        case .capture, .refund:
            let amount = request.money?.formatted() ?? "?"
            let whole = request.amount == nil ? (request.action == .refund ? " (all that is left)" : " (the full amount)") : ""
            lines.append(ConfirmationLine(amountLabel(request.action), amount + whole, .money))
        case .cancelPayment, .cancelSubscription:
            break
        }
        if request.action != .capture { lines.append(ConfirmationLine("Reason", request.reason ?? "(none)")) }
        if request.action == .cancelSubscription {
            lines.append(ConfirmationLine("When", request.atPeriodEnd ? "at period end" : "now"))
        }
        return lines
    }
}
