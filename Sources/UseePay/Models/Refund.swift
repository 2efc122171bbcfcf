import Foundation

public struct Refund: UseePayObject, ReportsBusinessFailure, Identifiable {
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
    public let stamp: ObjectStamp
    public let failure: BusinessFailure
    public let raw: JSONValue

    public var money: Money? {
        Money(ifKnown: amount, currency)
    }

    /// The id the console wrote into `metadata.console_request_id` when it created this refund.
    public var consoleRequestId: String? { metadata?[Self.consoleRequestIdKey]?.stringValue }
}

extension Refund {
    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "refund")
        try self.init(id: r.requiredID(what: "refund"), paymentIntentId: r.string("payment_intent_id"),
                      amount: r.decimal("amount"),
                      // The docs' example has the placeholder "string" for currency; keep only plausible codes.
                      currency: r.string("currency").flatMap { $0.count == 3 ? CurrencyCode($0) : nil },
                      status: RefundStatus(rawValue: r.string("status") ?? ""), reason: r.string("reason"),
                      metadata: r.dictionary("metadata"), acquirerReferenceNumber: r.string("acquirer_reference_number"),
                      stamp: ObjectStamp(r), failure: BusinessFailure(r), raw: json)
    }
}
