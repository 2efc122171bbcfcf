import Foundation

public struct Invoice: UseePayObject, ReportsBusinessFailure, Identifiable {
    public let id: String
    public let status: InvoiceStatus
    public let number: String?
    public let currency: CurrencyCode?
    public let totalAmount: Decimal?
    public let description: String?
    public let footer: String?
    public let metadata: [String: JSONValue]?
    public let collectionMethod: String?
    public let customerId: String?
    public let subscriptionId: String?
    public let hostedInvoiceUrl: String?
    /// The id of the invoice's payment intent (the field may hold an id or an expanded object).
    public let paymentIntentId: String?
    public let periodStart: Date?
    public let periodEnd: Date?
    public let daysUntilDue: Int?
    public let stamp: ObjectStamp
    public let failure: BusinessFailure
    public let raw: JSONValue

    public var totalMoney: Money? {
        Money(ifKnown: totalAmount, currency)
    }

    /// A business failure reported with HTTP 200 (SPEC §5.2), e.g. pay -> `payment_failed` + message.
    public var failureSummary: String? {
        guard status == .paymentFailed || code != nil else { return nil }
        return failure.joinedParts ?? "payment failed"
    }
}

extension Invoice {
    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "invoice")
        try self.init(id: r.requiredID(what: "invoice"), status: InvoiceStatus(rawValue: r.string("status") ?? ""),
                      number: r.string("number"), currency: r.currency("currency"),
                      totalAmount: r.decimal("total_amount") ?? r.decimal("total"), description: r.string("description"),
                      footer: r.string("footer"), metadata: r.dictionary("metadata"),
                      collectionMethod: r.string("collection_method"), customerId: r.string("customer_id"),
                      subscriptionId: r.string("subscription_id"), hostedInvoiceUrl: r.string("hosted_invoice_url"),
                      // The field may hold an id or an expanded object.
                      paymentIntentId: r.string("payment_intent_id") ?? r.string("payment_intent")
                          ?? r.value("payment_intent")?["id"]?.stringValue,
                      periodStart: r.date("period_start"), periodEnd: r.date("period_end"),
                      daysUntilDue: r.int("days_until_due"), stamp: ObjectStamp(r), failure: BusinessFailure(r),
                      raw: json)
    }
}
