import Foundation
import UseePay

/// The sandbox's own JSON value. It is deliberately independent of the client library's models
/// so that a modelling bug shared by both cannot hide: the sandbox builds its wire JSON from its
/// own records. Numbers keep their exact text, so money never passes through `Double`.
public enum SandboxJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The literal JSON number text, e.g. `100.50` or `15000`.
    case number(String)
    case string(String)
    case array([SandboxJSON])
    case object([String: SandboxJSON])

    public subscript(key: String) -> SandboxJSON? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    public var objectValue: [String: SandboxJSON]? {
        if case .object(let fields) = self { return fields }
        return nil
    }

    public var arrayValue: [SandboxJSON]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Integer value of a number without a fraction or exponent.
    public var intValue: Int? {
        if case .number(let text) = self { return Int(text) }
        return nil
    }

    public static func integer(_ value: Int) -> SandboxJSON { .number(String(value)) }
}

// MARK: - Serialising

extension SandboxJSON {
    /// Compact JSON text. Object keys are sorted so the same record always yields the same bytes.
    public func serialized() -> String {
        var output = ""
        output.reserveCapacity(256)
        write(into: &output)
        return output
    }

    public func serializedData() -> Data { Data(serialized().utf8) }

    func write(into output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): Self.writeString(text, into: &output)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.write(into: &output)
            }
            output += "]"
        case .object(let fields):
            output += "{"
            for (index, field) in fields.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { output += "," }
                Self.writeString(field.key, into: &output)
                output += ":"
                field.value.write(into: &output)
            }
            output += "}"
        }
    }

    /// The shared writer: control characters (C0, DEL, C1 such as CSI U+009B, U+2028/9) are escaped,
    /// so hostile seed data travels intact but never raw on the wire.
    static func writeString(_ text: String, into output: inout String) {
        JSONStringEscaping.appendQuoted(text, to: &output)
    }
}

// MARK: - Parsing

public struct SandboxJSONParseError: Error, Sendable, CustomStringConvertible {
    public var offset: Int
    public var reason: String
    public var description: String { "malformed JSON at byte \(offset): \(reason)" }
}

extension SandboxJSON: JSONTreeValue {
    public static var jsonNull: SandboxJSON { .null }
    public static func jsonBool(_ value: Bool) -> SandboxJSON { .bool(value) }
    /// Numbers keep their exact text, so amounts never pass through `Double` or lose their digits.
    public static func jsonNumber(_ text: String) -> SandboxJSON { .number(text) }
    public static func jsonString(_ value: String) -> SandboxJSON { .string(value) }
    public static func jsonArray(_ items: [SandboxJSON]) -> SandboxJSON { .array(items) }
    public static func jsonObject(_ fields: [String: SandboxJSON]) -> SandboxJSON { .object(fields) }
}

extension SandboxJSON {
    /// Parsed by the client library's one JSON parser (a low-level piece, not its models), so the
    /// sandbox and the client accept, reject and read the same bytes the same way.
    public static func parse(_ data: Data) throws -> SandboxJSON {
        try parse(bytes: Array(data))
    }

    public static func parse(_ text: String) throws -> SandboxJSON { try parse(bytes: Array(text.utf8)) }

    private static func parse(bytes: [UInt8]) throws(SandboxJSONParseError) -> SandboxJSON {
        do {
            return try JSONParser<SandboxJSON>.parse(bytes)
        } catch {
            throw SandboxJSONParseError(offset: error.offset, reason: error.reason)
        }
    }
}
