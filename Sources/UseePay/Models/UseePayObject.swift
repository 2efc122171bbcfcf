import Foundation

/// A value the client reads from a `JSONValue` (numbers exact). `Decodable` goes the same way, through
/// `init(json:)`, so a `JSONDecoder` and the client's own parser always agree.
public protocol JSONReadable: Sendable, Hashable, Decodable {
    init(json: JSONValue) throws
}

extension JSONReadable {
    public init(from decoder: any Decoder) throws { try self.init(json: JSONValue(from: decoder)) }
}

/// An object the API returns. Its stamp (merchant, app, creation and change times) reads as its own fields.
public protocol UseePayObject: JSONReadable {
    var stamp: ObjectStamp { get }
    /// The JSON as received (for a webhook endpoint, with the secret redacted).
    var raw: JSONValue { get }
}

extension UseePayObject {
    /// Decodes from JSON bytes with the client's exact-number parser.
    public static func decode(_ data: Data) throws -> Self {
        try Self(json: try JSONValue.parse(data))
    }

    public var merchantNo: String? { stamp.merchantNo }
    public var appId: String? { stamp.appId }
    public var createAt: Date? { stamp.createAt }
    public var modifyAt: Date? { stamp.modifyAt }
}
