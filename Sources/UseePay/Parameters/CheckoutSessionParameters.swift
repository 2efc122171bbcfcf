import Foundation

/// Body of `POST /api/v1/checkout_sessions` (SPEC §7.10). `amount` must equal the sum of the line
/// items; `subscription` mode needs `subscriptionData` (the server answers 400 otherwise).
public struct CheckoutSessionCreateParameters: Sendable, Hashable {
    public var mode: CheckoutSessionMode
    public var amount: Decimal
    public var currency: CurrencyCode
    public var merchantOrderId: String
    public var lineItems: [CheckoutLineItem]
    /// An existing customer; or `customer` to describe one inline.
    public var customerId: String?
    public var customer: CheckoutCustomer?
    public var uiMode: String?
    public var paymentMethodTypes: [String]?
    public var subscriptionData: CheckoutSubscriptionData?
    /// `auto_charge` for subscriptions.
    public var collectionMethod: String?
    public var metadata: [String: JSONValue]?
    public var returnUrl: String?

    public init(mode: CheckoutSessionMode, amount: Decimal, currency: CurrencyCode, merchantOrderId: String,
                lineItems: [CheckoutLineItem], customerId: String? = nil, customer: CheckoutCustomer? = nil,
                uiMode: String? = nil, paymentMethodTypes: [String]? = nil, subscriptionData: CheckoutSubscriptionData? = nil,
                collectionMethod: String? = nil, metadata: [String: JSONValue]? = nil, returnUrl: String? = nil) {
        self.mode = mode; self.amount = amount; self.currency = currency; self.merchantOrderId = merchantOrderId
        self.lineItems = lineItems; self.customerId = customerId; self.customer = customer; self.uiMode = uiMode
        self.paymentMethodTypes = paymentMethodTypes; self.subscriptionData = subscriptionData
        self.collectionMethod = collectionMethod; self.metadata = metadata; self.returnUrl = returnUrl
    }

    /// The sum of quantity × unit amount over the line items (what `amount` must equal).
    public var lineItemsTotal: Decimal {
        lineItems.reduce(Decimal(0)) { $0 + ($1.total ?? 0) }
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.set("mode", mode.rawValue)
        b.set("ui_mode", uiMode)
        b.setAmount("amount", amount, currency: currency)
        b.set("currency", currency.code)
        b.set("merchant_order_id", merchantOrderId)
        b.set("customer_id", customerId)
        b.set("customer", customer?.wire)
        b.set("line_items", WireJSON.array(lineItems.map { $0.wire(defaultCurrency: currency) }))
        b.set("subscription_data", subscriptionData?.wire(currency: currency))
        b.set("collection_method", collectionMethod)
        b.set("payment_method_types", paymentMethodTypes)
        b.set("metadata", metadata)
        b.set("return_url", returnUrl)
        return b.json
    }
}

/// List filters for checkout sessions. The docs list no filters for this resource; these follow the other
/// lists' names, and `UseePayClient.checkoutSession(forPaymentIntent:)` re-checks the match itself.
public struct CheckoutSessionListQuery: ListQuery, Hashable {
    public var window: ListWindow
    public var customerId: String?
    public var paymentIntentId: String?
    public var subscriptionId: String?
    public var merchantOrderId: String?
    public var statuses: [CheckoutSessionStatus]

    public init(window: ListWindow = ListWindow(), customerId: String? = nil, paymentIntentId: String? = nil,
                subscriptionId: String? = nil, merchantOrderId: String? = nil, statuses: [CheckoutSessionStatus] = []) {
        self.window = window; self.customerId = customerId; self.paymentIntentId = paymentIntentId
        self.subscriptionId = subscriptionId; self.merchantOrderId = merchantOrderId; self.statuses = statuses
    }

    public func filterItems() -> [(String, String)] {
        var items: [(String, String)] = []
        if let customerId, !customerId.isEmpty { items.append(("customer_id", customerId)) }
        if let paymentIntentId, !paymentIntentId.isEmpty { items.append(("payment_intent_id", paymentIntentId)) }
        if let subscriptionId, !subscriptionId.isEmpty { items.append(("subscription_id", subscriptionId)) }
        if let merchantOrderId, !merchantOrderId.isEmpty { items.append(("merchant_order_id", merchantOrderId)) }
        return items + statuses.map { ("status", $0.rawValue) }
    }
}
