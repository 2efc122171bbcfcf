import Foundation

/// Exact conversions between `Decimal` and text. Nothing here goes through `Double`.
enum DecimalText {
    /// Parses a plain JSON-style number ("-12.50", "1e3", "100") exactly, or nil for anything else.
    static func parse(_ text: String) -> Decimal? {
        let trimmed = text.trimmed(.whitespaces)
        guard isJSONNumber(trimmed) else { return nil }
        return Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The exact value of text that already passed the JSON number grammar, or nil when `Decimal`
    /// cannot hold it exactly (more than 38 significant digits, or an exponent out of its range):
    /// `Decimal(string:)` would silently round the first and give NaN for the second.
    static func exactValue(ofJSONNumber text: String) -> Decimal? {
        var negative = false
        var digits: UInt64 = 0
        var significant = 0       // digits after leading zeros
        var pendingZeros = 0      // trailing zeros not yet folded into `digits`
        var fractionLength = 0
        var exponent = 0
        var exponentNegative = false
        var inFraction = false
        var inExponent = false
        var fitsInUInt64 = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-") where !inExponent: negative = true
            case UInt8(ascii: "-"): exponentNegative = true
            case UInt8(ascii: "+"): break
            case UInt8(ascii: "."): inFraction = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            default:
                let digit = Int(byte) - 48
                if inExponent {
                    exponent = min(exponent * 10 + digit, 100_000)   // clamped: only "out of range" matters
                    continue
                }
                if inFraction { fractionLength += 1 }
                if digit == 0 {
                    if significant > 0 { pendingZeros += 1 }
                    continue
                }
                // Fold pending zeros, then the digit.
                for _ in 0..<(pendingZeros + 1) {
                    let (times10, overflow) = digits.multipliedReportingOverflow(by: 10)
                    if overflow { fitsInUInt64 = false }
                    digits = times10
                }
                significant += pendingZeros + 1
                pendingZeros = 0
                let (sum, overflow) = digits.addingReportingOverflow(UInt64(digit))
                if overflow { fitsInUInt64 = false }
                digits = sum
            }
        }
        if significant == 0 { return Decimal(0) }
        guard significant <= 38 else { return nil }
        // value = digits × 10^(pendingZeros − fractionLength ± exponent)
        let scale = pendingZeros - fractionLength + (exponentNegative ? -exponent : exponent)
        // Decimal's exponent is an Int8; a 38-digit mantissa allows a little more room on the right.
        guard scale >= -128, scale + significant - 1 <= 127 + 37 else { return nil }
        if fitsInUInt64, significant <= 19, (-128...127).contains(scale) {
            return Decimal(sign: negative ? .minus : .plus, exponent: scale, significand: Decimal(digits))
        }
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN else { return nil }
        return value
    }

    /// JSON number grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?
    static func isJSONNumber(_ text: String) -> Bool {
        var chars = Array(text.utf8)[...]
        if chars.first == UInt8(ascii: "-") { chars = chars.dropFirst() }
        guard let first = chars.first, isDigit(first) else { return false }
        if first == UInt8(ascii: "0") {
            chars = chars.dropFirst()
        } else {
            while let c = chars.first, isDigit(c) { chars = chars.dropFirst() }
        }
        if chars.first == UInt8(ascii: ".") {
            chars = chars.dropFirst()
            guard let c = chars.first, isDigit(c) else { return false }
            while let c = chars.first, isDigit(c) { chars = chars.dropFirst() }
        }
        if let c = chars.first, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            chars = chars.dropFirst()
            if let s = chars.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { chars = chars.dropFirst() }
            guard let c = chars.first, isDigit(c) else { return false }
            while let c = chars.first, isDigit(c) { chars = chars.dropFirst() }
        }
        return chars.isEmpty
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// Rounds half-up (away from zero, "bankers" would surprise merchants) to `scale` fraction digits.
    static func rounded(_ value: Decimal, scale: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }

    /// Number of digits after the decimal point needed to write `value` exactly.
    static func fractionDigits(of value: Decimal) -> Int {
        let (_, fraction) = plainParts(value)
        return fraction.count
    }

    /// Plain text (no exponent, no grouping) with exactly `scale` fraction digits, e.g. 12.5 -> "12.50".
    static func fixed(_ value: Decimal, scale: Int, grouping: Bool = false) -> String {
        let rounded = rounded(value, scale: max(scale, 0))
        var (integer, fraction) = plainParts(rounded)
        let negative = integer.hasPrefix("-")
        if negative { integer.removeFirst() }
        if fraction.count < scale { fraction += String(repeating: "0", count: scale - fraction.count) }
        if fraction.count > scale { fraction = String(fraction.prefix(scale)) }
        if grouping { integer = grouped(integer) }
        let isZero = rounded == 0
        let sign = negative && !isZero ? "-" : ""
        return sign + integer + (scale > 0 ? "." + fraction : "")
    }

    /// Exact plain text with as many fraction digits as the value has (no trailing zeros).
    static func exact(_ value: Decimal) -> String {
        let (integer, fraction) = plainParts(value)
        return fraction.isEmpty ? integer : integer + "." + fraction
    }

    /// Splits a Decimal into integer text (with "-" if negative) and fraction digits, without exponent notation.
    private static func plainParts(_ value: Decimal) -> (String, String) {
        if value.isNaN { return ("0", "") }
        let negative = value < 0
        let magnitude = negative ? -value : value
        var mantissaDigits = integerDigits(magnitude.significand)   // integer-valued significand
        let exponent = magnitude.exponent
        // significand may itself print with a fraction if Foundation normalised oddly; fall back to description.
        // (Byte checks: Foundation's String.contains goes through NSString and dominated formatting cost.)
        if mantissaDigits.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            return splitDescription(value.description)
        }
        if mantissaDigits == "0" { return ("0", "") }
        var integer: String
        var fraction: String
        if exponent >= 0 {
            integer = mantissaDigits + String(repeating: "0", count: exponent)
            fraction = ""
        } else {
            let shift = -exponent
            if mantissaDigits.count <= shift {
                mantissaDigits = String(repeating: "0", count: shift - mantissaDigits.count + 1) + mantissaDigits
            }
            integer = String(mantissaDigits.prefix(mantissaDigits.count - shift))
            fraction = String(mantissaDigits.suffix(shift))
        }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return ((negative ? "-" : "") + integer, fraction)
    }

    /// Digits of an integer-valued Decimal. Decimal.description costs about 2 µs, which made money the
    /// most expensive text on screen; going through UInt64 costs a few dozen ns. The round trip checks
    /// the conversion was exact, else the description is used.
    private static func integerDigits(_ value: Decimal) -> String {
        let candidate = NSDecimalNumber(decimal: value).uint64Value
        if Decimal(candidate) == value { return String(candidate) }
        return value.description
    }

    private static func splitDescription(_ text: String) -> (String, String) {
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        var fraction = parts.count > 1 ? parts[1] : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (parts[0], fraction)
    }

    /// "1234567" → "1,234,567" (the digits are ASCII, so this works on bytes).
    private static func grouped(_ digits: String) -> String {
        let bytes = Array(digits.utf8)
        guard bytes.count > 3 else { return digits }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 3)
        for (i, byte) in bytes.enumerated() {
            if i > 0, (bytes.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
