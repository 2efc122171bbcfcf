import Foundation

/// One page of a list. `hasMore` is the only continuation signal; `total` is passed on when a server
/// sends one (UseePay documents none), for callers that can use it to find the end faster.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var hasMore: Bool
    public var pageNum: Int
    public var total: Int?

    public init(items: [Item], hasMore: Bool, pageNum: Int, total: Int? = nil) {
        self.items = items; self.hasMore = hasMore; self.pageNum = pageNum; self.total = total
    }
}

extension Page: Equatable where Item: Equatable {}

/// Paging and creation-time window shared by every list query.
public struct ListWindow: Sendable, Hashable {
    /// 0-based.
    public var pageNum: Int = 0
    /// The API accepts at most 100.
    public var pageSize: Int = 20
    public var fromCreatedAt: Date?
    public var toCreatedAt: Date?

    public init(pageNum: Int = 0, pageSize: Int = 20, fromCreatedAt: Date? = nil, toCreatedAt: Date? = nil) {
        self.pageNum = pageNum; self.pageSize = pageSize; self.fromCreatedAt = fromCreatedAt; self.toCreatedAt = toCreatedAt
    }

    public static let maximumPageSize = 100

    func queryItems() -> [(String, String)] {
        var items = [("page_num", String(max(0, pageNum))), ("page_size", String(min(max(1, pageSize), Self.maximumPageSize)))]
        if let fromCreatedAt { items.append(("from_created_at", ISOTimestamp.format(fromCreatedAt))) }
        if let toCreatedAt { items.append(("to_created_at", ISOTimestamp.format(toCreatedAt))) }
        return items
    }
}

/// A list query: its window plus resource filters, written as a query string.
public protocol ListQuery: Sendable {
    var window: ListWindow { get set }
    func filterItems() -> [(String, String)]
}

extension ListQuery {
    func queryItems() -> [(String, String)] { window.queryItems() + filterItems() }
}

private func optional(_ name: String, _ value: String?) -> [(String, String)] {
    guard let value, !value.isEmpty else { return [] }
    return [(name, value)]
}

public struct PaymentIntentListQuery: ListQuery, Hashable {
    public var window: ListWindow
    public var statuses: [PaymentIntentStatus]
    public var customerId: String?
    public var merchantOrderId: String?

    public init(window: ListWindow = ListWindow(), statuses: [PaymentIntentStatus] = [], customerId: String? = nil,
                merchantOrderId: String? = nil) {
        self.window = window; self.statuses = statuses; self.customerId = customerId; self.merchantOrderId = merchantOrderId
    }

    public func filterItems() -> [(String, String)] {
        statuses.map { ("status", $0.rawValue) } + optional("customer_id", customerId)
            + optional("merchant_order_id", merchantOrderId)
    }
}

public struct CustomerListQuery: ListQuery, Hashable {
    public var window: ListWindow
    public var email: String?
    public var merchantCustomerId: String?
    public var phone: String?

    public init(window: ListWindow = ListWindow(), email: String? = nil, merchantCustomerId: String? = nil, phone: String? = nil) {
        self.window = window; self.email = email; self.merchantCustomerId = merchantCustomerId; self.phone = phone
    }

    public func filterItems() -> [(String, String)] {
        optional("email", email) + optional("merchant_customer_id", merchantCustomerId) + optional("phone", phone)
    }
}

public struct SubscriptionListQuery: ListQuery, Hashable {
    public var window: ListWindow
    public var customerId: String?
    public var statuses: [SubscriptionStatus]

    public init(window: ListWindow = ListWindow(), customerId: String? = nil, statuses: [SubscriptionStatus] = []) {
        self.window = window; self.customerId = customerId; self.statuses = statuses
    }

    public func filterItems() -> [(String, String)] {
        optional("customer_id", customerId) + statuses.map { ("status", $0.rawValue) }
    }
}

public struct RefundListQuery: ListQuery, Hashable {
    public var window: ListWindow
    public var paymentIntentId: String?
    public var statuses: [RefundStatus]

    public init(window: ListWindow = ListWindow(), paymentIntentId: String? = nil, statuses: [RefundStatus] = []) {
        self.window = window; self.paymentIntentId = paymentIntentId; self.statuses = statuses
    }

    public func filterItems() -> [(String, String)] {
        optional("payment_intent_id", paymentIntentId) + statuses.map { ("status", $0.rawValue) }
    }
}

public struct InvoiceListQuery: ListQuery, Hashable {
    public var window: ListWindow
    public var customerId: String?
    public var subscriptionId: String?
    public var statuses: [InvoiceStatus]

    public init(window: ListWindow = ListWindow(), customerId: String? = nil, subscriptionId: String? = nil,
                statuses: [InvoiceStatus] = []) {
        self.window = window; self.customerId = customerId; self.subscriptionId = subscriptionId; self.statuses = statuses
    }

    public func filterItems() -> [(String, String)] {
        optional("customer_id", customerId) + optional("subscription_id", subscriptionId)
            + statuses.map { ("status", $0.rawValue) }
    }
}

public struct WebhookEndpointListQuery: ListQuery, Hashable {
    public var window: ListWindow
    /// `enabled` / `disabled`.
    public var status: String?

    public init(window: ListWindow = ListWindow(), status: String? = nil) {
        self.window = window; self.status = status
    }

    public func filterItems() -> [(String, String)] { optional("status", status) }
}
