import Foundation

public struct RefundCreateParameters: Sendable, Hashable {
    public var paymentIntentId: String
    /// nil = refund everything still refundable.
    public var amount: Decimal?
    public var currency: CurrencyCode?
    public var reason: String?
    public var metadata: [String: JSONValue]
    /// Written to `metadata.console_request_id` so an unclear outcome can be settled with
    /// `findRefund(paymentIntentId:consoleRequestId:)` instead of refunding twice.
    public var consoleRequestId: String

    public init(paymentIntentId: String, amount: Decimal? = nil, currency: CurrencyCode? = nil, reason: String? = nil,
                metadata: [String: JSONValue] = [:], consoleRequestId: String = UUID().uuidString.lowercased()) {
        self.paymentIntentId = paymentIntentId; self.amount = amount; self.currency = currency
        self.reason = reason; self.metadata = metadata; self.consoleRequestId = consoleRequestId
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.set("payment_intent_id", paymentIntentId)
        b.setAmount("amount", amount, currency: currency)
        b.set("currency", currency?.code)
        b.set("reason", reason)
        var meta = metadata
        meta[Refund.consoleRequestIdKey] = .string(consoleRequestId)
        b.set("metadata", meta)
        return b.json
    }
}
