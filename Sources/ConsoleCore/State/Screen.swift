import Foundation
import UseePay

public enum ListKind: String, Sendable, Hashable, CaseIterable {
    case payments, customers, subscriptions, refunds

    public var title: String {
        switch self {
        case .payments: return "Payments"
        case .customers: return "Customers"
        case .subscriptions: return "Subscriptions"
        case .refunds: return "Refunds"
        }
    }

    public var keyContext: KeyContext {
        switch self {
        case .payments: return .payments
        case .customers: return .customers
        case .subscriptions: return .subscriptions
        case .refunds: return .refunds
        }
    }

    /// Statuses behind the digit keys 1…5 (0 = all).
    public var quickStatuses: [String] {
        switch self {
        case .payments: return ["requires_capture", "succeeded", "failed", "canceled", "pending"]
        case .customers: return []
        case .subscriptions: return ["active", "trialing", "past_due", "canceled", "paused"]
        case .refunds: return ["received", "accepted", "succeeded", "failed"]
        }
    }

    public var sortColumns: [String] {
        switch self {
        case .payments: return SortColumns.payments
        case .customers: return SortColumns.customers
        case .subscriptions: return SortColumns.subscriptions
        case .refunds: return SortColumns.refunds
        }
    }
}

/// Related objects shown under a detail view and reachable with enter.
public enum RelatedKind: String, Sendable, Hashable {
    case paymentRefunds, paymentCustomer, customerPayments, customerSubscriptions, refundPayment, subscriptionCustomer
    case paymentCheckoutSession, customerMandates
    /// The customer and the payment an invoice, mandate or checkout session names.
    case billingCustomer, billingPayment

    public var title: String {
        switch self {
        case .paymentRefunds: return "Refunds"
        case .paymentCustomer, .subscriptionCustomer: return "Customer"
        case .customerPayments: return "Payments"
        case .customerSubscriptions: return "Subscriptions"
        case .refundPayment: return "Payment"
        case .paymentCheckoutSession: return "Checkout session"
        case .customerMandates: return "Mandates"
        case .billingCustomer: return "Customer"
        case .billingPayment: return "Payment"
        }
    }

    /// Most payments come from no checkout session: an empty section would only take a line from the fields.
    public var hiddenWhenEmpty: Bool { self == .paymentCheckoutSession }

    public static func kinds(for kind: ObjectKind) -> [RelatedKind] {
        switch kind {
        case .payment: return [.paymentCustomer, .paymentRefunds, .paymentCheckoutSession]
        case .customer: return [.customerPayments, .customerSubscriptions, .customerMandates]
        case .refund: return [.refundPayment]
        case .subscription: return [.subscriptionCustomer]
        case .invoice, .mandate, .checkoutSession: return [.billingCustomer, .billingPayment]
        }
    }
}

public struct RelatedSection: Sendable, Hashable {
    public var kind: RelatedKind
    public var objects: [ConsoleObject] = []
    public var phase: LoadPhase = .idle
    public var hasMore: Bool = false
    /// False when the object carries no link of this kind (a payment without a customer id).
    public var applicable: Bool = true

    /// Whether the detail view draws this section: a section that is only worth showing when it has
    /// rows stays hidden until it has some (or failed to load).
    public var isShown: Bool {
        guard applicable else { return false }
        guard kind.hiddenWhenEmpty, objects.isEmpty else { return true }
        if case .failed = phase { return true }
        return false
    }
}

/// One object opened in detail. `object` is nil only while the first retrieve is in flight or failed.
public struct DetailState: Sendable, Hashable {
    public var ref: ObjectRef
    public var object: ConsoleObject?
    public var phase: LoadPhase = .idle
    public var showRaw: Bool = false
    public var related: [RelatedSection] = []
    /// Index into all related rows, flattened across sections; nil when the cursor is on no row.
    public var relatedCursor: Int = 0
    public var scroll: Int = 0

    public var relatedRows: [ConsoleObject] { related.flatMap(\.objects) }
    public var selectedRelated: ConsoleObject? {
        let rows = relatedRows
        return rows.indices.contains(relatedCursor) ? rows[relatedCursor] : nil
    }

    public var keyContext: KeyContext {
        switch ref.kind {
        case .payment: return .paymentDetail
        case .customer: return .customerDetail
        case .subscription: return .subscriptionDetail
        case .refund: return .refundDetail
        case .invoice, .mandate, .checkoutSession: return .billingDetail
        }
    }
}

public enum Screen: Sendable, Hashable {
    case list(ListKind)
    case detail(DetailState)
    /// Several objects matched a `:find`; enter opens one.
    case found(FoundList)
    case apiLog
    /// Today at a glance: the day's figures from the aggregates, each one key from its list.
    case glance

    public var keyContext: KeyContext {
        switch self {
        case .glance: return .glance
        case .list(let kind): return kind.keyContext
        case .detail(let detail): return detail.keyContext
        case .found: return .found
        case .apiLog: return .apiLog
        }
    }

    /// The breadcrumb segment for this screen.
    public var crumb: String {
        switch self {
        case .list(let kind): return kind.title
        case .detail(let detail): return detail.ref.id
        case .found(let found): return "Find \"\(found.shortText)\""
        case .apiLog: return "API log"
        case .glance: return "Today at a glance"
        }
    }
}

/// One line of the API log: the client's own record of the exchange, as its request observer reports it.
public typealias APILogEntry = APIRequestRecord

extension APIRequestRecord {
    public var isError: Bool { errorSummary != nil || (statusCode ?? 0) >= 400 || statusCode == nil }
}

public struct Flash: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case info, success, error }
    public var text: String
    public var kind: Kind
    public init(_ text: String, _ kind: Kind) {
        self.text = text; self.kind = kind
    }
}

/// A line being typed at the bottom: the `:` palette or the `/` filter.
public struct InputLine: Sendable, Hashable {
    public enum Purpose: Sendable, Hashable { case palette, filter(previous: String) }
    public var purpose: Purpose
    public var text: String

    public init(purpose: Purpose, text: String) {
        self.purpose = purpose; self.text = text
    }
}
