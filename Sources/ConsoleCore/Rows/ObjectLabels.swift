import Foundation
import UseePay

/// How an object reads in a list row and a confirmation, written once for the console's tables, the
/// scripts' table output, confirmations and sort keys. nil means "nothing known"; each front end
/// chooses its own placeholder ("—" on screen, empty in a script's table).
public enum ObjectLabels {
    /// The one customer label: the customer's display name ("First Last", else name, else email),
    /// else the customer id.
    public static func customer(of payment: PaymentIntent) -> String? {
        nonEmpty(payment.customer?.displayName) ?? nonEmpty(payment.customerId ?? payment.customer?.id)
    }

    public static func customer(_ customer: Customer) -> String? {
        nonEmpty(customer.displayName)
    }

    /// "card 4242" for a card, otherwise the method's type (or the first type offered).
    public static func paymentMethod(_ payment: PaymentIntent) -> String? {
        guard let method = payment.paymentMethod else { return payment.paymentMethodTypes?.first }
        if let card = method.card, let last4 = card.last4 { return "\(card.brand ?? "card") \(last4)" }
        return method.type
    }

    /// "month", "3 months".
    public static func interval(_ subscription: Subscription) -> String? {
        guard let unit = subscription.recurring?.interval else { return nil }
        let count = subscription.recurring?.intervalCount ?? 1
        return count == 1 ? unit : "\(count) \(unit)s"
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.trimmed(.whitespaces).isEmpty else { return nil }
        return text
    }
}

/// The colour family of a status, which each front end maps to its own styling.
public enum StatusTone: Sendable, Hashable {
    case succeeded, awaitingCapture, pending, failed, cancelled, other
}

/// Short words people read in lists, instead of the API's names ("requires_payment_method" reads
/// "needs payment"). Detail views, `:pi STATUS`, exports and `--status` keep the API's names.
public enum StatusWords {
    public static func word(_ status: PaymentIntentStatus) -> String {
        switch status {
        case .requiresPaymentMethod: return "needs payment"
        case .requiresCustomerAction: return "needs 3DS"
        case .requiresCapture: return "awaiting capture"
        case .pending: return "pending"
        case .succeeded: return "succeeded"
        case .cancelled: return "canceled"
        case .failed: return "failed"
        case .other(let raw): return raw
        }
    }

    public static func tone(_ status: PaymentIntentStatus) -> StatusTone {
        switch status {
        case .succeeded: return .succeeded
        case .requiresCapture: return .awaitingCapture
        case .pending, .requiresCustomerAction, .requiresPaymentMethod: return .pending
        case .failed: return .failed
        case .cancelled: return .cancelled
        case .other: return .other
        }
    }

    public static func word(_ status: RefundStatus) -> String {
        switch status {
        case .received: return "received"
        case .accepted: return "accepted"
        case .succeeded: return "succeeded"
        case .failed: return "failed"
        case .other(let raw): return raw
        }
    }

    public static func tone(_ status: RefundStatus) -> StatusTone {
        switch status {
        case .succeeded: return .succeeded
        case .received, .accepted: return .pending
        case .failed: return .failed
        case .other: return .other
        }
    }

    public static func word(_ status: SubscriptionStatus) -> String {
        switch status {
        case .incomplete: return "incomplete"
        case .active: return "active"
        case .trialing: return "trial"
        case .pastDue: return "past due"
        case .unpaid: return "unpaid"
        case .paused: return "paused"
        case .cancelled: return "canceled"
        case .incompleteExpired: return "expired"
        case .other(let raw): return raw
        }
    }

    public static func tone(_ status: SubscriptionStatus) -> StatusTone {
        switch status {
        case .active, .trialing: return .succeeded
        case .pastDue, .unpaid, .incomplete: return .failed
        case .paused: return .pending
        case .cancelled, .incompleteExpired: return .cancelled
        case .other: return .other
        }
    }

    /// A subscription row: its word, and "(ends)" once it is set to cancel at period end.
    public static func word(_ subscription: Subscription) -> String {
        let ending = subscription.cancelAtPeriodEnd == true && subscription.status != .cancelled
        return word(subscription.status) + (ending ? " (ends)" : "")
    }

    public static func word(_ status: InvoiceStatus) -> String {
        switch status {
        case .draft: return "draft"
        case .open: return "open"
        case .paid: return "paid"
        case .paymentFailed: return "payment failed"
        case .uncollectible: return "uncollectible"
        case .void: return "void"
        case .cancelled: return "canceled"
        case .other(let raw): return raw
        }
    }
}
