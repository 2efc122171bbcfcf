import Foundation

extension UseePayClient {
    public func createWebhookEndpoint(_ p: WebhookEndpointCreateParameters) async throws -> WebhookEndpoint {
        try await object(WebhookEndpoint.self, .post, "/api/v1/webhooks/create", body: p.wire)
    }

    public func retrieveWebhookEndpoint(id: String) async throws -> WebhookEndpoint {
        try await object(WebhookEndpoint.self, .get, try path("webhooks", id, method: .get))
    }

    public func updateWebhookEndpoint(id: String, _ p: WebhookEndpointUpdateParameters) async throws -> WebhookEndpoint {
        try await object(WebhookEndpoint.self, .post, try path("webhooks", id, method: .post), body: p.wire)
    }

    public func listWebhookEndpoints(_ q: WebhookEndpointListQuery = WebhookEndpointListQuery()) async throws -> Page<WebhookEndpoint> {
        try await page(WebhookEndpoint.self, "/api/v1/webhooks", q)
    }

    public func webhookEndpoints(_ q: WebhookEndpointListQuery = WebhookEndpointListQuery(), maxPages: Int = 500) -> AutoPagingSequence<WebhookEndpoint> {
        autoPaging(q, maxPages: maxPages) { [self] in try await self.listWebhookEndpoints($0) }
    }
}
