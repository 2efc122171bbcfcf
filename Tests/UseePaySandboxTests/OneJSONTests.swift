import Foundation
import XCTest
import UseePay
@testable import UseePaySandbox

/// The client (`JSONValue`) and the sandbox (`SandboxJSON`) read JSON with one parser. These are the
/// inputs on which their two former hand-written parsers disagreed; both must now give one answer.
final class OneJSONTests: XCTestCase {
    private func bothAccept(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws -> (JSONValue, SandboxJSON) {
        let client = try JSONValue.parse(Data(bytes))
        let sandbox = try SandboxJSON.parse(Data(bytes))
        return (client, sandbox)
    }

    private func bothReject(_ bytes: [UInt8], _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try JSONValue.parse(Data(bytes)), "client accepted \(label)", file: file, line: line)
        XCTAssertThrowsError(try SandboxJSON.parse(Data(bytes)), "sandbox accepted \(label)", file: file, line: line)
    }

    private func nested(_ depth: Int) -> [UInt8] {
        Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
    }

    func testNestingDepthHasOneLimit() throws {
        XCTAssertEqual(JSONParser<JSONValue>.maximumDepth, 256)
        _ = try bothAccept(nested(256))
        bothReject(nested(257), "257 levels")
        bothReject(nested(100_000), "100,000 levels")   // an error, not a stack overflow
        // The old sandbox parser stopped at 64.
        _ = try bothAccept(Array(#"{"a":"#.utf8) + nested(100) + Array("}".utf8))
    }

    func testInvalidUTF8IsRejectedByBoth() {
        bothReject(Array(#"["a"#.utf8) + [0xFF] + Array(#"b"]"#.utf8), "0xFF in a string")
        bothReject(Array(#"["a"#.utf8) + [0xC0, 0xAF] + Array(#""]"#.utf8), "overlong '/'")
        bothReject(Array(#"["\n"#.utf8) + [0xE2, 0x82] + Array(#""]"#.utf8), "truncated sequence after an escape")
        bothReject(Array(#"{"k"#.utf8) + [0xED, 0xA0, 0x80] + Array(#"":1}"#.utf8), "UTF-8-encoded surrogate in a key")
    }

    func testLoneSurrogatesReadAsReplacementCharacter() throws {
        let cases: [(String, String)] = [
            (#"["\ud83d x"]"#, "\u{FFFD} x"),
            (#"["\ude00"]"#, "\u{FFFD}"),
            (#"["\ud83d\u0041"]"#, "\u{FFFD}A"),
            (#"["\ud83d\ude00"]"#, "😀"),
            (#"["\ud83d"]"#, "\u{FFFD}"),
        ]
        for (text, expected) in cases {
            let (client, sandbox) = try bothAccept(Array(text.utf8))
            XCTAssertEqual(client, .array([.string(expected)]), text)
            XCTAssertEqual(sandbox, .array([.string(expected)]), text)
        }
    }

    func testHugeNumbersAreKeptAsTextNotInvented() throws {
        let (client, sandbox) = try bothAccept(Array("[1e400, -1e-400, 12345678901234567890123456789012345678901]".utf8))
        XCTAssertEqual(sandbox, .array([.number("1e400"), .number("-1e-400"), .number("12345678901234567890123456789012345678901")]))
        // Decimal cannot hold these exactly, so the client keeps the text instead of NaN, 0 or a rounded value.
        XCTAssertEqual(client, .array([.string("1e400"), .string("-1e-400"), .string("12345678901234567890123456789012345678901")]))
        XCTAssertNil(client.arrayValue?[0].decimalValue)
    }

    func testNumbersTheClientReadsExactly() throws {
        let (client, sandbox) = try bothAccept(Array("[100.50, 15000, -2.5e3, 0.000001, 1E+2, 12345678901234567890123456789012345678, -0]".utf8))
        XCTAssertEqual(client.arrayValue?.compactMap(\.decimalValue), [
            Decimal(string: "100.5")!, 15000, -2500, Decimal(string: "0.000001")!, 100,
            Decimal(string: "12345678901234567890123456789012345678")!, 0,
        ])
        // The sandbox keeps the text: `100.50` goes back out as `100.50`, and `1e3` can be refused as an amount.
        XCTAssertEqual(sandbox.arrayValue?.first, .number("100.50"))
        XCTAssertEqual(sandbox.arrayValue?[2], .number("-2.5e3"))
    }

    func testByteOrderMarkIsSkippedByBoth() throws {
        let (client, sandbox) = try bothAccept([0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8))
        XCTAssertEqual(client, .object(["a": .number(1)]))
        XCTAssertEqual(sandbox, .object(["a": .number("1")]))
        bothReject([0xEF, 0xBB, 0xBF], "a byte-order mark alone")
        bothReject(Array(" ".utf8) + [0xEF, 0xBB, 0xBF] + Array("1".utf8), "a byte-order mark after whitespace")
    }

    func testMalformedInputIsRejectedByBoth() {
        let bad = ["", "   ", "{", "{\"a\":}", "[1,]", "{\"a\":1,}", "01", "-01", "1.", "-", "1e", "1e+", "tru", "nul", "\"abc",
                   "{\"a\" 1}", "[1] x", "{\"a\":1} x", "\"a\u{01}b\"", "{'a':1}", "NaN", "Infinity", "+1", ".5", "\"\\x\"",
                   "\"\\u12\"", "\"\\u12G4\"", "[1 2]", "{\"a\":1 \"b\":2}", "{1:2}"]
        for text in bad { bothReject(Array(text.utf8), text.debugDescription) }
    }

    func testOutputEscapingIsTheSame() throws {
        let hostile = "q\"b\\s/ nl\n cr\r tab\t bell\u{07} esc\u{1B}]52;c;aGk=\u{07} del\u{7F} csi\u{9B}31m nel\u{85} "
            + "ls\u{2028} ps\u{2029} nul\u{00} é 😀 עברית 漢字"
        let client = JSONValue.string(hostile).jsonText
        let sandbox = SandboxJSON.string(hostile).serialized()
        XCTAssertEqual(client, sandbox)
        XCTAssertFalse(sandbox.unicodeScalars.contains {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029
        }, sandbox)
        XCTAssertTrue(sandbox.contains(#"\u009b31m"#), sandbox)
        XCTAssertTrue(sandbox.contains("s/ nl"), "'/' is not escaped: \(sandbox)")
        // What is written reads back as the same text, by both.
        XCTAssertEqual(try JSONValue.parse(client), .string(hostile))
        XCTAssertEqual(try SandboxJSON.parse(sandbox), .string(hostile))
    }

    func testSameObjectSerialisesToTheSameBytes() throws {
        let text = #"{"z":[1,2.50,"x\n"],"a":{"c":null,"b":true},"m":"\u001b[31m"}"#
        let client = try JSONValue.parse(text)
        let sandbox = try SandboxJSON.parse(text)
        XCTAssertEqual(sandbox.serialized(), #"{"a":{"b":true,"c":null},"m":"\u001b[31m","z":[1,2.50,"x\n"]}"#)
        // The client writes numbers from their value (2.5), the sandbox from their text (2.50); all else is equal.
        XCTAssertEqual(client.jsonText, #"{"a":{"b":true,"c":null},"m":"\u001b[31m","z":[1,2.5,"x\n"]}"#)
    }
}
