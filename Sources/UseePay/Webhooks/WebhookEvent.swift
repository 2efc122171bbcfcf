import Foundation

/// A webhook notification `{id, name, data}`. De-duplicate deliveries by `id`.
public struct WebhookEvent: Sendable, Hashable {
    public let id: String
    /// e.g. `payment_intent.succeeded`, `refund.failed`.
    public let name: String
    public let data: WebhookEventData
    public let raw: JSONValue

    /// Parses the event JSON text. The object type is taken from the name's prefix.
    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "webhook event")
        let id = try r.requiredID(what: "webhook event")
        // Some guide payloads say `event` instead of `name`.
        guard let name = r.string("name", "event", "type"), !name.isEmpty else {
            throw UseePayDecodingError(what: "webhook event", reason: "missing \"name\"")
        }
        self.id = id
        self.name = name
        self.raw = json
        let payload = r.value("data") ?? .null
        self.data = WebhookEventData(name: name, payload: payload)
    }

    public static func parse(_ data: Data) throws -> WebhookEvent {
        try WebhookEvent(json: try JSONValue.parse(data))
    }

    /// The part before the first dot: `payment_intent`, `refund`, ...
    public var objectType: String { String(name.split(separator: ".", maxSplits: 1).first ?? "") }
}

public enum WebhookEventData: Sendable, Hashable {
    case paymentIntent(PaymentIntent)
    case refund(Refund)
    case subscription(Subscription)
    case invoice(Invoice)
    case customer(Customer)
    /// Unknown object types, and objects that did not decode (kept, never dropped).
    case other(JSONValue)

    init(name: String, payload: JSONValue) {
        // Stripe-style payloads nest the object under data.object.
        let object = payload["object"]?.objectValue != nil ? payload["object"]! : payload
        let prefix = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
        switch prefix {
        case "payment_intent": self = (try? PaymentIntent(json: object)).map(Self.paymentIntent) ?? .other(payload)
        case "refund": self = (try? Refund(json: object)).map(Self.refund) ?? .other(payload)
        case "subscription": self = (try? Subscription(json: object)).map(Self.subscription) ?? .other(payload)
        case "invoice": self = (try? Invoice(json: object)).map(Self.invoice) ?? .other(payload)
        case "customer": self = (try? Customer(json: object)).map(Self.customer) ?? .other(payload)
        default: self = .other(payload)
        }
    }
}
