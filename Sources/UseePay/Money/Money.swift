import Foundation

/// An amount in major units (100.23 USD, 15000 KRW) with its currency. Never a `Double`.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    public var amount: Decimal
    public var currency: CurrencyCode

    public init(amount: Decimal, currency: CurrencyCode) {
        self.amount = amount; self.currency = currency
    }

    /// The money when both parts are known; API objects may lack either.
    public init?(ifKnown amount: Decimal?, _ currency: CurrencyCode?) {
        guard let amount, let currency else { return nil }
        self.init(amount: amount, currency: currency)
    }

    public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        case empty
        case notANumber(String)
        case negative
        case tooManyFractionDigits(allowed: Int, currency: CurrencyCode)

        public var description: String {
            switch self {
            case .empty: return "Enter an amount."
            case .notANumber(let text): return "\"\(String(text.prefix(40)))\" is not an amount; use digits and an optional decimal point, e.g. 12.50."
            case .negative: return "The amount must not be negative."
            case .tooManyFractionDigits(let allowed, let currency):
                return allowed == 0
                    ? "\(currency.code) has no decimal places; enter a whole number."
                    : "\(currency.code) allows at most \(allowed) decimal places."
            }
        }
    }

    /// Parses what a merchant types: "12.5" -> 12.50, "1,234.50" -> 1234.50 (grouping commas allowed).
    /// Rejects negatives, garbage, exponents and more fraction digits than the currency has.
    public static func parse(_ text: String, currency: CurrencyCode) throws -> Money {
        var trimmed = text.trimmed()
        if trimmed.isEmpty { throw ParseError.empty }
        if trimmed.hasPrefix("-") { throw ParseError.negative }
        if trimmed.hasPrefix("+") { trimmed.removeFirst() }
        let parts = trimmed.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw ParseError.notANumber(text) }
        let integerPart = String(parts[0])
        let fractionPart = parts.count == 2 ? String(parts[1]) : ""
        guard isValidInteger(integerPart), fractionPart.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ParseError.notANumber(text)
        }
        if parts.count == 2 && fractionPart.isEmpty { throw ParseError.notANumber(text) }
        if integerPart.isEmpty && fractionPart.isEmpty { throw ParseError.notANumber(text) }
        let exponent = currency.minorUnitExponent
        if fractionPart.count > exponent {
            throw ParseError.tooManyFractionDigits(allowed: exponent, currency: currency)
        }
        let digits = integerPart.replacingOccurrences(of: ",", with: "")
        let plain = (digits.isEmpty ? "0" : digits) + (fractionPart.isEmpty ? "" : "." + fractionPart)
        guard let value = DecimalText.parse(normalisedLeadingZeros(plain)) else { throw ParseError.notANumber(text) }
        return Money(amount: value, currency: currency)
    }

    private static func isValidInteger(_ text: String) -> Bool {
        if text.isEmpty { return true }
        guard text.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "," }) else { return false }
        guard text.contains(",") else { return true }
        // Grouping must be real thousands grouping: 1,234,567 - not 12,34.
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard let head = groups.first, (1...3).contains(head.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    private static func normalisedLeadingZeros(_ text: String) -> String {
        var t = Substring(text)
        while t.count > 1 && t.hasPrefix("0") && !t.dropFirst().hasPrefix(".") { t = t.dropFirst() }
        return String(t)
    }

    /// "1,234.50 USD", "15,000 KRW", "1.250 BHD": always the currency's number of decimals.
    public func formatted(grouping: Bool = true) -> String {
        DecimalText.fixed(amount, scale: currency.minorUnitExponent, grouping: grouping) + " " + currency.code
    }

    /// "1234.50": no grouping, the currency's decimals. For CSV and JSON output.
    public var plainAmount: String {
        DecimalText.fixed(amount, scale: currency.minorUnitExponent)
    }

    /// True when the amount has no more fraction digits than the currency allows.
    public var fitsCurrencyExponent: Bool {
        DecimalText.fractionDigits(of: amount) <= currency.minorUnitExponent
    }

    public var description: String { formatted() }
}
