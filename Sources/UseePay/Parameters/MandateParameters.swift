import Foundation

/// Body of `POST /api/v1/mandates/create` (SPEC §7.7).
public struct MandateCreateParameters: Sendable, Hashable {
    public var customerId: String
    public var paymentIntentId: String?
    public var acceptance: CustomerAcceptance

    public init(customerId: String, paymentIntentId: String? = nil,
                acceptance: CustomerAcceptance = CustomerAcceptance(acceptedAt: Date())) {
        self.customerId = customerId; self.paymentIntentId = paymentIntentId; self.acceptance = acceptance
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.set("customer_id", customerId)
        b.set("payment_intent_id", paymentIntentId)
        b.set("customer_acceptance", acceptance.wire)
        return b.json
    }
}

/// `GET /api/v1/mandates?customer_id=…` plus the created-time window (the documented sample).
public struct MandateListQuery: ListQuery, Hashable {
    public var window: ListWindow
    public var customerId: String?

    public init(window: ListWindow = ListWindow(), customerId: String? = nil) {
        self.window = window; self.customerId = customerId
    }

    public func filterItems() -> [(String, String)] {
        guard let customerId, !customerId.isEmpty else { return [] }
        return [("customer_id", customerId)]
    }
}
