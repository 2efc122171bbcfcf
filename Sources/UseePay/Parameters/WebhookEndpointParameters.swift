import Foundation

public struct WebhookEndpointCreateParameters: Sendable, Hashable {
    public var url: String
    /// Event names; `["*"]` = all events.
    public var events: [String]
    public var apiVersion: String?
    public var description: String?
    public var metadata: [String: JSONValue]?
    /// `enabled` / `disabled`.
    public var status: String?

    public init(url: String, events: [String], apiVersion: String? = nil, description: String? = nil,
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

/// Fields to change; nil fields are left as they are.
public struct WebhookEndpointUpdateParameters: Sendable, Hashable {
    public var url: String?
    public var events: [String]?
    public var apiVersion: String?
    public var description: String?
    public var metadata: [String: JSONValue]?
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
