import Foundation
import XCTest
@testable import UseePay

final class MoneyTests: XCTestCase {
    private func decimal(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

    func testCurrencyExponents() {
        XCTAssertEqual(CurrencyCode("krw").minorUnitExponent, 0)
        XCTAssertEqual(CurrencyCode("JPY").minorUnitExponent, 0)
        XCTAssertEqual(CurrencyCode("USD").minorUnitExponent, 2)
        XCTAssertEqual(CurrencyCode("EUR").minorUnitExponent, 2)
        XCTAssertEqual(CurrencyCode("GBP").minorUnitExponent, 2)
        for code in ["BHD", "KWD", "JOD", "OMR", "TND"] { XCTAssertEqual(CurrencyCode(code).minorUnitExponent, 3, code) }
        XCTAssertEqual(CurrencyCode("XYZ").minorUnitExponent, 2)
        XCTAssertEqual(CurrencyCode(" usd ").code, "USD")
        XCTAssertEqual(CurrencyCode("usd"), CurrencyCode("USD"))
    }

    func testJSONNumbersDecodeExactly() throws {
        for text in ["0.1", "19.99", "100.23", "1234567.89", "0.01", "99.99", "15000", "1.005", "123456789012345678.12"] {
            let value = try JSONValue.parse("{\"amount\": \(text)}")
            XCTAssertEqual(value["amount"]?.decimalValue, decimal(text), text)
            XCTAssertEqual(DecimalText.exact(value["amount"]!.decimalValue!), text, text)
        }
    }

    func testIntegersAndNumericStringsDecode() throws {
        let value = try JSONValue.parse(#"{"a": 10000, "b": "100.23", "c": "15000", "d": "abc", "e": true, "f": -0.5}"#)
        XCTAssertEqual(value["a"]?.decimalValue, 10000)
        XCTAssertEqual(value["b"]?.decimalValue, decimal("100.23"))
        XCTAssertEqual(value["c"]?.decimalValue, 15000)
        XCTAssertNil(value["d"]?.decimalValue)
        XCTAssertNil(value["e"]?.decimalValue)
        XCTAssertEqual(value["f"]?.decimalValue, decimal("-0.5"))
    }

    func testFlexibleDecimalThroughJSONDecoder() throws {
        struct Box: Decodable { var a: FlexibleDecimal; var b: FlexibleDecimal; var c: FlexibleDecimal }
        let box = try JSONDecoder().decode(Box.self, from: Data(#"{"a": 100.23, "b": "19.99", "c": 7}"#.utf8))
        XCTAssertEqual(box.a.value, decimal("100.23"))
        XCTAssertEqual(box.b.value, decimal("19.99"))
        XCTAssertEqual(box.c.value, 7)
        XCTAssertThrowsError(try JSONDecoder().decode(Box.self, from: Data(#"{"a": "x", "b": 1, "c": 1}"#.utf8)))
    }

    func testFormatting() {
        XCTAssertEqual(Money(amount: decimal("1234.5"), currency: .usd).formatted(), "1,234.50 USD")
        XCTAssertEqual(Money(amount: decimal("1234.5"), currency: .usd).formatted(grouping: false), "1234.50 USD")
        XCTAssertEqual(Money(amount: 15000, currency: .krw).formatted(), "15,000 KRW")
        XCTAssertEqual(Money(amount: 112, currency: .jpy).formatted(), "112 JPY")
        XCTAssertEqual(Money(amount: decimal("1.25"), currency: .bhd).formatted(), "1.250 BHD")
        XCTAssertEqual(Money(amount: decimal("1234567.89"), currency: .usd).formatted(), "1,234,567.89 USD")
        XCTAssertEqual(Money(amount: decimal("0.1"), currency: .usd).formatted(), "0.10 USD")
        XCTAssertEqual(Money(amount: 0, currency: .usd).formatted(), "0.00 USD")
        XCTAssertEqual(Money(amount: decimal("-19.99"), currency: .eur).formatted(), "-19.99 EUR")
        XCTAssertEqual(Money(amount: decimal("999999999999.99"), currency: .usd).formatted(), "999,999,999,999.99 USD")
        XCTAssertEqual(Money(amount: decimal("1234.5"), currency: .usd).plainAmount, "1234.50")
        XCTAssertEqual(Money(amount: decimal("100.23"), currency: .usd).plainAmount, "100.23")
        XCTAssertEqual(Money(amount: 15000, currency: .krw).plainAmount, "15000")
        XCTAssertEqual(Money(amount: decimal("0.005"), currency: .bhd).plainAmount, "0.005")
    }

    func testParseAccepts() throws {
        XCTAssertEqual(try Money.parse("12.5", currency: .usd).amount, decimal("12.5"))
        XCTAssertEqual(try Money.parse("12.5", currency: .usd).plainAmount, "12.50")
        XCTAssertEqual(try Money.parse(" 19.99 ", currency: .usd).amount, decimal("19.99"))
        XCTAssertEqual(try Money.parse("1,234.56", currency: .usd).amount, decimal("1234.56"))
        XCTAssertEqual(try Money.parse("15000", currency: .krw).amount, 15000)
        XCTAssertEqual(try Money.parse("1.234", currency: .bhd).amount, decimal("1.234"))
        XCTAssertEqual(try Money.parse("0.1", currency: .usd).amount, decimal("0.1"))
        XCTAssertEqual(try Money.parse("007", currency: .usd).amount, 7)
    }

    func testParseRejects() {
        XCTAssertThrowsError(try Money.parse("12.345", currency: .usd)) {
            XCTAssertEqual($0 as? Money.ParseError, .tooManyFractionDigits(allowed: 2, currency: .usd))
        }
        XCTAssertThrowsError(try Money.parse("100.5", currency: .krw)) {
            XCTAssertEqual($0 as? Money.ParseError, .tooManyFractionDigits(allowed: 0, currency: .krw))
        }
        XCTAssertThrowsError(try Money.parse("1.2345", currency: .bhd))
        XCTAssertThrowsError(try Money.parse("-5", currency: .usd)) { XCTAssertEqual($0 as? Money.ParseError, .negative) }
        XCTAssertThrowsError(try Money.parse("", currency: .usd)) { XCTAssertEqual($0 as? Money.ParseError, .empty) }
        for garbage in ["abc", "1.2.3", "1e5", "12.", ".", "1,23.00", "12,3456", "$5", "5 USD", "0x10", "NaN", "١٢"] {
            XCTAssertThrowsError(try Money.parse(garbage, currency: .usd), garbage)
        }
    }

    func testWireAmountsUseCurrencyExponent() {
        XCTAssertEqual(WireJSON.amount(decimal("12.5"), currency: .usd).serialized(), "12.50")
        XCTAssertEqual(WireJSON.amount(15000, currency: .krw).serialized(), "15000")
        XCTAssertEqual(WireJSON.amount(decimal("1.2"), currency: .bhd).serialized(), "1.200")
        XCTAssertEqual(WireJSON.amount(decimal("100.23"), currency: nil).serialized(), "100.23")
        XCTAssertEqual(WireJSON.amount(decimal("1234567.89"), currency: .usd).serialized(), "1234567.89")
    }
}
