import Foundation

/// The fields a webhook endpoint is registered or updated with. A registration must give the URL and the
/// events (see `WebhookEndpointCreateParameters`); on an update, nil fields are left as they are.
public struct WebhookEndpointFields: Sendable, Hashable {
    public var url: String?
    /// Event names; `["*"]` = all events.
    public var events: [String]?
    public var apiVersion: String?
    public var description: String?
    public var metadata: [String: JSONValue]?
    /// `enabled` / `disabled`.
    public var status: String?

    public init(url: String? = nil, events: [String]? = nil, apiVersion: String? = nil, description: String? = nil,
                metadata: [String: JSONValue]? = nil, status: String? = nil) {
        self.url = url; self.events = events; self.apiVersion = apiVersion; self.description = description
        self.metadata = metadata; self.status = status
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.set("url", url); b.set("events", events); b.set("api_version", apiVersion)
        b.set("description", description); b.set("metadata", metadata); b.set("status", status)
        return b.json
    }
}

/// A new webhook endpoint: the URL and events a registration must give, and any other fields.
public struct WebhookEndpointCreateParameters: Sendable, Hashable, FieldsHolder {
    public var url: String
    public var events: [String]
    /// The other fields; their URL and events are ignored in favour of the ones above.
    public var fields: WebhookEndpointFields

    public init(url: String, events: [String], apiVersion: String? = nil, description: String? = nil,
                metadata: [String: JSONValue]? = nil, status: String? = nil) {
        self.url = url; self.events = events
        fields = WebhookEndpointFields(apiVersion: apiVersion, description: description, metadata: metadata, status: status)
    }

    /// Registration and update send the same fields.
    var wire: WireJSON {
        var all = fields
        all.url = url; all.events = events
        return all.wire
    }
}

/// Fields to change; nil fields are left as they are.
public typealias WebhookEndpointUpdateParameters = WebhookEndpointFields
