import Foundation

/// Lenient field access for decoding API objects: a field of the wrong type reads as absent
/// rather than failing the whole object (the client is lenient in what it accepts).
struct JSONObjectReader {
    let object: [String: JSONValue]
    let raw: JSONValue

    init(_ value: JSONValue, what: String) throws {
        guard case .object(let object) = value else {
            throw UseePayDecodingError(what: what, reason: "expected a JSON object")
        }
        self.object = object
        self.raw = value
    }

    func value(_ key: String) -> JSONValue? {
        guard let v = object[key], v != .null else { return nil }
        return v
    }

    func requiredID(what: String) throws -> String {
        guard let id = string("id"), !id.isEmpty else {
            throw UseePayDecodingError(what: what, reason: "missing \"id\"")
        }
        return id
    }

    func string(_ key: String) -> String? { value(key)?.stringValue }
    func string(_ keys: String...) -> String? { keys.lazy.compactMap { self.string($0) }.first }
    func decimal(_ key: String) -> Decimal? { value(key)?.decimalValue }
    func int(_ key: String) -> Int? { value(key)?.intValue }
    func bool(_ key: String) -> Bool? {
        switch value(key) {
        case .bool(let b)?: return b
        case .string(let s)?: return s == "true" ? true : (s == "false" ? false : nil)
        default: return nil
        }
    }
    func date(_ keys: String...) -> Date? {
        keys.lazy.compactMap { key in self.value(key).flatMap(ISOTimestamp.parse) }.first
    }
    func currency(_ key: String) -> CurrencyCode? {
        guard let s = string(key), !s.isEmpty else { return nil }
        return CurrencyCode(s)
    }
    func strings(_ key: String) -> [String]? { value(key)?.arrayValue?.compactMap(\.stringValue) }
    func dictionary(_ key: String) -> [String: JSONValue]? { value(key)?.objectValue }
    /// A nested object decoded leniently: if it does not decode it reads as absent.
    func nested<T>(_ key: String, _ make: (JSONValue) throws -> T) -> T? {
        guard let v = value(key), v.objectValue != nil else { return nil }
        return try? make(v)
    }
    func nestedArray<T>(_ key: String, _ make: (JSONValue) throws -> T) -> [T]? {
        value(key)?.arrayValue?.compactMap { try? make($0) }
    }
}

/// Thrown when a response is JSON but not the object the client expected.
public struct UseePayDecodingError: Error, Sendable, CustomStringConvertible {
    public var what: String
    public var reason: String
    public var description: String { "could not read \(what): \(reason)" }
}
