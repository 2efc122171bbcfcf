import Foundation

public struct SubscriptionCreateParameters: Sendable, Hashable {
    public var customerId: String
    public var currency: CurrencyCode
    public var recurring: Recurring
    public var defaultPaymentMethod: String?
    /// `charge_automatically` or `send_invoice`.
    public var collectionMethod: String?
    public var daysUntilDue: Int?
    public var description: String?
    public var order: Order?
    public var metadata: [String: JSONValue]?

    public init(customerId: String, currency: CurrencyCode, recurring: Recurring, defaultPaymentMethod: String? = nil,
                collectionMethod: String? = nil, daysUntilDue: Int? = nil, description: String? = nil,
                order: Order? = nil, metadata: [String: JSONValue]? = nil) {
        self.customerId = customerId; self.currency = currency; self.recurring = recurring
        self.defaultPaymentMethod = defaultPaymentMethod; self.collectionMethod = collectionMethod
        self.daysUntilDue = daysUntilDue; self.description = description; self.order = order; self.metadata = metadata
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.set("customer_id", customerId)
        b.set("currency", currency.code)
        b.set("recurring", recurring.wire(currency: currency))
        b.set("default_payment_method", defaultPaymentMethod)
        b.set("collection_method", collectionMethod)
        b.set("days_until_due", daysUntilDue)
        b.set("description", description)
        b.set("order", order?.wire(currency: currency))
        b.set("metadata", metadata)
        return b.json
    }
}

/// Fields to change; nil fields are left as they are.
public struct SubscriptionUpdateParameters: Sendable, Hashable {
    public var customerId: String?
    public var currency: CurrencyCode?
    public var recurring: Recurring?
    public var defaultPaymentMethod: String?
    public var collectionMethod: String?
    public var daysUntilDue: Int?
    public var description: String?
    public var order: Order?
    public var metadata: [String: JSONValue]?

    public init(customerId: String? = nil, currency: CurrencyCode? = nil, recurring: Recurring? = nil,
                defaultPaymentMethod: String? = nil, collectionMethod: String? = nil, daysUntilDue: Int? = nil,
                description: String? = nil, order: Order? = nil, metadata: [String: JSONValue]? = nil) {
        self.customerId = customerId; self.currency = currency; self.recurring = recurring
        self.defaultPaymentMethod = defaultPaymentMethod; self.collectionMethod = collectionMethod
        self.daysUntilDue = daysUntilDue; self.description = description; self.order = order; self.metadata = metadata
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.set("customer_id", customerId)
        b.set("currency", currency?.code)
        b.set("recurring", recurring?.wire(currency: currency))
        b.set("default_payment_method", defaultPaymentMethod)
        b.set("collection_method", collectionMethod)
        b.set("days_until_due", daysUntilDue)
        b.set("description", description)
        b.set("order", order?.wire(currency: currency))
        b.set("metadata", metadata)
        return b.json
    }
}
