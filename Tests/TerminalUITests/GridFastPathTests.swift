import XCTest
import ConsoleCore
@testable import TerminalUI

/// `CellGrid.write` has fast paths for ASCII and for "simple" text (Latin, kana, CJK, Hangul syllables).
/// They must give exactly what the general grapheme-by-grapheme path gives, over any background,
/// including wide glyphs they cut into. The reference below is that general path, written out plainly.
final class GridFastPathTests: XCTestCase {
    static let texts = [
        "abc", "ORD-00000057", "Zoë Müller", "김민준", "高橋 翔", "…3c771dce1", "—", "ｆｕｌｌ", "漢a字b", "「カタカナー」",
        "e\u{301}x", "👩‍👩‍👧 family", "a\u{1b}[31mred", "tab\there", "مرحبا", "", "\u{AD}soft",
    ]

    func testEveryFastPathMatchesTheGeneralPathOverAnyBackground() {
        let size = TerminalSize(columns: 12, rows: 1)
        var compared = 0
        for background in ["", "漢字漢字漢字", "a漢字b漢字c漢"] {
            for text in Self.texts {
                for x in -3...12 {
                    for maxWidth in [1, 2, 3, 5, 8, 20] {
                        var fast = CellGrid(size: size)
                        var slow = CellGrid(size: size)
                        fast.write(background, x: 0, y: 0, maxWidth: 12, role: .dim)
                        Self.referenceWrite(&slow, background, x: 0, y: 0, maxWidth: 12, role: .dim)
                        XCTAssertEqual(fast, slow, "background \(background)")
                        let used = fast.write(text, x: x, y: 0, maxWidth: maxWidth, role: .header)
                        let expected = Self.referenceWrite(&slow, text, x: x, y: 0, maxWidth: maxWidth, role: .header)
                        XCTAssertEqual(used, expected, "\(text) at \(x), width \(maxWidth), over \(background)")
                        XCTAssertEqual(fast, slow, "\(text) at \(x), width \(maxWidth), over \(background):\n\(fast.lines())\n\(slow.lines())")
                        compared += 1
                    }
                }
            }
        }
        XCTAssertEqual(compared, 3 * Self.texts.count * 16 * 6)
    }

    func testSpanWriteIsSanitiseTruncateAlignThenWrite() {
        let size = TerminalSize(columns: 14, rows: 1)
        for text in Self.texts {
            for span in [1, 2, 4, 7, 12] {
                for alignRight in [false, true] {
                    var fast = CellGrid(size: size)
                    fast.write("漢字漢字漢字漢字", x: 0, y: 0, maxWidth: 14, role: .dim)
                    var slow = fast
                    fast.write(text, x: 1, y: 0, span: span, alignRight: alignRight, role: .header)
                    let fitted = TerminalText.truncate(TerminalText.sanitize(text), toWidth: span)
                    let offset = alignRight ? span - TerminalText.width(fitted) : 0
                    if !text.isEmpty { Self.referenceWrite(&slow, fitted, x: 1 + offset, y: 0, maxWidth: span - offset, role: .header) }
                    XCTAssertEqual(fast, slow, "\(text) in \(span) columns, right \(alignRight):\n\(fast.lines())\n\(slow.lines())")
                }
            }
        }
    }

    func testSimpleTextIsExactlyWhatSanitiseLeavesAloneAndMeasuresPerCluster() {
        for text in Self.texts {
            guard let width = TerminalText.simpleTextWidth(text) else { continue }
            XCTAssertEqual(TerminalText.sanitize(text), text)
            XCTAssertEqual(width, text.reduce(0) { $0 + TerminalText.width(of: $1) }, text)
            XCTAssertEqual(text.count, text.unicodeScalars.count, "\(text): one scalar per cluster")
        }
        XCTAssertNil(TerminalText.simpleTextWidth("e\u{301}"), "a combining mark joins its base")
        XCTAssertNil(TerminalText.simpleTextWidth("\u{1100}\u{1161}"), "conjoining jamo form one syllable")
        XCTAssertNil(TerminalText.simpleTextWidth("a\u{202E}b"), "a bidi override is replaced by sanitize")
    }

    /// The general path: sanitise, then one grapheme cluster at a time (what `write` did before its fast paths).
    @discardableResult
    static func referenceWrite(_ grid: inout CellGrid, _ text: String, x: Int, y: Int, maxWidth: Int, role: ThemeRole) -> Int {
        guard y >= 0, y < grid.size.rows, x < grid.size.columns, maxWidth > 0 else { return 0 }
        let limit = min(x + maxWidth, grid.size.columns)
        var column = x
        var lastWritten: Int?
        for cluster in TerminalText.sanitize(text) {
            let clusterWidth = TerminalText.width(of: cluster)
            if clusterWidth == 0 {
                if let previous = lastWritten { grid[x: previous, y: y].text.append(cluster) }
                continue
            }
            if column + clusterWidth > limit { break }
            if column >= 0 {
                repair(&grid, x: column, y: y)
                repair(&grid, x: column + clusterWidth, y: y)
                grid[x: column, y: y] = Cell(text: String(cluster), role: role)
                if clusterWidth == 2 { grid[x: column + 1, y: y] = Cell(text: "", role: role) }
                lastWritten = column
            }
            column += clusterWidth
        }
        return max(0, column - max(x, 0))
    }

    static func repair(_ grid: inout CellGrid, x: Int, y: Int) {
        guard x > 0, x < grid.size.columns, grid[x: x, y: y].isContinuation else { return }
        grid[x: x - 1, y: y].text = " "
        grid[x: x, y: y].text = " "
    }
}
