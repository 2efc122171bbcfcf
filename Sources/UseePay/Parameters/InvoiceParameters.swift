import Foundation

public struct InvoiceCreateParameters: Sendable, Hashable {
    public var customerId: String
    public var currency: CurrencyCode
    public var subscriptionId: String?
    /// `send_invoice` or `charge_automatically`.
    public var collectionMethod: String?
    public var daysUntilDue: Int?
    public var description: String?
    public var footer: String?
    public var metadata: [String: JSONValue]?
    public var totalAmount: Decimal?

    public init(customerId: String, currency: CurrencyCode, subscriptionId: String? = nil, collectionMethod: String? = nil,
                daysUntilDue: Int? = nil, description: String? = nil, footer: String? = nil,
                metadata: [String: JSONValue]? = nil, totalAmount: Decimal? = nil) {
        self.customerId = customerId; self.currency = currency; self.subscriptionId = subscriptionId
        self.collectionMethod = collectionMethod; self.daysUntilDue = daysUntilDue; self.description = description
        self.footer = footer; self.metadata = metadata; self.totalAmount = totalAmount
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.set("customer_id", customerId); b.set("subscription_id", subscriptionId); b.set("currency", currency.code)
        b.set("collection_method", collectionMethod); b.set("days_until_due", daysUntilDue)
        b.set("description", description); b.set("footer", footer); b.set("metadata", metadata)
        b.setAmount("total_amount", totalAmount, currency: currency)
        return b.json
    }
}

/// Body of "pay an invoice": the customer's online acceptance of the mandate.
public struct InvoicePayParameters: Sendable, Hashable {
    public var acceptedAt: Date
    public var ipAddress: String?
    public var userAgent: String?

    public init(acceptedAt: Date = Date(), ipAddress: String? = nil, userAgent: String? = nil) {
        self.acceptedAt = acceptedAt; self.ipAddress = ipAddress; self.userAgent = userAgent
    }

    var wire: WireJSON {
        var online = WireObjectBuilder()
        online.set("ip_address", ipAddress); online.set("user_agent", userAgent)
        var acceptance = WireObjectBuilder()
        acceptance.set("type", "online"); acceptance.set("accepted_at", acceptedAt); acceptance.set("online", online.json)
        var mandate = WireObjectBuilder()
        mandate.set("customer_acceptance", acceptance.json)
        var b = WireObjectBuilder()
        b.set("mandate_data", mandate.json)
        return b.json
    }
}
