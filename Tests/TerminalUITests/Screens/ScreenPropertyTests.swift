import XCTest
import UseePay
import ConsoleCore
@testable import TerminalUI

/// Checks that hold on every screen, whatever the exact layout.
final class ScreenPropertyTests: XCTestCase {
    private var allScenarios: [(String, ConsoleState, TerminalSize)] {
        [
            ("payments 80", ScreenScenarios.paymentsToday(ScreenScenarios.small), ScreenScenarios.small),
            ("payments 120", ScreenScenarios.paymentsToday(ScreenScenarios.large), ScreenScenarios.large),
            ("capture sandbox", ScreenScenarios.captureDialog(mode: .sandbox), ScreenScenarios.small),
            ("capture live", ScreenScenarios.captureDialog(mode: .live), ScreenScenarios.small),
            ("detail 80", ScreenScenarios.paymentDetail(), ScreenScenarios.small),
            ("detail 120", ScreenScenarios.paymentDetail(size: ScreenScenarios.large), ScreenScenarios.large),
            ("help", ScreenScenarios.helpReadOnly(), ScreenScenarios.small),
            ("api log", ScreenScenarios.apiLog(), ScreenScenarios.small),
            ("bulk", ScreenScenarios.bulkCapture(), ScreenScenarios.small),
        ]
    }

    func testEveryLineIsExactlyTheTerminalWidth() {
        for (name, state, size) in allScenarios {
            let lines = render(state, size: size).lines()
            XCTAssertEqual(lines.count, size.rows, name)
            for (row, line) in lines.enumerated() {
                XCTAssertEqual(TerminalText.width(line), size.columns, "\(name) row \(row): \(line)")
            }
        }
    }

    func testHostileStringsAreDrawnHarmlessly() {
        for (name, state, size) in allScenarios {
            let grid = render(state, size: size)
            for y in 0..<size.rows {
                for x in 0..<size.columns {
                    for scalar in grid[x: x, y: y].text.unicodeScalars {
                        XCTAssertFalse(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
                                       || (0x2066...0x2069).contains(scalar.value), "\(name) (\(x),\(y)) U+\(String(scalar.value, radix: 16))")
                    }
                }
            }
        }
        let line = render(ScreenScenarios.paymentsToday(ScreenScenarios.large), size: ScreenScenarios.large).lines()
            .first { $0.contains("Eve") }
        XCTAssertNotNil(line)
        XCTAssertTrue(line?.contains("\u{FFFD}Eve\u{FFFD}lapyap") == true, line ?? "")
    }

    func testAmountsLineUpOnTheRightWithKoreanAndJapaneseNames() {
        for size in [ScreenScenarios.small, ScreenScenarios.large] {
            let lines = render(ScreenScenarios.paymentsToday(size), size: size).lines()
            let rows = lines[3..<8].filter { $0.contains(" USD ") || $0.contains(" KRW ") || $0.contains(" JPY ") || $0.contains(" BHD ") }
            XCTAssertEqual(rows.count, 5, "\(size)")
            // Column (in terminal cells) where each currency code ends.
            let ends = rows.map { line -> Int in
                for code in ["USD", "KRW", "JPY", "BHD"] {
                    if let range = line.range(of: " \(code) ") { return TerminalText.width(String(line[..<range.upperBound])) }
                }
                return -1
            }
            XCTAssertEqual(Set(ends).count, 1, "\(size): \(ends)")
            // The status column starts at the same cell on every row, after the CJK names too.
            let statusStarts = rows.map { line -> Int in
                let range = ["awaiting capture", "needs ", "succeeded", "failed", "canceled", "pending"].lazy.compactMap { line.range(of: $0) }.first!
                return TerminalText.width(String(line[..<range.lowerBound]))
            }
            XCTAssertEqual(Set(statusStarts).count, 1, "\(size): \(statusStarts)")
        }
    }

    func testStatusCellsCarryTheirThemeRoles() {
        let grid = render(ScreenScenarios.paymentsToday(ScreenScenarios.large), size: ScreenScenarios.large)
        let lines = grid.lines()
        func role(of word: String) -> ThemeRole? {
            guard let row = lines.indices.first(where: { $0 >= 3 && lines[$0].contains(word) }), let range = lines[row].range(of: word) else { return nil }
            let x = TerminalText.width(String(lines[row][..<range.lowerBound]))
            return grid[x: x, y: row].role
        }
        XCTAssertEqual(role(of: "failed"), .statusFailed)
        XCTAssertEqual(role(of: "needs payment"), .statusPending)
        XCTAssertEqual(role(of: "succeeded"), .statusSucceeded)
    }

    func testModeIsAlwaysOnScreen() {
        XCTAssertTrue(render(ScreenScenarios.paymentsToday(ScreenScenarios.small), size: ScreenScenarios.small).line(0).contains(" SANDBOX "))
        let live = render(ScreenScenarios.captureDialog(mode: .live), size: ScreenScenarios.small).lines()
        XCTAssertTrue(live[0].contains(" LIVE "))
        XCTAssertTrue(live.contains { $0.contains("Capture — LIVE") })
        XCTAssertTrue(live.contains { $0.contains("Confirm         []  LIVE: type 120.00 or yes") })
    }

    func testReadOnlyHelpOffersNoMoneyMoves() {
        let lines = render(ScreenScenarios.helpReadOnly(), size: ScreenScenarios.small).lines()
        XCTAssertTrue(lines.contains { $0.contains("Money (asks to confirm)") })
        XCTAssertTrue(lines.contains { $0.contains("off: read-only mode") })
        for word in ["capture (marked", "cancel payment", "refund"] {
            XCTAssertFalse(lines.contains { $0.contains(word) }, word)
        }
        XCTAssertEqual(lines.last, TerminalText.pad("enter open  / filter  : cmd  ? help  q quit", toWidth: 80))
    }

    func testRenderCostDoesNotDependOnLoadedRows() {
        // Not a timing test: rows outside the window are never formatted, so a row that would crash
        // formatting (none here) or a huge list changes nothing on screen but the counts.
        var payments = ScreenFixtures.todaysPayments
        for i in 0..<5000 {
            payments.append(ScreenFixtures.payment(String(format: "pi_bulk%05d", i), status: "succeeded", amount: "1.00", name: "N\(i)",
                                                   created: "2026-11-21T01:00:00Z"))
        }
        let state = ScreenFixtures.paymentsState(size: ScreenScenarios.small, payments: payments, hasMore: true)
        let lines = render(state, size: ScreenScenarios.small).lines()
        XCTAssertTrue(lines[21].hasPrefix("row 1 of 5,005+"), lines[21])
    }

    func testTooSmallShowsANoticeOnly() {
        let lines = render(ScreenScenarios.paymentsToday(TerminalSize(columns: 10, rows: 3)), size: TerminalSize(columns: 10, rows: 3)).lines()
        XCTAssertEqual(lines, ["Window to…", "10x3, nee…", " q quits  "])
    }
}
