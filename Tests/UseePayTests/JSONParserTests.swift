import Foundation
import XCTest
@testable import UseePay

final class JSONParserTests: XCTestCase {
    func testEscapesAndUnicode() throws {
        let value = try JSONValue.parse(#"{"s":"a\"b\\c\/d\n\t\u00e9\ud83d\ude00","e":""}"#)
        XCTAssertEqual(value["s"], .string("a\"b\\c/d\n\té😀"))
        XCTAssertEqual(value["e"], .string(""))
    }

    func testLoneSurrogateBecomesReplacementCharacter() throws {
        XCTAssertEqual(try JSONValue.parse(#""\ud83d x""#), .string("\u{FFFD} x"))
    }

    func testLiteralsArraysAndBOM() throws {
        XCTAssertEqual(try JSONValue.parse("\u{FEFF}[true,false,null,-1.5e2]"),
                       .array([.bool(true), .bool(false), .null, .number(Decimal(-150))]))
    }

    func testRejectsMalformedInput() {
        for bad in ["", "   ", "{", "{\"a\":}", "[1,]", "{\"a\":1,}", "01", "1.", "-", "tru", "\"abc", "{\"a\" 1}",
                    "[1] x", "\"a\u{01}b\"", "{'a':1}", "NaN", "+1", ".5"] {
            XCTAssertThrowsError(try JSONValue.parse(bad), bad)
        }
    }

    func testDeepNestingIsRejectedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertThrowsError(try JSONValue.parse(deep))
        let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        XCTAssertNoThrow(try JSONValue.parse(fine))
    }

    func testRoundTripThroughWriter() throws {
        let text = #"{"a":[1,2.5,"x\n"],"b":{"c":null,"d":true},"e":"\u001b[31m"}"#
        let value = try JSONValue.parse(text)
        XCTAssertEqual(try JSONValue.parse(value.jsonText), value)
        XCTAssertEqual(value.jsonText, #"{"a":[1,2.5,"x\n"],"b":{"c":null,"d":true},"e":"\u001b[31m"}"#)
        XCTAssertEqual(try JSONValue.parse(value.prettyText()), value)
    }

    func testHugeNumberKeptAsText() throws {
        let value = try JSONValue.parse("[1e400]")
        XCTAssertEqual(value.arrayValue?.first, .string("1e400"))
    }
}
