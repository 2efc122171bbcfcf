import Foundation

/// A payment: amount, status and everything the API says about it. `raw` is the JSON as received.
public struct PaymentIntent: UseePayObject, ReportsBusinessFailure, Identifiable {
    public let id: String
    public let status: PaymentIntentStatus
    public let amount: Decimal?
    public let currency: CurrencyCode?
    public let capturedAmount: Decimal?
    public let customerId: String?
    public let customer: EmbeddedCustomer?
    public let merchantOrderId: String?
    public let description: String?
    public let stamp: ObjectStamp
    public let cancellationReason: String?
    public let cancelledAt: Date?
    public let nextAction: NextAction?
    public let lastPaymentError: LastPaymentError?
    public let paymentMethod: PaymentMethodSummary?
    public let paymentMethodId: String?
    public let paymentMethodTypes: [String]?
    public let availablePaymentMethodTypes: [String]?
    public let paymentMethodOptions: PaymentMethodOptions?
    public let order: Order?
    public let metadata: [String: JSONValue]?
    public let autoCapture: Bool?
    public let confirm: Bool?
    public let invoiceId: String?
    public let subscriptionId: String?
    public let returnUrl: String?
    public let failure: BusinessFailure
    public let raw: JSONValue

    public var money: Money? {
        Money(ifKnown: amount, currency)
    }

    public var capturedMoney: Money? {
        Money(ifKnown: capturedAmount, currency)
    }

    /// Manual capture is in effect when `auto_capture` is false at the top level or in the card options.
    public var isManualCapture: Bool {
        (autoCapture ?? paymentMethodOptions?.card?.autoCapture) == false
    }

    /// A business-level failure carried in an HTTP 200 body (SPEC §5.2): the reason, if any.
    public var failureSummary: String? {
        if let e = lastPaymentError, status == .failed || status == .requiresPaymentMethod {
            return [e.code, e.declineCode, e.message].compactMap { $0 }.joined(separator: ": ")
        }
        if status == .failed || code != nil { return failure.joinedParts }
        return nil
    }
}

extension PaymentIntent {
    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "payment intent")
        try self.init(id: r.requiredID(what: "payment intent"),
                      status: PaymentIntentStatus(rawValue: r.string("status") ?? ""), amount: r.decimal("amount"),
                      currency: r.currency("currency"), capturedAmount: r.decimal("captured_amount"),
                      customerId: r.string("customer_id"), customer: r.nested("customer", EmbeddedCustomer.init(json:)),
                      merchantOrderId: r.string("merchant_order_id"), description: r.string("description"),
                      stamp: ObjectStamp(r), cancellationReason: r.string("cancellation_reason"),
                      cancelledAt: r.date("cancelled_at", "canceled_at"),
                      nextAction: r.nested("next_action", NextAction.init(json:)),
                      lastPaymentError: r.nested("last_payment_error", LastPaymentError.init(json:)),
                      paymentMethod: r.nested("payment_method", PaymentMethodSummary.init(json:)),
                      paymentMethodId: r.string("payment_method_id"),
                      paymentMethodTypes: r.strings("payment_method_types"),
                      availablePaymentMethodTypes: r.strings("available_payment_method_types"),
                      paymentMethodOptions: r.nested("payment_method_options", PaymentMethodOptions.init(json:)),
                      order: r.nested("order", Order.init(json:)), metadata: r.dictionary("metadata"),
                      autoCapture: r.bool("auto_capture"), confirm: r.bool("confirm"),
                      // Set when the payment was made for an invoice or a subscription.
                      invoiceId: r.string("invoice_id"), subscriptionId: r.string("subscription_id"),
                      returnUrl: r.string("return_url"), failure: BusinessFailure(r), raw: json)
    }
}
