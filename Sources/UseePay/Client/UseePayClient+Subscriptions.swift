import Foundation

extension UseePayClient {
    public func createSubscription(_ p: SubscriptionCreateParameters) async throws -> Subscription {
        try await object(Subscription.self, .post, "/api/v1/subscriptions/create", body: p.wire)
    }

    public func retrieveSubscription(id: String) async throws -> Subscription {
        try await object(Subscription.self, .get, try path("subscriptions", id, method: .get))
    }

    public func updateSubscription(id: String, _ p: SubscriptionUpdateParameters) async throws -> Subscription {
        try await object(Subscription.self, .post, try path("subscriptions", id, method: .post), body: p.wire)
    }

    /// Cancels now, or at the end of the current period when `atPeriodEnd` is true.
    public func cancelSubscription(id: String, atPeriodEnd: Bool = false, comment: String? = nil) async throws -> Subscription {
        var b = WireObjectBuilder()
        b.set("at_period_end", atPeriodEnd)
        // Top-level `comment` (stored as cancellation_details.comment), as the sandbox documents it.
        b.set("comment", comment)
        return try await object(Subscription.self, .post, try path("subscriptions", id, "/cancel", method: .post), body: b.json)
    }

    public func listSubscriptions(_ q: SubscriptionListQuery) async throws -> Page<Subscription> {
        try await page(Subscription.self, "/api/v1/subscriptions", q)
    }

    public func subscriptions(_ q: SubscriptionListQuery, maxPages: Int = 500) -> AutoPagingSequence<Subscription> {
        autoPaging(q, maxPages: maxPages) { [self] in try await self.listSubscriptions($0) }
    }
}
