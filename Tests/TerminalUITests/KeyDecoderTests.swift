import ConsoleCore
import XCTest
@testable import TerminalUI

final class KeyDecoderTests: XCTestCase {
    private func chars(_ text: String) -> [RawKey] { text.unicodeScalars.map { .character($0.value) } }

    func testPrintableAndWideCharacters() {
        XCTAssertEqual(KeyDecoder.decode(chars("jG김")), [.char("j"), .char("G"), .char("김")])
    }

    func testControlLettersEnterTabBackspace() {
        XCTAssertEqual(KeyDecoder.decode([.character(18), .character(13), .character(10), .character(9), .character(127), .character(8)]),
                       [.ctrl("r"), KeyPress(.enter), KeyPress(.enter), KeyPress(.tab), KeyPress(.backspace), KeyPress(.backspace)])
    }

    func testEscapePrefixMeansAlt() {
        XCTAssertEqual(KeyDecoder.decode(chars("\u{1b}x")), [KeyPress(.character("x"), alt: true)])
        XCTAssertEqual(KeyDecoder.decode(chars("\u{1b}")), [KeyPress(.escape)])
        XCTAssertEqual(KeyDecoder.decode(chars("\u{1b}\u{1b}")), [KeyPress(.escape), KeyPress(.escape)])
        XCTAssertEqual(KeyDecoder.decode([.character(27), .code(0o403)]), [KeyPress(.up, alt: true)])
    }

    func testCursesKeyCodes() {
        let codes: [Int32] = [0o403, 0o402, 0o404, 0o405, 0o523, 0o522, 0o406, 0o550, 0o541, 0o512, 0o407, 0o527, 0o410 + 5, 0o410 + 12]
        XCTAssertEqual(KeyDecoder.decode(codes.map(RawKey.code)), [
            KeyPress(.up), KeyPress(.down), KeyPress(.left), KeyPress(.right), KeyPress(.pageUp), KeyPress(.pageDown),
            KeyPress(.home), KeyPress(.end), KeyPress(.backTab), KeyPress(.delete), KeyPress(.backspace), KeyPress(.enter),
            KeyPress(.function(5)), KeyPress(.function(12)),
        ])
        XCTAssertEqual(KeyDecoder.decode([.code(0o632), .code(9999)]), [], "resize and unknown codes are not keys")
    }

    func testControlCharactersThatAreNotKeysAreDropped() {
        XCTAssertEqual(KeyDecoder.decode([.character(0x9B), .character(0x202E), .character(28)]), [])
    }
}

final class OSC52Tests: XCTestCase {
    func testSequenceIsBase64OfSanitisedText() {
        XCTAssertEqual(OSC52.sequence(copying: "pi_123"), "\u{1b}]52;c;cGlfMTIz\u{07}")
        let hostile = OSC52.sequence(copying: "pi_1\u{07}\u{1b}]52;c;evil\u{07}")
        XCTAssertEqual(hostile.filter { $0 == "\u{07}" }.count, 1, "one terminator: the id cannot end the sequence early")
        XCTAssertEqual(hostile, "\u{1b}]52;c;" + Data("pi_1\u{FFFD}\u{FFFD}".utf8).base64EncodedString() + "\u{07}")
    }
}

final class TerminalEnvironmentTests: XCTestCase {
    func testEscapeDelay() {
        XCTAssertEqual(TerminalEnvironment().effectiveEscapeDelay, 25)
        XCTAssertEqual(TerminalEnvironment(isSSH: true).effectiveEscapeDelay, 100)
        XCTAssertEqual(TerminalEnvironment(escapeDelayMilliseconds: 10, isSSH: true).effectiveEscapeDelay, 10)
    }

    func testErrorsSayWhatToDo() {
        XCTAssertTrue(TerminalError.dumbTerminal(term: "dumb").description.contains("xterm-256color"))
        XCTAssertTrue(TerminalError.notATerminal.description.contains("not a pipe"))
    }
}
