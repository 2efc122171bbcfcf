import Foundation
import GRDB

extension SandboxEngine {
    /// Every event name SPEC §8.5 documents, whether or not the sandbox emits it: endpoints
    /// subscribe to what the docs list (`invoice.open` is the older name of `invoice.sent`).
    static let knownEventNames: Set<String> = Set(PaymentIntentStatus.allCases.map(\.eventName) + [
        "payment_intent.created",
        "refund.received", "refund.accepted", "refund.succeeded", "refund.failed",
        "subscription.created", "subscription.active", "subscription.paused", "subscription.unpaid", "subscription.updated",
        "subscription.cancelled", "subscription.expired",
        "invoice.sent", "invoice.open", "invoice.paid", "invoice.payment_failed", "invoice.cancelled",
        "payment_method.created", "payment_method.updated",
        "checkout_session.completed", "checkout_session.expired",
        "dispute.created",
    ])

    private func applyEndpointFields(_ body: JSONBody, to doc: inout Document, creating: Bool) throws(APIError) {
        if let url = try body.string("url", required: creating, maxLength: 2048) {
            guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
                  parsed.host != nil else {
                throw APIError.invalidArgument("url", "url must be an http(s) URL")
            }
            doc["url"] = .string(url)
        }
        if let events = try body.stringArray("events", required: creating) {
            guard !events.isEmpty else { throw APIError.fieldRequired("events") }
            if let unknown = events.first(where: { $0 != "*" && !Self.knownEventNames.contains($0) }) {
                throw APIError.invalidArgument("events", "unknown event \(unknown); use \"*\" for all events")
            }
            doc["events"] = .array(events.map(SandboxJSON.string))
        }
        if let status = try body.string("status") {
            guard ["enabled", "disabled"].contains(status) else {
                throw APIError.invalidArgument("status", "status must be enabled or disabled")
            }
            doc["status"] = .string(status)
        } else if creating {
            doc["status"] = .string("enabled")
        }
        if body.fields["description"] != nil { doc.set("description", string: try body.string("description", maxLength: 5000)) }
        if body.fields["api_version"] != nil { doc.set("api_version", string: try body.string("api_version", maxLength: 40)) }
        if body.fields["metadata"] != nil { doc.set("metadata", try body.rawObject("metadata")) }
    }

    func createWebhookEndpoint(_ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        let merchant = request.merchant
        var prepared = newDocument(id: IdentifierFactory.make(.webhookEndpoint), merchant: merchant, now: 0)
        try applyEndpointFields(body, to: &prepared, creating: true)
        return try await insertObject(.webhookEndpoint, prepared, merchant: merchant) { ["status": $0.string("status")] }
    }

    func updateWebhookEndpoint(id: String, _ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        return try await changeObject(.webhookEndpoint, id: id, request) { doc, db, now in
            try self.applyEndpointFields(body, to: &doc, creating: false)
            doc["modify_at"] = SandboxTime.isoJSON(milliseconds: now)
            try db.updateDocument(.webhookEndpoint, id: id, doc, columns: ["status": doc.string("status")])
            return try self.render(.webhookEndpoint, doc, db)
        }
    }
}
