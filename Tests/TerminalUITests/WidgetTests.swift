import ConsoleCore
import XCTest
@testable import TerminalUI

final class TableWidgetTests: XCTestCase {
    private let columns = [
        TableColumn("TIME", minWidth: 5, priority: 3),
        TableColumn("AMOUNT", minWidth: 10, alignment: .right, priority: 5),
        TableColumn("CUSTOMER", minWidth: 8, maxWidth: 12, flex: 1, priority: 4),
        TableColumn("ORDER", minWidth: 6, flex: 1, priority: 1),
    ]

    func testWideLayoutSharesSpareColumnsByFlexUpToMax() {
        let table = Table(columns: columns)
        XCTAssertEqual(table.layout(width: 40), [5, 10, 12, 10])
    }

    func testNarrowLayoutHidesLowestPriorityFirst() {
        let table = Table(columns: columns)
        XCTAssertEqual(table.layout(width: 25), [5, 10, 8, nil])
        XCTAssertEqual(table.layout(width: 19), [nil, 10, 8, nil])
        XCTAssertEqual(table.layout(width: 4), [nil, 4, nil, nil], "one column is always shown, cut to fit")
    }

    func testRowsAlignWithWideNamesAndSelection() {
        let table = Table(columns: columns)
        var grid = CellGrid(size: TerminalSize(columns: 36, rows: 4))
        let rows = [
            TableRow(["09:12", "15,000 KRW", "김민준", "ord-1"], cellRoles: [nil, nil, .statusSucceeded]),
            TableRow(["10:40", "1,234.50 USD", "山田太郎", "ord-2"]),
            TableRow(["11:05", "12.50 USD", "Amélie", "ord-3"]),
        ]
        table.draw(into: &grid, rect: grid.bounds, rows: rows, selectedRow: 1)
        XCTAssertEqual(grid.lines(), [
            "TIME      AMOUNT CUSTOMER   ORDER   ",
            "09:12 15,000 KRW 김민준     ord-1   ",
            "10:40 1,234.50 … 山田太郎   ord-2   ",
            "11:05  12.50 USD Amélie     ord-3   ",
        ])
        XCTAssertEqual(grid[x: 17, y: 1].role, .statusSucceeded)
        XCTAssertEqual(grid[x: 0, y: 2].role, .selection)
        XCTAssertEqual(grid[x: 17, y: 2].role, .selection, "selection wins over cell roles")
        for line in grid.lines() { XCTAssertEqual(TerminalText.width(line), 36) }
    }

    /// Whole-width lines are copied from the table's memo once drawn; a copied line must equal a drawn
    /// one (wide glyphs, selection, cell roles) and follow every change of what it is drawn from.
    func testRememberedLinesEqualDrawnLinesAndFollowChanges() {
        let rows = [
            TableRow(["09:12", "15,000 KRW", "김민준", "ord-1"], cellRoles: [nil, nil, .statusSucceeded]),
            TableRow(["10:40", "1,234.50 USD", "山田太郎", "ord-2"]),
            TableRow(["11:05", "12.50 USD", "Amélie", "ord-3"]),
        ]
        let size = TerminalSize(columns: 36, rows: 4)
        func drawn(_ table: Table, _ rows: [TableRow], selected: Int?) -> CellGrid {
            var grid = CellGrid(size: size)
            table.draw(into: &grid, rect: grid.bounds, rows: rows, selectedRow: selected)
            return grid
        }
        let remembering = Table(columns: columns)
        _ = drawn(remembering, rows, selected: 1)
        // Second draw: every line comes from the memo. A fresh table draws them all.
        XCTAssertEqual(drawn(remembering, rows, selected: 1), drawn(Table(columns: columns), rows, selected: 1))
        // The selection moves: lines 1 and 2 change role, and the copies must not hide it.
        let moved = drawn(remembering, rows, selected: 2)
        XCTAssertEqual(moved, drawn(Table(columns: columns), rows, selected: 2))
        XCTAssertEqual(moved[x: 0, y: 2].role, .normal)
        XCTAssertEqual(moved[x: 0, y: 3].role, .selection)
        // New text under the same position is drawn, not copied.
        var changed = rows
        changed[0] = TableRow(["09:12", "15,000 KRW", "김민준", "ord-9"], cellRoles: [nil, nil, .statusFailed])
        let redrawn = drawn(remembering, changed, selected: 2)
        XCTAssertEqual(redrawn.line(1), "09:12 15,000 KRW 김민준     ord-9   ")
        XCTAssertEqual(redrawn[x: 17, y: 1].role, .statusFailed)
    }

    func testOnlyVisibleRowsAreAskedFor() {
        let table = Table(columns: [TableColumn("N", minWidth: 3)])
        var grid = CellGrid(size: TerminalSize(columns: 3, rows: 3))
        var asked: [Int] = []
        table.draw(into: &grid, rect: grid.bounds, rowCount: 100_000, firstRow: 500, selectedRow: nil) { index in
            asked.append(index)
            return TableRow(["\(index)"])
        }
        XCTAssertEqual(asked, [500, 501])
        XCTAssertEqual(grid.lines(), ["N  ", "500", "501"])
    }
}

final class BarWidgetTests: XCTestCase {
    func testStatusBarKeepsTheRightSideWhole() {
        var grid = CellGrid(size: TerminalSize(columns: 24, rows: 1))
        StatusBar(left: [BarSegment("Payments today (42)", role: .title)],
                  right: [BarSegment(" SANDBOX ", role: .modeSandbox)]).draw(into: &grid, rect: grid.bounds)
        XCTAssertEqual(grid.lines(), ["Payments toda…  SANDBOX "])
        XCTAssertEqual(grid[x: 16, y: 0].role, .modeSandbox)
    }

    func testFlashLineTruncatesAndUsesItsRole() {
        var grid = CellGrid(size: TerminalSize(columns: 12, rows: 1))
        FlashLine.draw(into: &grid, rect: grid.bounds, message: "Captured pi_123456", kind: .success)
        XCTAssertEqual(grid.lines(), ["Captured pi…"])
        XCTAssertEqual(grid[x: 0, y: 0].role, .flashSuccess)
    }

    func testBreadcrumbDropsOldestSteps() {
        XCTAssertEqual(Breadcrumb.text(["Payments", "pi_1", "Customer"], width: 40), "Payments > pi_1 > Customer")
        XCTAssertEqual(Breadcrumb.text(["Payments", "pi_1", "Customer"], width: 20), "… > pi_1 > Customer")
        XCTAssertEqual(Breadcrumb.text(["Payments", "pi_1", "Customer"], width: 6), "Custo…")
    }

    func testScrollIndicator() {
        XCTAssertEqual(ScrollIndicator.text(firstVisible: 20, visibleCount: 20, total: 120, moreAvailable: true), "21-40 of 120+")
        XCTAssertEqual(ScrollIndicator.text(firstVisible: 0, visibleCount: 20, total: 5, moreAvailable: false), "1-5 of 5")
        XCTAssertEqual(ScrollIndicator.text(firstVisible: 0, visibleCount: 20, total: 0, moreAvailable: false), "0 of 0")
        var grid = CellGrid(size: TerminalSize(columns: 1, rows: 4))
        ScrollIndicator.draw(into: &grid, rect: grid.bounds, firstVisible: 6, visibleCount: 2, total: 8)
        XCTAssertEqual(grid.lines(), ["│", "│", "│", "█"])
    }
}

final class DialogWidgetTests: XCTestCase {
    private var capture: Dialog {
        Dialog(title: "Capture payment",
               body: [DialogLine("pi_123 김민준"), DialogLine("15,000 KRW", role: .danger), DialogLine("SANDBOX")],
               input: DialogInput(label: "Type yes:", text: "ye"),
               buttons: [DialogButton("Cancel"), DialogButton("Capture", isDanger: true)],
               focusedButton: 0, maxInnerWidth: 30)
    }

    func testDialogIsDrawnWholeAndCentred() {
        var grid = CellGrid(size: TerminalSize(columns: 40, rows: 11))
        XCTAssertTrue(capture.draw(into: &grid, within: grid.bounds))
        XCTAssertEqual(grid.lines(), [
            "                                        ",
            "   ┌ Capture payment ───────────────┐   ",
            "   │ pi_123 김민준                  │   ",
            "   │ 15,000 KRW                     │   ",
            "   │ SANDBOX                        │   ",
            "   │                                │   ",
            "   │ Type yes: ye                   │   ",
            "   │                                │   ",
            "   │    [ Cancel ]    Capture       │   ",
            "   └────────────────────────────────┘   ",
            "                                        ",
        ])
        XCTAssertEqual(grid[x: 5, y: 3].role, .danger)
        XCTAssertEqual(grid[x: 8, y: 8].role, .dialogFocus)
        XCTAssertEqual(grid[x: 22, y: 8].role, .danger)
        XCTAssertEqual(grid[x: 17, y: 6].attributes, .reverse, "cursor after the typed text")
        XCTAssertEqual(grid[x: 15, y: 6].role, .input)
    }

    func testDialogThatDoesNotFitIsNotDrawn() {
        var grid = CellGrid(size: TerminalSize(columns: 20, rows: 6))
        XCTAssertFalse(capture.fits(in: grid.bounds))
        XCTAssertFalse(capture.draw(into: &grid, within: grid.bounds))
        XCTAssertEqual(Set(grid.lines()), [String(repeating: " ", count: 20)])
    }
}

final class HelpOverlayTests: XCTestCase {
    func testTwoColumnKeyTable() {
        let help = HelpOverlay(sections: [
            HelpSection(title: "Move", entries: [HelpEntry(key: "j/down", description: "next row"),
                                                  HelpEntry(key: "g", description: "first row")]),
            HelpSection(title: "Act", entries: [HelpEntry(key: "C", description: "capture…")]),
        ])
        var grid = CellGrid(size: TerminalSize(columns: 24, rows: 9))
        help.draw(into: &grid, within: grid.bounds)
        XCTAssertEqual(grid.lines(), [
            " ┌ Help ─────────────┐  ",
            " │ Move              │  ",
            " │ j/down  next row  │  ",
            " │ g       first row │  ",
            " │                   │  ",
            " │ Act               │  ",
            " │ C       capture…  │  ",
            " └───────────────────┘  ",
            "                        ",
        ])
    }
}
