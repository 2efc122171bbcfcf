import Foundation

/// A hosted checkout (SPEC §7.10): the payer completes it on UseePay's page, which creates a payment
/// intent (`payment` mode) or a subscription (`subscription` mode). Times arrive as Unix seconds
/// (`created`, `expires_at`), unlike the ISO `create_at` of other objects; both are read.
public struct CheckoutSession: UseePayObject, Identifiable {
    public let id: String
    public let status: CheckoutSessionStatus
    public let paymentStatus: CheckoutPaymentStatus?
    public let mode: CheckoutSessionMode?
    public let uiMode: String?
    public let amount: Decimal?
    public let currency: CurrencyCode?
    public let merchantOrderId: String?
    public let customerId: String?
    public let customer: CheckoutCustomer?
    public let lineItems: [CheckoutLineItem]
    public let paymentMethodTypes: [String]?
    public let subscriptionData: CheckoutSubscriptionData?
    public let collectionMethod: String?
    public let metadata: [String: JSONValue]?
    public let paymentIntentId: String?
    public let subscriptionId: String?
    /// The page the payer opens (`url`, when the server gives one).
    public let url: String?
    public let returnUrl: String?
    public let expiresAt: Date?
    public let stamp: ObjectStamp
    public let raw: JSONValue

    public var money: Money? {
        Money(ifKnown: amount, currency)
    }

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "checkout session")
        id = try r.requiredID(what: "checkout session")
        status = CheckoutSessionStatus(rawValue: r.string("status") ?? "")
        paymentStatus = r.string("payment_status").map(CheckoutPaymentStatus.init(rawValue:))
        mode = r.string("mode").map(CheckoutSessionMode.init(rawValue:))
        uiMode = r.string("ui_mode")
        amount = r.decimal("amount")
        currency = r.currency("currency")
        merchantOrderId = r.string("merchant_order_id")
        customer = r.nested("customer", CheckoutCustomer.init(json:))
        // The customer may come as an id, an object, or a separate customer_id.
        customerId = r.string("customer_id") ?? r.string("customer") ?? customer?.id
        lineItems = r.nestedArray("line_items", CheckoutLineItem.init(json:)) ?? []
        paymentMethodTypes = r.strings("payment_method_types")
        subscriptionData = r.nested("subscription_data", CheckoutSubscriptionData.init(json:))
        collectionMethod = r.string("collection_method")
        metadata = r.dictionary("metadata")
        paymentIntentId = r.string("payment_intent_id") ?? r.string("payment_intent") ?? r.value("payment_intent")?["id"]?.stringValue
        subscriptionId = r.string("subscription_id") ?? r.string("subscription") ?? r.value("subscription")?["id"]?.stringValue
        url = r.string("url")
        returnUrl = r.string("return_url", "success_url")
        expiresAt = r.date("expires_at")
        stamp = ObjectStamp(r)
        raw = json
    }
}
