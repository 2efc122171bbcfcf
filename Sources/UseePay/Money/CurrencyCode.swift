import Foundation

/// An ISO 4217 currency code. Stored uppercased so `usd` and `USD` are the same currency.
public struct CurrencyCode: Hashable, Sendable, Codable, CustomStringConvertible {
    public let code: String

    public init(_ code: String) {
        self.code = code.trimmed().uppercased()
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    /// Digits after the decimal point in the currency's major unit (ISO 4217 "minor unit").
    /// Unknown codes default to 2, the most common exponent.
    public var minorUnitExponent: Int {
        Self.exponents[code] ?? 2
    }

    public var description: String { code }

    public static let usd = CurrencyCode("USD")
    public static let eur = CurrencyCode("EUR")
    public static let gbp = CurrencyCode("GBP")
    public static let jpy = CurrencyCode("JPY")
    public static let krw = CurrencyCode("KRW")
    public static let bhd = CurrencyCode("BHD")

    // ISO 4217 currencies whose exponent is not 2. Everything else uses 2.
    private static let exponents: [String: Int] = [
        // zero-decimal
        "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0,
        "PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
        // three-decimal
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
        // four-decimal (funds codes)
        "CLF": 4, "UYW": 4,
    ]
}
