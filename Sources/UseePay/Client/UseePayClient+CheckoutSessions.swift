import Foundation

extension UseePayClient {
    /// Creates a hosted checkout. Like every POST it is never retried; an unclear outcome can be
    /// settled by listing sessions with the same `merchant_order_id`.
    public func createCheckoutSession(_ p: CheckoutSessionCreateParameters) async throws -> CheckoutSession {
        try await object(CheckoutSession.self, .post, "/api/v1/checkout_sessions", body: p.wire)
    }

    public func retrieveCheckoutSession(id: String) async throws -> CheckoutSession {
        try await object(CheckoutSession.self, .get, try path("checkout_sessions", id, method: .get))
    }

    public func listCheckoutSessions(_ q: CheckoutSessionListQuery) async throws -> Page<CheckoutSession> {
        try await page(CheckoutSession.self, "/api/v1/checkout_sessions", q)
    }

    public func checkoutSessions(_ q: CheckoutSessionListQuery, maxPages: Int = 500) -> AutoPagingSequence<CheckoutSession> {
        autoPaging(q, maxPages: maxPages) { [self] in try await self.listCheckoutSessions($0) }
    }

    /// The session that created this payment intent, or nil. Reads one page filtered by
    /// `payment_intent_id` and keeps only a real match, in case a server ignores the filter.
    public func checkoutSession(forPaymentIntent paymentIntentId: String) async throws -> CheckoutSession? {
        let query = CheckoutSessionListQuery(window: ListWindow(pageNum: 0, pageSize: 20), paymentIntentId: paymentIntentId)
        return try await listCheckoutSessions(query).items.first { $0.paymentIntentId == paymentIntentId }
    }
}
