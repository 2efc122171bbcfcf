import Foundation

public struct Invoice: UseePayObject, Identifiable {
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
    public let merchantNo: String?
    public let appId: String?
    public let createAt: Date?
    public let modifyAt: Date?
    public let code: String?
    public let message: String?
    public let source: String?
    public let declineCode: String?
    public let docUrl: String?
    public let raw: JSONValue

    public var totalMoney: Money? {
        guard let totalAmount, let currency else { return nil }
        return Money(amount: totalAmount, currency: currency)
    }

    /// A business failure reported with HTTP 200 (SPEC §5.2), e.g. pay -> `payment_failed` + message.
    public var failureSummary: String? {
        guard status == .paymentFailed || code != nil else { return nil }
        let parts = [code, declineCode, message].compactMap { $0 }
        return parts.isEmpty ? "payment failed" : parts.joined(separator: ": ")
    }

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "invoice")
        id = try r.requiredID(what: "invoice")
        status = InvoiceStatus(rawValue: r.string("status") ?? "")
        number = r.string("number")
        currency = r.currency("currency")
        totalAmount = r.decimal("total_amount") ?? r.decimal("total")
        description = r.string("description")
        footer = r.string("footer")
        metadata = r.dictionary("metadata")
        collectionMethod = r.string("collection_method")
        customerId = r.string("customer_id")
        subscriptionId = r.string("subscription_id")
        hostedInvoiceUrl = r.string("hosted_invoice_url")
        paymentIntentId = r.string("payment_intent_id") ?? r.string("payment_intent")
            ?? r.value("payment_intent")?["id"]?.stringValue
        periodStart = r.date("period_start")
        periodEnd = r.date("period_end")
        daysUntilDue = r.int("days_until_due")
        merchantNo = r.string("merchant_no")
        appId = r.string("app_id")
        createAt = r.date("create_at", "created_at", "created")
        modifyAt = r.date("modify_at", "updated_at")
        code = r.string("code")
        message = r.string("message")
        source = r.string("source")
        declineCode = r.string("decline_code")
        docUrl = r.string("doc_url")
        raw = json
    }

    public init(from decoder: any Decoder) throws { try self.init(json: JSONValue(from: decoder)) }
}
