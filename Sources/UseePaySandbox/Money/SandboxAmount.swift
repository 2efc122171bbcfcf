import Foundation

/// Minor-unit exponents (ISO 4217). Kept local so the sandbox's wire output is checked on its own.
enum SandboxCurrency {
    static let zeroDecimal: Set<String> = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"]
    static let threeDecimal: Set<String> = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]

    static func exponent(of code: String) -> Int {
        let upper = code.uppercased()
        if zeroDecimal.contains(upper) { return 0 }
        if threeDecimal.contains(upper) { return 3 }
        return 2
    }

    static func isValidCode(_ code: String) -> Bool {
        code.count == 3 && code.unicodeScalars.allSatisfy { CharacterSet.letters.contains($0) && $0.isASCII }
    }
}

/// An amount held as an integer count of minor units, so sums and comparisons are exact.
struct MinorAmount: Hashable, Comparable, Sendable {
    var units: Int64
    var exponent: Int

    static func < (lhs: MinorAmount, rhs: MinorAmount) -> Bool { lhs.units < rhs.units }

    /// JSON number text in major units with exactly the currency's fraction digits: `100.50`, `15000`.
    var jsonText: String {
        guard exponent > 0 else { return String(units) }
        let negative = units < 0
        let magnitude = units.magnitude
        var scale: UInt64 = 1
        for _ in 0..<exponent { scale *= 10 }
        let fraction = String(magnitude % scale)
        let padded = String(repeating: "0", count: exponent - fraction.count) + fraction
        return (negative ? "-" : "") + String(magnitude / scale) + "." + padded
    }

    var json: SandboxJSON { .number(jsonText) }

    enum ParseFailure: Error { case notANumber, tooManyFractionDigits, tooLarge }

    /// Parses JSON number text in major units. Rejects exponents, more fraction digits than the
    /// currency has (even trailing zeros: the sandbox is strict), and values beyond 10^13 major units.
    static func parse(_ text: String, exponent: Int) throws(ParseFailure) -> MinorAmount {
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("-") { negative = true; body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let integerPart = parts.first, !integerPart.isEmpty,
              integerPart.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .notANumber }
        let fractionPart = parts.count == 2 ? parts[1] : ""
        guard fractionPart.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .notANumber }
        if parts.count == 2 && fractionPart.isEmpty { throw .notANumber }
        guard fractionPart.count <= exponent else { throw .tooManyFractionDigits }
        let trimmedInteger = integerPart.drop(while: { $0 == "0" })
        guard trimmedInteger.count <= 13 else { throw .tooLarge }
        let digits = String(trimmedInteger) + fractionPart + String(repeating: "0", count: exponent - fractionPart.count)
        let units = digits.isEmpty ? 0 : Int64(digits)!
        return MinorAmount(units: negative ? -units : units, exponent: exponent)
    }
}
