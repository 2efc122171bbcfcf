import Foundation

/// A value the client reads from a `JSONValue` (numbers exact). `Decodable` goes the same way, through
/// `init(json:)`, so a `JSONDecoder` and the client's own parser always agree.
public protocol JSONReadable: Sendable, Hashable, Decodable {
    init(json: JSONValue) throws
}

extension JSONReadable {
    public init(from decoder: any Decoder) throws { try self.init(json: JSONValue(from: decoder)) }
}

/// An object the API returns: it has an id-bearing body and the stamp every object carries.
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

/// Whose an object is and when it was made and last changed: the fields every API object carries,
/// read in one place so the older and newer names (`create_at`, `created_at`, `created`) are listed once.
public struct ObjectStamp: Sendable, Hashable {
    public let merchantNo: String?
    public let appId: String?
    public let createAt: Date?
    public let modifyAt: Date?

    init(_ r: JSONObjectReader) {
        merchantNo = r.string("merchant_no")
        appId = r.string("app_id")
        createAt = r.date("create_at", "created_at", "created")
        modifyAt = r.date("modify_at", "updated_at")
    }
}
