import Foundation
import XCTest
@testable import TerminalUI

/// The width table is generated, never edited by hand: the generator, run against the Unicode data
/// that ships with Python, must reproduce the committed table byte for byte.
final class EastAsianWidthTableTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testTableMatchesItsGenerator() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.repository.appendingPathComponent("scripts/generate-east-asian-width.py").path, "--check"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 3 { throw XCTSkip(text) }   // another Unicode version: nothing to compare with
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("Unicode \(EastAsianWidthTable.unicodeVersion)"), text)
    }

    func testTableSpotChecks() {
        XCTAssertEqual(TerminalText.scalarWidth("가"), 2)
        XCTAssertEqual(TerminalText.scalarWidth("漢"), 2)
        XCTAssertEqual(TerminalText.scalarWidth("\u{3400}"), 2)      // CJK extension A
        XCTAssertEqual(TerminalText.scalarWidth("\u{2FFFD}"), 2)     // ideograph area, unassigned
        XCTAssertEqual(TerminalText.scalarWidth("\u{1F600}"), 2)     // emoji, W
        XCTAssertEqual(TerminalText.scalarWidth("\u{0301}"), 0)      // combining acute, Mn
        XCTAssertEqual(TerminalText.scalarWidth("\u{200B}"), 0)      // zero width space, Cf
        XCTAssertEqual(TerminalText.scalarWidth("\u{1160}"), 0)      // Hangul medial vowel filler
        XCTAssertEqual(TerminalText.scalarWidth("\u{1000C}"), 1)     // unassigned outside the ideograph areas
        XCTAssertEqual(TerminalText.scalarWidth("é"), 1)
    }
}
