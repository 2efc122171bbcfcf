import Foundation

/// Any JSON value, kept exactly as received. Numbers are parsed from their text into `Decimal`.
public enum JSONValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null; return }
        if let b = try? container.decode(Bool.self) { self = .bool(b); return }
        if let d = try? container.decode(Decimal.self) { self = .number(d); return }
        if let s = try? container.decode(String.self) { self = .string(s); return }
        if let a = try? container.decode([JSONValue].self) { self = .array(a); return }
        if let o = try? container.decode([String: JSONValue].self) { self = .object(o); return }
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a JSON value")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .number(let d): try container.encode(d)
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }

    /// Parses JSON bytes with the project's one parser (`JSONParser`); no `Double` anywhere.
    public static func parse(_ data: Data) throws(JSONParseError) -> JSONValue {
        try JSONParser<JSONValue>.parse(Array(data))
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try JSONParser<JSONValue>.parse(Array(text.utf8))
    }

    /// Compact JSON text with sorted keys (stable output for `--format json` and tests).
    public var jsonText: String { WireJSON(self).serialized() }

    /// Indented JSON text with sorted keys, for raw-JSON views.
    public func prettyText(indent: String = "  ") -> String { WireJSON(self).serialized(pretty: true, indent: indent) }

    public var description: String { jsonText }

    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var objectValue: [String: JSONValue]? { if case .object(let o) = self { return o }; return nil }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var isNull: Bool { self == .null }

    /// Strings as-is; numbers as their exact plain text (ids sometimes arrive as numbers).
    public var stringValue: String? {
        switch self {
        case .string(let s): return s
        case .number(let d): return DecimalText.exact(d)
        default: return nil
        }
    }

    /// Numbers, and strings that hold a plain JSON number ("100.23").
    public var decimalValue: Decimal? {
        switch self {
        case .number(let d): return d
        case .string(let s): return DecimalText.parse(s)
        default: return nil
        }
    }

    public var intValue: Int? {
        guard let d = decimalValue, d == d.rounded(0) else { return nil }
        let text = DecimalText.exact(d)
        return Int(text)
    }
}

extension JSONValue: JSONTreeValue {
    public static var jsonNull: JSONValue { .null }
    public static func jsonBool(_ value: Bool) -> JSONValue { .bool(value) }
    /// A number `Decimal` cannot hold exactly (`1e400`, 40 significant digits) keeps its text
    /// rather than becoming a different number.
    public static func jsonNumber(_ text: String) -> JSONValue {
        if let value = DecimalText.exactValue(ofJSONNumber: text) { return .number(value) }
        return .string(text)
    }
    public static func jsonString(_ value: String) -> JSONValue { .string(value) }
    public static func jsonArray(_ items: [JSONValue]) -> JSONValue { .array(items) }
    public static func jsonObject(_ fields: [String: JSONValue]) -> JSONValue { .object(fields) }
}

extension Decimal {
    func rounded(_ scale: Int) -> Decimal { DecimalText.rounded(self, scale: scale) }
}
