import Foundation
import UseePay

/// The changes the console can make. Each is a capability of an object's status and always dangerous.
public enum MoneyAction: String, Sendable, Hashable, Codable, CaseIterable {
    case capture, cancelPayment, refund, cancelSubscription

    public var verb: String {
        switch self {
        case .capture: return "Capture"
        case .cancelPayment: return "Cancel payment"
        case .refund: return "Refund"
        case .cancelSubscription: return "Cancel subscription"
        }
    }

    /// Shown on the row while the request is out ("capturing…").
    public var progressWord: String {
        switch self {
        case .capture: return "capturing"
        case .cancelPayment: return "cancelling"
        case .refund: return "refunding"
        case .cancelSubscription: return "cancelling"
        }
    }

    /// The kind of object the move changes (its id is `ActionRequest.objectId`).
    public var objectKind: ObjectKind {
        switch self {
        case .capture, .cancelPayment, .refund: return .payment
        case .cancelSubscription: return .subscription
        }
    }

    public var command: ConsoleCommand {
        switch self {
        case .capture: return .capture
        case .cancelPayment: return .cancelPayment
        case .refund: return .refund
        case .cancelSubscription: return .cancelSubscription
        }
    }
}

/// Which actions an object's status allows (k9s-style capabilities). Screens offer only these.
public enum Capabilities {
    public static func actions(for payment: PaymentIntent) -> [MoneyAction] {
        switch payment.status {
        case .requiresCapture: return [.capture, .cancelPayment]
        case .requiresPaymentMethod, .requiresCustomerAction: return [.cancelPayment]
        case .succeeded: return [.refund]
        default: return []
        }
    }

    public static func actions(for subscription: Subscription) -> [MoneyAction] {
        switch subscription.status {
        case .cancelled, .incompleteExpired, .other: return []
        default: return subscription.cancelAtPeriodEnd == true ? [] : [.cancelSubscription]
        }
    }

    public static func actions(for object: ConsoleObject) -> [MoneyAction] {
        switch object {
        case .payment(let p): return actions(for: p)
        case .subscription(let s): return actions(for: s)
        default: return []
        }
    }

    /// Amount captured (or authorised, when the capture amount is not reported) minus every refund that
    /// has not failed. nil when the payment has no amount at all.
    public static func refundable(_ payment: PaymentIntent, refunds: [Refund]) -> Decimal? {
        guard let base = payment.capturedAmount ?? payment.amount else { return nil }
        let refunded = refunds.filter { $0.paymentIntentId == payment.id && $0.status != .failed }
            .reduce(Decimal(0)) { $0 + ($1.amount ?? 0) }
        return max(0, base - refunded)
    }
}

/// A request to change money, fixed when the merchant confirmed it. `consoleRequestId` ties together
/// the journal entries, the refund's metadata, and the settling of an unclear outcome.
public struct ActionRequest: Sendable, Hashable, Codable {
    public var consoleRequestId: String
    public var action: MoneyAction
    /// The payment intent id, or the subscription id for `cancelSubscription`.
    public var objectId: String
    /// nil = the full amount (capture) or all that is left (refund).
    public var amount: Decimal?
    public var currency: String?
    public var reason: String?
    public var atPeriodEnd: Bool
    public var customerLabel: String?
    /// The amount the merchant confirmed, for reports and the journal (a full capture sends no amount).
    public var confirmedAmount: Decimal?

    public init(consoleRequestId: String, action: MoneyAction, objectId: String, amount: Decimal? = nil, currency: String? = nil,
                reason: String? = nil, atPeriodEnd: Bool = false, customerLabel: String? = nil, confirmedAmount: Decimal? = nil) {
        self.confirmedAmount = confirmedAmount ?? amount
        self.consoleRequestId = consoleRequestId
        self.action = action
        self.objectId = objectId
        self.amount = amount
        self.currency = currency
        self.reason = reason
        self.atPeriodEnd = atPeriodEnd
        self.customerLabel = customerLabel
    }

    public var money: Money? {
        guard let amount = amount ?? confirmedAmount, let currency else { return nil }
        return Money(amount: amount, currency: CurrencyCode(currency))
    }

    /// "capture of 12.50 USD on pi_123" for flashes and reports.
    public var summary: String {
        let what = action.verb.lowercased()
        if let money { return "\(what) of \(money.formatted()) on \(objectId)" }
        return "\(what) on \(objectId)"
    }
}

/// What the console knows about a request it sent and has not yet seen answered.
public struct PendingAction: Sendable, Hashable {
    public enum Phase: Sendable, Hashable {
        case sending
        /// The answer was lost; the console is finding out what really happened.
        case checking
        /// Finding out failed too; `ctrl-r` tries the check again. Never resent automatically.
        case checkFailed(String)
    }
    public var request: ActionRequest
    public var phase: Phase

    public init(request: ActionRequest, phase: Phase) {
        self.request = request
        self.phase = phase
    }
}
