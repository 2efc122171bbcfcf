import Foundation

public struct Refund: UseePayObject, Identifiable {
    /// Metadata key holding the console's own request id, used to settle unclear outcomes.
    public static let consoleRequestIdKey = "console_request_id"

    public let id: String
    public let paymentIntentId: String?
    public let amount: Decimal?
    public let currency: CurrencyCode?
    public let status: RefundStatus
    public let reason: String?
    public let metadata: [String: JSONValue]?
    public let acquirerReferenceNumber: String?
    public let merchantNo: String?
    public let appId: String?
    public let createAt: Date?
    public let modifyAt: Date?
    public let code: String?
    public let message: String?
    public let raw: JSONValue

    public var money: Money? {
        guard let amount, let currency else { return nil }
        return Money(amount: amount, currency: currency)
    }

    /// The id the console wrote into `metadata.console_request_id` when it created this refund.
    public var consoleRequestId: String? { metadata?[Self.consoleRequestIdKey]?.stringValue }

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "refund")
        id = try r.requiredID(what: "refund")
        paymentIntentId = r.string("payment_intent_id")
        amount = r.decimal("amount")
        // The docs' example has the placeholder "string" for currency; keep only plausible codes.
        currency = r.string("currency").flatMap { $0.count == 3 ? CurrencyCode($0) : nil }
        status = RefundStatus(rawValue: r.string("status") ?? "")
        reason = r.string("reason")
        metadata = r.dictionary("metadata")
        acquirerReferenceNumber = r.string("acquirer_reference_number")
        merchantNo = r.string("merchant_no")
        appId = r.string("app_id")
        createAt = r.date("create_at", "created_at", "created")
        modifyAt = r.date("modify_at", "updated_at")
        code = r.string("code")
        message = r.string("message")
        raw = json
    }

    public init(from decoder: any Decoder) throws { try self.init(json: JSONValue(from: decoder)) }
}
