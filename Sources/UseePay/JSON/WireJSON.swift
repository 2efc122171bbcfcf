import Foundation

/// JSON as the client writes it: objects keep insertion order and numbers keep the exact text
/// chosen by the caller (so 12.5 USD goes out as `12.50`, never through `Double`).
enum WireJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([WireJSON])
    case object([(String, WireJSON)])

    static func == (lhs: WireJSON, rhs: WireJSON) -> Bool { lhs.serialized() == rhs.serialized() }

    init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let d): self = .number(DecimalText.exact(d))
        case .string(let s): self = .string(s)
        case .array(let a): self = .array(a.map(WireJSON.init))
        case .object(let o): self = .object(o.keys.sorted().map { ($0, WireJSON(o[$0]!)) })
        }
    }

    /// An amount with exactly the currency's fraction digits; without a currency, the exact value.
    static func amount(_ value: Decimal, currency: CurrencyCode?) -> WireJSON {
        if let currency { return .number(DecimalText.fixed(value, scale: currency.minorUnitExponent)) }
        return .number(DecimalText.exact(value))
    }

    func serialized(pretty: Bool = false, indent: String = "  ") -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: indent, level: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, indent: String, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let text): out += text
        case .string(let s): WireJSON.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: indent, count: level + 1) }
                item.write(into: &out, pretty: pretty, indent: indent, level: level + 1)
            }
            if pretty { out += "\n" + String(repeating: indent, count: level) }
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: indent, count: level + 1) }
                WireJSON.writeString(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, pretty: pretty, indent: indent, level: level + 1)
            }
            if pretty { out += "\n" + String(repeating: indent, count: level) }
            out += "}"
        }
    }

    private static func writeString(_ s: String, into out: inout String) {
        JSONStringEscaping.appendQuoted(s, to: &out)
    }
}

/// Builds a JSON object in a fixed field order, skipping absent optionals.
struct WireObjectBuilder {
    private(set) var pairs: [(String, WireJSON)] = []

    mutating func set(_ key: String, _ value: WireJSON?) {
        guard let value else { return }
        pairs.removeAll { $0.0 == key }
        pairs.append((key, value))
    }
    mutating func set(_ key: String, _ value: String?) { set(key, value.map(WireJSON.string)) }
    mutating func set(_ key: String, _ value: Bool?) { set(key, value.map(WireJSON.bool)) }
    mutating func set(_ key: String, _ value: Int?) { set(key, value.map { WireJSON.number(String($0)) }) }
    mutating func set(_ key: String, _ value: [String]?) { set(key, value.map { WireJSON.array($0.map(WireJSON.string)) }) }
    mutating func set(_ key: String, _ value: Date?) { set(key, value.map { WireJSON.string(ISOTimestamp.format($0)) }) }
    mutating func set(_ key: String, _ value: [String: JSONValue]?) { set(key, value.map { WireJSON(.object($0)) }) }
    mutating func setAmount(_ key: String, _ value: Decimal?, currency: CurrencyCode?) {
        set(key, value.map { WireJSON.amount($0, currency: currency) })
    }

    var json: WireJSON { .object(pairs) }
}

/// ISO-8601 UTC timestamps as the API writes them (`2024-10-28T07:17:43Z`), read leniently.
enum ISOTimestamp {
    static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }

    /// Accepts second precision, fractional seconds, numeric offsets and Unix-second numbers.
    static func parse(_ value: JSONValue) -> Date? {
        switch value {
        case .number(let d):
            guard let seconds = Int(DecimalText.exact(d.rounded(0))) else { return nil }
            // Values this large are milliseconds (some guide payloads use them).
            return Date(timeIntervalSince1970: TimeInterval(seconds > 100_000_000_000 ? seconds / 1000 : seconds))
        case .string(let s):
            let trimmed = s.trimmed(.whitespaces)
            if let d = try? Date(trimmed, strategy: Date.ISO8601FormatStyle()) { return d }
            if let d = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return d }
            if let n = Int(trimmed) { return parse(.number(Decimal(n))) }
            return nil
        default:
            return nil
        }
    }
}
