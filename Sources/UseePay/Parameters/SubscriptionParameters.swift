import Foundation

/// The fields a subscription is created or updated with. A create must give the customer, currency and
/// recurring (see `SubscriptionCreateParameters`); on an update, nil fields are left as they are.
public struct SubscriptionFields: Sendable, Hashable {
    public var customerId: String?
    public var currency: CurrencyCode?
    public var recurring: Recurring?
    public var defaultPaymentMethod: String?
    /// `charge_automatically` or `send_invoice`.
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
        // Amounts are written in the subscription's currency.
        b.set("currency", currency?.code); b.set("recurring", recurring?.wire(currency: currency))
        b.set("default_payment_method", defaultPaymentMethod)
        b.set("collection_method", collectionMethod); b.set("days_until_due", daysUntilDue)
        b.set("description", description); b.set("order", order?.wire(currency: currency)); b.set("metadata", metadata)
        return b.json
    }
}

/// A new subscription: the customer, currency and recurring a create must give, and any other fields.
public struct SubscriptionCreateParameters: Sendable, Hashable, FieldsHolder {
    public var customerId: String
    public var currency: CurrencyCode
    public var recurring: Recurring
    /// The other fields; their customer, currency and recurring are ignored in favour of the ones above.
    public var fields: SubscriptionFields

    public init(customerId: String, currency: CurrencyCode, recurring: Recurring, defaultPaymentMethod: String? = nil,
                collectionMethod: String? = nil, daysUntilDue: Int? = nil, description: String? = nil,
                order: Order? = nil, metadata: [String: JSONValue]? = nil) {
        self.customerId = customerId; self.currency = currency; self.recurring = recurring
        fields = SubscriptionFields(defaultPaymentMethod: defaultPaymentMethod, collectionMethod: collectionMethod,
                                    daysUntilDue: daysUntilDue, description: description, order: order, metadata: metadata)
    }

    /// Create and update send the same fields.
    var wire: WireJSON {
        var all = fields
        all.customerId = customerId; all.currency = currency; all.recurring = recurring
        return all.wire
    }
}

/// Fields to change; nil fields are left as they are.
public typealias SubscriptionUpdateParameters = SubscriptionFields
