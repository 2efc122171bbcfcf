import Foundation
import UseePay

/// Objects the console opens and shows as related rows but has no list screen for: invoices,
/// mandates and checkout sessions. One `ConsoleObject` case holds them all, so code that only
/// lists, captures or refunds treats them alike (no money moves, no list of their own).
public enum BillingObject: Sendable, Hashable {
    case invoice(Invoice)
    case mandate(Mandate)
    case checkoutSession(CheckoutSession)

    public var ref: ObjectRef {
        switch self {
        case .invoice(let i): return ObjectRef(.invoice, i.id)
        case .mandate(let m): return ObjectRef(.mandate, m.id)
        case .checkoutSession(let s): return ObjectRef(.checkoutSession, s.id)
        }
    }

    public var raw: JSONValue {
        switch self {
        case .invoice(let i): return i.raw
        case .mandate(let m): return m.raw
        case .checkoutSession(let s): return s.raw
        }
    }

    /// The API's status word (mandates have none documented).
    public var statusText: String {
        switch self {
        case .invoice(let i): return i.status.rawValue
        case .mandate(let m): return m.status ?? "mandate"
        case .checkoutSession(let s): return s.status.rawValue + (s.paymentStatus.map { ", \($0.rawValue)" } ?? "")
        }
    }

    public var money: Money? {
        switch self {
        case .invoice(let i): return i.totalMoney
        case .mandate: return nil
        case .checkoutSession(let s): return s.money
        }
    }

    public var paymentIntentId: String? {
        switch self {
        case .invoice(let i): return i.paymentIntentId
        case .mandate(let m): return m.paymentIntentId
        case .checkoutSession(let s): return s.paymentIntentId
        }
    }

    public var customerId: String? {
        switch self {
        case .invoice(let i): return i.customerId
        case .mandate(let m): return m.customerId
        case .checkoutSession(let s): return s.customerId
        }
    }
}

extension ObjectKind {
    /// Whether a dashboard template's `{resource}` pages include this kind: the sandbox (and the README's
    /// `dashboard_url`) serve payments, customers, subscriptions, refunds and invoices, not mandates or sessions.
    public var hasDashboardPage: Bool {
        switch self {
        case .mandate, .checkoutSession: return false
        default: return true
        }
    }

    /// "Payment", "Checkout session": how titles name the kind.
    public var title: String {
        switch self {
        case .payment: return "Payment"
        case .customer: return "Customer"
        case .subscription: return "Subscription"
        case .refund: return "Refund"
        case .invoice: return "Invoice"
        case .mandate: return "Mandate"
        case .checkoutSession: return "Checkout session"
        }
    }
}
