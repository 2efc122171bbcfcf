/// A list page's items written straight from the stored text, without parsing it into a tree and
/// writing the tree back out.
///
/// Why: parsing each stored document and writing its rendered tree was three quarters of a
/// 100-row page (17–27 ms here), and a client that sums a day of 100,000 payments reads a thousand
/// such pages. The stored text is what `SandboxJSON.serialized()` wrote: one object, keys sorted,
/// no nulls. Its wire form adds `"name":null` for each absent wire field and (payment intents) the
/// embedded customer. Both are insertions into a sorted key sequence, so the wire text is a merge of
/// the stored key/value spans with the sorted wire field names, byte for byte what `render` +
/// `serialized()` write. Anything outside that shape (an escaped or unsorted top-level key,
/// malformed text) returns false and the caller takes the slow path, so an odd row costs time,
/// never correctness.
struct StoredWireText {
    /// Wire field names of one resource, as sorted UTF-8 bytes.
    let wireFields: [[UInt8]]
    /// Top-level spans of the text being written (reused across rows: no allocation per row).
    private var spans: [Span] = []

    struct Span {
        var keyStart: Int, keyEnd: Int, valueStart: Int, valueEnd: Int
    }

    init(_ kind: ResourceKind) {
        wireFields = kind.wireFields.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        spans.reserveCapacity(64)
    }

    static let customerKey = Array("customer".utf8)
    static let customerIdKey = Array("customer_id".utf8)
    static let merchantNoKey = Array("merchant_no".utf8)

    /// Whether the text last scanned has this top-level key.
    func has(_ key: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        spans.contains { Self.equal(text, $0.keyStart, $0.keyEnd, key) }
    }

    /// The string value of a top-level key of the text last scanned, when it needs no unescaping.
    func plainString(_ key: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> String? {
        guard let span = spans.first(where: { Self.equal(text, $0.keyStart, $0.keyEnd, key) }),
              span.valueEnd - span.valueStart >= 2, text[span.valueStart] == UInt8(ascii: "\"") else { return nil }
        let inner = UnsafeBufferPointer(rebasing: text[(span.valueStart + 1)..<(span.valueEnd - 1)])
        guard !inner.contains(UInt8(ascii: "\\")) else { return nil }
        return String(decoding: inner, as: UTF8.self)
    }

    /// Reads the top-level spans of `text`; false when it is not a flat-keyed object in sorted order.
    mutating func scan(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        spans.removeAll(keepingCapacity: true)
        var index = Self.skipSpace(text, 0)
        guard index < text.count, text[index] == UInt8(ascii: "{") else { return false }
        index = Self.skipSpace(text, index + 1)
        if index < text.count, text[index] == UInt8(ascii: "}") { return Self.skipSpace(text, index + 1) == text.count }
        while true {
            guard index < text.count, text[index] == UInt8(ascii: "\"") else { return false }
            let keyStart = index + 1
            var keyEnd = keyStart
            while keyEnd < text.count, text[keyEnd] != UInt8(ascii: "\"") {
                if text[keyEnd] == UInt8(ascii: "\\") { return false }
                keyEnd += 1
            }
            guard keyEnd < text.count else { return false }
            if let previous = spans.last,
               !Self.precedes(text, previous.keyStart, previous.keyEnd, text, keyStart, keyEnd) { return false }
            index = Self.skipSpace(text, keyEnd + 1)
            guard index < text.count, text[index] == UInt8(ascii: ":") else { return false }
            let valueStart = Self.skipSpace(text, index + 1)
            guard let valueEnd = Self.skipValue(text, valueStart), valueEnd > valueStart else { return false }
            spans.append(Span(keyStart: keyStart, keyEnd: keyEnd, valueStart: valueStart, valueEnd: valueEnd))
            index = Self.skipSpace(text, valueEnd)
            guard index < text.count else { return false }
            if text[index] == UInt8(ascii: "}") { return Self.skipSpace(text, index + 1) == text.count }
            guard text[index] == UInt8(ascii: ",") else { return false }
            index = Self.skipSpace(text, index + 1)
        }
    }

    /// Writes the wire object of the text last scanned: its fields, `null` for each absent wire
    /// field, and `customer` (already wire text) in place of the `customer` field when given.
    func write(_ text: UnsafeBufferPointer<UInt8>, customer: [UInt8]?, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "{"))
        var first = true
        var wireIndex = 0
        func separator(_ output: inout [UInt8]) {
            if first { first = false } else { output.append(UInt8(ascii: ",")) }
        }
        func writeWireField(_ name: [UInt8], _ output: inout [UInt8]) {
            separator(&output)
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: name)
            output.append(contentsOf: Self.quoteColon)
            if let customer, name == Self.customerKey { output.append(contentsOf: customer) } else { output.append(contentsOf: Self.null) }
        }
        for span in spans {
            while wireIndex < wireFields.count,
                  Self.precedes(wireFields[wireIndex], text, span.keyStart, span.keyEnd) {
                writeWireField(wireFields[wireIndex], &output)
                wireIndex += 1
            }
            let isWireField = wireIndex < wireFields.count && Self.equal(text, span.keyStart, span.keyEnd, wireFields[wireIndex])
            if isWireField { wireIndex += 1 }
            separator(&output)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[(span.keyStart - 1)...span.keyEnd]))
            output.append(UInt8(ascii: ":"))
            if let customer, Self.equal(text, span.keyStart, span.keyEnd, Self.customerKey) {
                output.append(contentsOf: customer)
            } else {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: text[span.valueStart..<span.valueEnd]))
            }
        }
        while wireIndex < wireFields.count {
            writeWireField(wireFields[wireIndex], &output)
            wireIndex += 1
        }
        output.append(UInt8(ascii: "}"))
    }

    private static let quoteColon = Array("\":".utf8)
    private static let null = Array("null".utf8)

    // MARK: Byte helpers

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static func skipSpace(_ text: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var index = start
        while index < text.count, isSpace(text[index]) { index += 1 }
        return index
    }

    /// The end of the value starting at `start` (strings, nested objects and arrays, literals).
    private static func skipValue(_ text: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        guard start < text.count else { return nil }
        var depth = 0
        var index = start
        var inString = false
        while index < text.count {
            let byte = text[index]
            if inString {
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return index + 1 }
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return index }   // the enclosing object ends: a literal ran up to it
                    depth -= 1
                    if depth == 0 { return index + 1 }
                case UInt8(ascii: ","):
                    if depth == 0 { return index }
                default:
                    if depth == 0, isSpace(byte) { return index }
                }
            }
            index += 1
        }
        return nil
    }

    private static func equal(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ name: [UInt8]) -> Bool {
        guard end - start == name.count else { return false }
        for offset in 0..<name.count where text[start + offset] != name[offset] { return false }
        return true
    }

    /// Byte order, which is `String`'s order for the ASCII names the serializer sorts.
    private static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ aStart: Int, _ aEnd: Int,
                                 _ b: UnsafeBufferPointer<UInt8>, _ bStart: Int, _ bEnd: Int) -> Bool {
        let common = min(aEnd - aStart, bEnd - bStart)
        for offset in 0..<common where a[aStart + offset] != b[bStart + offset] {
            return a[aStart + offset] < b[bStart + offset]
        }
        return aEnd - aStart < bEnd - bStart
    }

    private static func precedes(_ name: [UInt8], _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        name.withUnsafeBufferPointer { precedes($0, 0, name.count, text, start, end) }
    }
}
