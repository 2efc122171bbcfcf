import XCTest
@testable import TerminalUI

final class TerminalTextWidthTests: XCTestCase {
    func testASCIIIsOneColumnPerCharacter() {
        XCTAssertEqual(TerminalText.width("pi_3MtwBwLkdIwHu7ix"), 19)
        XCTAssertEqual(TerminalText.width(""), 0)
    }

    func testHangulAndKanaAndKanjiAreTwoColumns() {
        XCTAssertEqual(TerminalText.width("김민준"), 6)
        XCTAssertEqual(TerminalText.width("山田太郎"), 8)
        XCTAssertEqual(TerminalText.width("カタカナ"), 8)
        XCTAssertEqual(TerminalText.width("ＡＢ"), 4, "fullwidth forms")
    }

    func testCombiningMarksAddNothing() {
        XCTAssertEqual(TerminalText.width("e\u{301}"), 1)
        XCTAssertEqual(TerminalText.width("Ame\u{301}lie"), 6)
        // Hangul built from conjoining jamo is one syllable, two columns.
        XCTAssertEqual(TerminalText.width("\u{1100}\u{1161}\u{11A8}"), 2)
    }

    func testEmojiIsTwoColumnsWhateverItsSequence() {
        XCTAssertEqual(TerminalText.width("😀"), 2)
        XCTAssertEqual(TerminalText.width("👨‍👩‍👧"), 2, "ZWJ family")
        XCTAssertEqual(TerminalText.width("❤️"), 2, "VS16 asks for emoji presentation")
        XCTAssertEqual(TerminalText.width("👍🏽"), 2, "skin tone modifier")
        XCTAssertEqual(TerminalText.width("🇰🇷"), 2, "flag")
    }

    func testMixedText() {
        XCTAssertEqual(TerminalText.width("김민준 (Kim) 😀"), 6 + 1 + 5 + 1 + 2)
    }
}

final class TerminalTextTruncatePadTests: XCTestCase {
    func testTruncateNeverSplitsAWideGlyph() {
        XCTAssertEqual(TerminalText.truncate("김민준", toWidth: 4), "김…")
        XCTAssertEqual(TerminalText.truncate("김민준", toWidth: 5), "김민…")
        XCTAssertEqual(TerminalText.truncate("김민준", toWidth: 6), "김민준")
        XCTAssertEqual(TerminalText.truncate("山田太郎", toWidth: 3, ellipsis: false), "山")
        XCTAssertEqual(TerminalText.truncate("abc", toWidth: 0), "")
    }

    func testTruncateKeepsCombiningMarksWithTheirLetter() {
        XCTAssertEqual(TerminalText.truncate("e\u{301}e\u{301}e\u{301}", toWidth: 2), "e\u{301}…")
    }

    func testPadGivesExactWidth() {
        XCTAssertEqual(TerminalText.pad("김민준", toWidth: 8), "김민준  ")
        XCTAssertEqual(TerminalText.pad("김민준", toWidth: 8, alignRight: true), "  김민준")
        XCTAssertEqual(TerminalText.pad("山田太郎", toWidth: 4), "山… ", "a wide glyph that doesn't fit leaves a space")
        XCTAssertEqual(TerminalText.pad("12.50", toWidth: 8, alignRight: true), "   12.50")
        for name in ["김민준", "山田太郎", "Amélie", "😀 ok", "x"] {
            for width in 1...10 {
                XCTAssertEqual(TerminalText.width(TerminalText.pad(name, toWidth: width)), width, "\(name) at \(width)")
            }
        }
    }

    func testWrapBreaksAtSpacesAndInsideLongWords() {
        XCTAssertEqual(TerminalText.wrap("capture 12.50 USD now", toWidth: 10), ["capture", "12.50 USD", "now"])
        XCTAssertEqual(TerminalText.wrap("abcdefghij", toWidth: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(TerminalText.wrap("김민준김민준", toWidth: 5), ["김민", "준김", "민준"])
    }
}

final class TerminalTextSanitizeTests: XCTestCase {
    private func assertHarmless(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            XCTAssertFalse(v < 0x20 || (0x7F...0x9F).contains(v), "control U+\(String(v, radix: 16)) in \(text.debugDescription)", file: file, line: line)
            XCTAssertFalse([0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F].contains(v),
                           "bidi control in \(text.debugDescription)", file: file, line: line)
        }
    }

    func testEscapeSequencesAreReplacedWhole() {
        XCTAssertEqual(TerminalText.sanitize("a\u{1b}[2Jb"), "a\u{FFFD}b")
        XCTAssertEqual(TerminalText.sanitize("red\u{1b}[31;1mtext"), "red\u{FFFD}text")
        XCTAssertEqual(TerminalText.sanitize("x\u{1b}7y"), "x\u{FFFD}y")
    }

    func testOSC52ClipboardWriteIsRemoved() {
        let hostile = "Kim\u{1b}]52;c;cm0gLXJmIH4K\u{07}Minjun"
        XCTAssertEqual(TerminalText.sanitize(hostile), "Kim\u{FFFD}Minjun")
        let withST = "Kim\u{1b}]0;title\u{1b}\\Minjun"
        XCTAssertEqual(TerminalText.sanitize(withST), "Kim\u{FFFD}Minjun")
    }

    func testC1ControlsAreRemoved() {
        XCTAssertEqual(TerminalText.sanitize("a\u{9b}2Jb"), "a\u{FFFD}b", "C1 CSI with its parameters")
        XCTAssertEqual(TerminalText.sanitize("a\u{85}b"), "a b", "NEL is a line break")
        assertHarmless(TerminalText.sanitize("a\u{9d}52;c;AAAA\u{9c}b\u{90}q\u{9c}"))
    }

    func testBidiOverridesAreVisiblyReplaced() {
        let spoof = "invoice\u{202E}gpj.exe"
        XCTAssertEqual(TerminalText.sanitize(spoof), "invoice\u{FFFD}gpj.exe")
        assertHarmless(TerminalText.sanitize("\u{2066}a\u{2069}\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}"))
    }

    func testNulDelAndTabsAndNewlines() {
        XCTAssertEqual(TerminalText.sanitize("a\u{0}b\u{7f}c"), "a\u{FFFD}b\u{FFFD}c")
        XCTAssertEqual(TerminalText.sanitize("line1\nline2\tx\r\n"), "line1 line2 x ")
    }

    func testPrintableTextIsUntouched() {
        for text in ["김민준", "山田太郎", "Amélie", "e\u{301}", "👨‍👩‍👧", "🇰🇷", "plain ascii ~!@#"] {
            XCTAssertEqual(TerminalText.sanitize(text), text)
        }
    }

    func testHostileCorpusProducesNoControls() {
        let corpus = [
            "\u{1b}[2J\u{1b}[H", "\u{1b}]52;c;\(String(repeating: "QUFB", count: 100))\u{07}",
            "\u{1b}P+q544e\u{1b}\\", "\u{1b}", "\u{1b}[", "\u{1b}]", "\u{9b}", "\u{9d}", "\u{0}\u{1}\u{2}\u{7f}",
            "\u{202E}\u{2066}\u{feff}\u{200b}", "\u{1b}[31m\u{9b}1m", String(repeating: "\u{1b}[", count: 1000),
        ]
        for text in corpus { assertHarmless(TerminalText.sanitize(text)) }
    }
}
