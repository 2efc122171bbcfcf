import Foundation

/// An object the API returns. Built from a `JSONValue` (numbers exact); `Decodable` goes the same way.
public protocol UseePayObject: Sendable, Hashable, Decodable {
    init(json: JSONValue) throws
}

extension UseePayObject {
    /// Decodes from JSON bytes with the client's exact-number parser.
    public static func decode(_ data: Data) throws -> Self {
        try Self(json: try JSONValue.parse(data))
    }
}
