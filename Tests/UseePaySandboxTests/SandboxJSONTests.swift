import XCTest
@testable import UseePaySandbox

final class SandboxJSONTests: XCTestCase {
    func testNumbersKeepTheirExactText() throws {
        let json = try SandboxJSON.parse(#"{"amount": 100.23, "big": 12345678901234567890.01, "nested": [1, -2.5e3]}"#)
        XCTAssertEqual(json["amount"], .number("100.23"))
        XCTAssertEqual(json["big"], .number("12345678901234567890.01"))
        XCTAssertEqual(json.serialized(), #"{"amount":100.23,"big":12345678901234567890.01,"nested":[1,-2.5e3]}"#)
    }

    func testControlCharactersAreEscapedOnOutput() throws {
        let text = "bell\u{07} esc\u{1B}]52;c;aGk=\u{07} csi\u{9B} é 😀 עברית"
        let serialized = SandboxJSON.string(text).serialized()
        XCTAssertFalse(serialized.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        XCTAssertEqual(try SandboxJSON.parse(serialized), .string(text))
    }

    func testMalformedInputIsRejected() {
        for bad in ["{", "{\"a\":}", "[1,]", "01", "\"unterminated", "{\"a\":1} x", "nul"] {
            XCTAssertThrowsError(try SandboxJSON.parse(bad), bad)
        }
    }

    func testAmountsUseTheCurrencyExponent() throws {
        XCTAssertEqual(try MinorAmount.parse("100.5", exponent: 2).jsonText, "100.50")
        XCTAssertEqual(try MinorAmount.parse("15000", exponent: 0).jsonText, "15000")
        XCTAssertEqual(try MinorAmount.parse("1.234", exponent: 3).units, 1234)
        XCTAssertThrowsError(try MinorAmount.parse("1.001", exponent: 2))
        XCTAssertThrowsError(try MinorAmount.parse("15000.0", exponent: 0))
        XCTAssertThrowsError(try MinorAmount.parse("1e3", exponent: 2))
        XCTAssertEqual(SandboxTime.iso(milliseconds: 1_730_099_863_000), "2024-10-28T07:17:43Z")
        XCTAssertEqual(SandboxTime.iso(milliseconds: 0), "1970-01-01T00:00:00Z")
        XCTAssertEqual(SandboxTime.parse("2024-10-28T07:17:43.500Z"), 1_730_099_863_500)
    }
}
