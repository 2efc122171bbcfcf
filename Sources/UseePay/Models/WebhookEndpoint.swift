import Foundation

/// A registered webhook URL. The `secret` field is not exposed: it would end up in dumps and logs.
public struct WebhookEndpoint: UseePayObject, Identifiable {
    public let id: String
    public let url: String?
    public let description: String?
    public let events: [String]?
    public let metadata: [String: JSONValue]?
    public let status: String?
    public let apiVersion: String?
    public let hasSecret: Bool
    public let stamp: ObjectStamp
    /// The JSON as received, with `secret` replaced by a placeholder when present.
    public let raw: JSONValue

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "webhook endpoint")
        id = try r.requiredID(what: "webhook endpoint")
        url = r.string("url")
        description = r.string("description")
        events = r.strings("events")
        metadata = r.dictionary("metadata")
        status = r.string("status")
        apiVersion = r.string("api_version")
        hasSecret = r.string("secret") != nil
        stamp = ObjectStamp(r)
        if hasSecret, var object = json.objectValue {
            object["secret"] = .string("[redacted]")
            raw = .object(object)
        } else {
            raw = json
        }
    }
}
