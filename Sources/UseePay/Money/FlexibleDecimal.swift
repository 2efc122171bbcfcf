import Foundation

/// Decodes a JSON number, integer or numeric string into an exact `Decimal`.
///
/// Goes through `JSONValue`, whose numbers are parsed from their text, so `100.23` is exactly
/// `Decimal(string: "100.23")`, never a binary-float approximation.
public struct FlexibleDecimal: Codable, Hashable, Sendable {
    public var value: Decimal

    public init(_ value: Decimal) { self.value = value }

    public init(from decoder: any Decoder) throws {
        let json = try JSONValue(from: decoder)
        guard let value = json.decimalValue else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "Expected a number or numeric string"))
        }
        self.value = value
    }

    public func encode(to encoder: any Encoder) throws {
        try JSONValue.number(value).encode(to: encoder)
    }
}
