/// Error thrown when bytes are not valid JSON. Carries the byte offset for messages.
public struct JSONParseError: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var offset: Int
    public init(reason: String, offset: Int) {
        self.reason = reason; self.offset = offset
    }
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

/// A value type the one JSON parser can build. The client's `JSONValue` (numbers as `Decimal`) and
/// the sandbox's `SandboxJSON` (numbers as their text) are both built by `JSONParser`, so they
/// accept and reject exactly the same bytes and read strings the same way.
public protocol JSONTreeValue {
    static var jsonNull: Self { get }
    static func jsonBool(_ value: Bool) -> Self
    /// `text` is a number that passed the JSON grammar, exactly as written (`100.50`, `-2.5e3`, `1e400`).
    static func jsonNumber(_ text: String) -> Self
    static func jsonString(_ value: String) -> Self
    static func jsonArray(_ items: [Self]) -> Self
    static func jsonObject(_ fields: [String: Self]) -> Self
}

/// The project's one JSON parser (RFC 8259), shared by the client and the sandbox.
///
/// Why not Foundation's `JSONDecoder`: it normalises numbers (`100.50` reads as `100.5`, `1e3` and
/// `1000` become the same value, a 40-digit number loses its last digit), and the sandbox must emit
/// amounts with the currency's digits and refuse exponent amounts (DECISIONS.md). So numbers stay
/// text here and each value type decides what they mean.
///
/// The rules, in one place:
/// - nesting deeper than `maximumDepth` is an error (a hostile body must not blow the stack);
/// - invalid UTF-8 in a string is an error;
/// - an unpaired `\uD800`…`\uDFFF` escape reads as U+FFFD (JavaScript and Python servers emit them);
/// - a number of any size is accepted as text (`1e400`);
/// - a UTF-8 byte-order mark before the value is skipped;
/// - duplicate object keys: the last one wins.
///
/// `@inlinable` so each module's value type gets a specialised parser (no generic dispatch per value).
public struct JSONParser<Value: JSONTreeValue> {
    public static var maximumDepth: Int { 256 }

    @usableFromInline let bytes: [UInt8]
    @usableFromInline var index = 0
    @usableFromInline var depth = 0

    @inlinable init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses one JSON document: a single value with only whitespace around it.
    @inlinable public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> Value {
        var parser = JSONParser(bytes: bytes)
        return try parser.parseDocument()
    }

    @inlinable mutating func parseDocument() throws(JSONParseError) -> Value {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        if index >= bytes.count { throw fail("empty body") }
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count { throw fail("unexpected text after the JSON value") }
        return value
    }

    @inlinable func fail(_ reason: String) -> JSONParseError { JSONParseError(reason: reason, offset: index) }

    @inlinable mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    @inlinable mutating func parseValue() throws(JSONParseError) -> Value {
        guard index < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .jsonString(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .jsonBool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .jsonBool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .jsonNull
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .jsonNumber(try parseNumber())
        default: throw fail("unexpected character")
        }
    }

    @inlinable mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw fail("expected \(literal)") }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != expected[offset] {
            throw fail("expected \(literal)")
        }
        index += count
    }

    @inlinable mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > Self.maximumDepth { throw fail("nesting deeper than \(Self.maximumDepth)") }
    }

    @inlinable mutating func parseObject() throws(JSONParseError) -> Value {
        try enter()
        defer { depth -= 1 }
        index += 1
        var fields: [String: Value] = [:]
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") { index += 1; return .jsonObject(fields) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key") }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            index += 1
            skipWhitespace()
            fields[key] = try parseValue()
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of input in object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .jsonObject(fields) }
            throw fail("expected ',' or '}'")
        }
    }

    @inlinable mutating func parseArray() throws(JSONParseError) -> Value {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [Value] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") { index += 1; return .jsonArray(items) }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of input in array") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .jsonArray(items) }
            throw fail("expected ',' or ']'")
        }
    }

    /// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? scanned straight off the bytes.
    @inlinable mutating func parseNumber() throws(JSONParseError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        skipDigits()
        guard index > integerStart else { throw fail("malformed number") }
        if index - integerStart > 1, bytes[integerStart] == UInt8(ascii: "0") { index = start; throw fail("malformed number: leading zero") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            skipDigits()
            guard index > fractionStart else { throw fail("malformed number: digits expected after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let exponentStart = index
            skipDigits()
            guard index > exponentStart else { throw fail("malformed number: digits expected in exponent") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    @inlinable mutating func skipDigits() {
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
    }

    @inlinable mutating func parseString() throws(JSONParseError) -> String {
        index += 1  // opening quote
        let start = index
        var plainASCII = true
        // Fast path: most strings have no escapes; they become a String in one step.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let run = bytes[start..<index]
                index += 1
                if plainASCII { return String(decoding: run, as: UTF8.self) }
                guard let text = String(validating: run, as: UTF8.self) else {
                    index = start
                    throw fail("invalid UTF-8 in string")
                }
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail("control character in string") }
            if byte >= 0x80 { plainASCII = false }
            index += 1
        }
        return try parseEscapedString(from: start)
    }

    @inlinable mutating func parseEscapedString(from start: Int) throws(JSONParseError) -> String {
        var scalars = String.UnicodeScalarView()
        var runStart = start
        func flushRun(_ parser: JSONParser, upTo end: Int, into scalars: inout String.UnicodeScalarView) throws(JSONParseError) {
            guard end > runStart else { return }
            guard let text = String(validating: parser.bytes[runStart..<end], as: UTF8.self) else {
                throw JSONParseError(reason: "invalid UTF-8 in string", offset: runStart)
            }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                try flushRun(self, upTo: index, into: &scalars)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 { throw fail("control character in string") }
            guard byte == UInt8(ascii: "\\") else { index += 1; continue }
            try flushRun(self, upTo: index, into: &scalars)
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"): scalars.append(try parseUnicodeEscape())
            default: index -= 1; throw fail("invalid escape")
            }
            runStart = index
        }
        throw fail("unterminated string")
    }

    /// After `\u`: one scalar, pairing surrogates; an unpaired surrogate reads as U+FFFD.
    @inlinable mutating func parseUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
        let unit = try parseHex4()
        switch unit {
        case 0xD800...0xDBFF:
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                return "\u{FFFD}"
            }
            let save = index
            index += 2
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                index = save  // the next escape is read on its own
                return "\u{FFFD}"
            }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
        case 0xDC00...0xDFFF:
            return "\u{FFFD}"
        default:
            return Unicode.Scalar(unit) ?? "\u{FFFD}"
        }
    }

    @inlinable mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 48...57: digit = UInt32(byte - 48)
            case 65...70: digit = UInt32(byte - 55)
            case 97...102: digit = UInt32(byte - 87)
            default: throw fail("bad hex digit in \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}
