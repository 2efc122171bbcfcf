import Foundation

extension UseePayClient {
    public func createPaymentIntent(_ p: PaymentIntentCreateParameters) async throws -> PaymentIntent {
        try await object(PaymentIntent.self, .post, "/api/v1/payment_intents/create", body: p.wire)
    }

    public func retrievePaymentIntent(id: String) async throws -> PaymentIntent {
        try await object(PaymentIntent.self, .get, try path("payment_intents", id, method: .get))
    }

    public func updatePaymentIntent(id: String, _ p: PaymentIntentUpdateParameters) async throws -> PaymentIntent {
        try await object(PaymentIntent.self, .post, try path("payment_intents", id, method: .post), body: p.wire)
    }

    public func confirmPaymentIntent(id: String, _ p: PaymentIntentConfirmParameters) async throws -> PaymentIntent {
        try await object(PaymentIntent.self, .post, try path("payment_intents", id, "/confirm", method: .post), body: p.wire)
    }

    /// Captures an authorised intent; `amount` nil captures the full authorised amount.
    /// With `currency` given the amount is written with that currency's decimals.
    public func capturePaymentIntent(id: String, amount: Decimal? = nil, currency: CurrencyCode? = nil) async throws -> PaymentIntent {
        var b = WireObjectBuilder()
        b.setAmount("amount", amount, currency: currency)
        return try await object(PaymentIntent.self, .post, try path("payment_intents", id, "/capture", method: .post), body: b.json)
    }

    public func cancelPaymentIntent(id: String, reason: String? = nil) async throws -> PaymentIntent {
        var b = WireObjectBuilder()
        b.set("cancellation_reason", reason)
        return try await object(PaymentIntent.self, .post, try path("payment_intents", id, "/cancel", method: .post), body: b.json)
    }

    public func listPaymentIntents(_ q: PaymentIntentListQuery) async throws -> Page<PaymentIntent> {
        try await page(PaymentIntent.self, "/api/v1/payment_intents", q)
    }

    /// Every page, however long the day: a busy day has more than 500 pages of 100.
    public func paymentIntents(_ q: PaymentIntentListQuery, maxPages: Int = .max) -> AutoPagingSequence<PaymentIntent> {
        autoPaging(q, maxPages: maxPages) { [self] in try await self.listPaymentIntents($0) }
    }
}
