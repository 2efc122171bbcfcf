import Foundation
import UseePay

/// The few fields of a payment that the day's figures depend on. The aggregator keeps these per id
/// instead of the payment (about a tenth of the memory of the object with its JSON), so that when a
/// payment it already counted comes back with another status, its old contribution is taken away
/// exactly before the new one is added: nothing is counted twice, nothing is left in the old bucket.
public struct PaymentFacts: Sendable, Hashable {
    public var status: PaymentIntentStatus
    public var currency: CurrencyCode?
    public var amount: Decimal?
    public var capturedAmount: Decimal?
    public var createdAt: Date?
    /// Why the last attempt was declined (`insufficient_funds`, or the error code when no decline code is given).
    public var declineCode: String?

    public init(status: PaymentIntentStatus, currency: CurrencyCode?, amount: Decimal?, capturedAmount: Decimal? = nil,
                createdAt: Date?, declineCode: String? = nil) {
        self.status = status; self.currency = currency; self.amount = amount; self.capturedAmount = capturedAmount
        self.createdAt = createdAt; self.declineCode = declineCode
    }

    public init(_ payment: PaymentIntent) {
        let error = payment.lastPaymentError
        let declined = payment.status == .failed || (payment.status == .requiresPaymentMethod && (error != nil || payment.code != nil))
        self.init(status: payment.status, currency: payment.currency, amount: payment.amount, capturedAmount: payment.capturedAmount,
                  createdAt: payment.createAt,
                  declineCode: declined ? Self.code(error?.declineCode ?? payment.declineCode ?? error?.code ?? payment.code) : nil)
    }

    /// Decline codes are API text: kept short and to printable ASCII so a hostile value cannot grow the table or the screen.
    static func code(_ text: String?) -> String? {
        guard let text else { return nil }
        let kept = String(text.unicodeScalars.filter { $0.isASCII && $0.value >= 0x21 && $0.value < 0x7F }.prefix(40).map(Character.init))
        return kept.isEmpty ? nil : kept
    }

    /// Succeeded volume counts what was captured (a partial capture is less than the amount authorised).
    public var succeededAmount: Decimal? { capturedAmount ?? amount }

    /// The attempt was turned down (failed, or sent back for another payment method with a decline).
    public var isDeclined: Bool { declineCode != nil || status == .failed }
}

/// The few fields of a refund the figures depend on; kept per id for the same reason as `PaymentFacts`.
public struct RefundFacts: Sendable, Hashable {
    public var status: RefundStatus
    public var currency: CurrencyCode?
    public var amount: Decimal?
    public var paymentIntentId: String?
    public var createdAt: Date?
    /// When the refund last changed (its failure, for a failed one); the creation time when not given.
    public var modifiedAt: Date?

    public init(status: RefundStatus, currency: CurrencyCode?, amount: Decimal?, paymentIntentId: String?, createdAt: Date?,
                modifiedAt: Date? = nil) {
        self.status = status; self.currency = currency; self.amount = amount; self.paymentIntentId = paymentIntentId
        self.createdAt = createdAt; self.modifiedAt = modifiedAt ?? createdAt
    }

    public init(_ refund: Refund) {
        self.init(status: refund.status, currency: refund.currency, amount: refund.amount, paymentIntentId: refund.paymentIntentId,
                  createdAt: refund.createAt, modifiedAt: refund.modifyAt)
    }

    /// `received` or `accepted`: on its way, not yet settled.
    public var isInFlight: Bool { status == .received || status == .accepted }
}
