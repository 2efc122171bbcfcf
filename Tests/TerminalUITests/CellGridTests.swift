import ConsoleCore
import XCTest
@testable import TerminalUI

final class CellGridTests: XCTestCase {
    private func grid(_ columns: Int, _ rows: Int) -> CellGrid {
        CellGrid(size: TerminalSize(columns: columns, rows: rows))
    }

    func testLinesKeepTrailingSpacesAndExactWidth() {
        var g = grid(6, 2)
        XCTAssertEqual(g.write("ab", x: 1, y: 0, maxWidth: 10, role: .normal), 2)
        XCTAssertEqual(g.lines(), [" ab   ", "      "])
    }

    func testWideGlyphTakesACellAndAContinuation() {
        var g = grid(8, 1)
        XCTAssertEqual(g.write("김민준", x: 0, y: 0, maxWidth: 8, role: .normal), 6)
        XCTAssertEqual(g[x: 0, y: 0].text, "김")
        XCTAssertTrue(g[x: 1, y: 0].isContinuation)
        XCTAssertEqual(g.lines(), ["김민준  "])
        XCTAssertEqual(TerminalText.width(g.lines()[0]), 8)
    }

    func testWideGlyphThatDoesNotFitIsNotDrawn() {
        var g = grid(5, 1)
        XCTAssertEqual(g.write("山田太郎", x: 0, y: 0, maxWidth: 5, role: .normal), 4)
        XCTAssertEqual(g.lines(), ["山田 "])
        var h = grid(5, 1)
        XCTAssertEqual(h.write("a山", x: 3, y: 0, maxWidth: 5, role: .normal), 1, "the right edge cuts it")
        XCTAssertEqual(h.lines(), ["   a "])
    }

    func testOverwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var g = grid(6, 1)
        g.write("김민준", x: 0, y: 0, maxWidth: 6, role: .normal)
        g.write("x", x: 1, y: 0, maxWidth: 1, role: .normal)
        XCTAssertEqual(g.lines(), [" x민준"])
        g.write("y", x: 2, y: 0, maxWidth: 1, role: .normal)
        XCTAssertEqual(g.lines(), [" xy 준"])
        XCTAssertEqual(TerminalText.width(g.lines()[0]), 6)
    }

    func testCombiningMarkStaysWithItsLetter() {
        var g = grid(4, 1)
        XCTAssertEqual(g.write("e\u{301}te\u{301}", x: 0, y: 0, maxWidth: 4, role: .normal), 3)
        XCTAssertEqual(g.lines(), ["e\u{301}te\u{301} "])
    }

    func testWriteSanitisesHostileText() {
        var g = grid(10, 1)
        g.write("a\u{1b}[2Jb\u{202E}c", x: 0, y: 0, maxWidth: 10, role: .normal)
        XCTAssertEqual(g.lines(), ["a\u{FFFD}b\u{FFFD}c     "])
    }

    func testWritesOutsideTheGridAreIgnored() {
        var g = grid(1, 1)
        XCTAssertEqual(g.write("hello", x: 0, y: 0, maxWidth: 100, role: .normal), 1)
        XCTAssertEqual(g.write("x", x: 5, y: 0, maxWidth: 1, role: .normal), 0)
        XCTAssertEqual(g.write("x", x: 0, y: 3, maxWidth: 1, role: .normal), 0)
        XCTAssertEqual(g.write("김", x: 0, y: 0, maxWidth: 1, role: .normal), 0)
        g[x: 9, y: 9] = Cell(text: "z")
        XCTAssertEqual(g.lines(), ["h"])
        let empty = grid(0, 0)
        XCTAssertEqual(empty.lines(), [])
    }

    func testFillAndRestyleAndRoles() {
        var g = grid(4, 2)
        g.fill(Rect(x: 1, y: 0, width: 2, height: 2), role: .selection, character: "#")
        XCTAssertEqual(g.lines(), [" ## ", " ## "])
        XCTAssertEqual(g.roles(row: 0), [.normal, .selection, .selection, .normal])
        g.restyle(Rect(x: 0, y: 1, width: 4, height: 1), role: .danger)
        XCTAssertEqual(g.roles(row: 1), [.danger, .danger, .danger, .danger])
    }

    func testBoxWithTitle() {
        var g = grid(10, 3)
        g.drawBox(g.bounds, role: .border, title: "Help")
        XCTAssertEqual(g.lines(), ["┌ Help ──┐", "│        │", "└────────┘"])
    }
}
