import Foundation

/// The customer's online acceptance of being charged later (SPEC §7.7).
public struct CustomerAcceptance: Sendable, Hashable {
    public var type: String?
    public var acceptedAt: Date?
    public var ipAddress: String?
    public var userAgent: String?

    public init(type: String? = "online", acceptedAt: Date? = nil, ipAddress: String? = nil, userAgent: String? = nil) {
        self.type = type; self.acceptedAt = acceptedAt; self.ipAddress = ipAddress; self.userAgent = userAgent
    }

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "customer_acceptance")
        let online = r.value("online").flatMap { try? JSONObjectReader($0, what: "online") }
        self.init(type: r.string("type"), acceptedAt: r.date("accepted_at"),
                      ipAddress: online?.string("ip_address"), userAgent: online?.string("user_agent"))
    }

    var wire: WireJSON {
        var online = WireObjectBuilder()
        online.set("ip_address", ipAddress); online.set("user_agent", userAgent)
        var b = WireObjectBuilder()
        b.set("type", type); b.set("accepted_at", acceptedAt); b.set("online", online.json)
        return b.json
    }
}

/// A mandate: a customer's permission, given with a payment, to be charged again (subscriptions, invoices).
/// The docs show no status; one is read when the server sends it.
public struct Mandate: UseePayObject, Identifiable {
    public let id: String
    public let customerId: String?
    public let paymentIntentId: String?
    public let customerAcceptance: CustomerAcceptance?
    /// Undocumented; kept verbatim when present.
    public let status: String?
    public let stamp: ObjectStamp
    public let raw: JSONValue
}

extension Mandate {
    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "mandate")
        try self.init(id: r.requiredID(what: "mandate"),
                      customerId: r.string("customer_id") ?? r.value("customer")?["id"]?.stringValue,
                      paymentIntentId: r.string("payment_intent_id") ?? r.string("payment_intent"),
                      customerAcceptance: r.nested("customer_acceptance", CustomerAcceptance.init(json:)),
                      status: r.string("status"), stamp: ObjectStamp(r), raw: json)
    }
}
