import XCTest
import UseePay
@testable import ConsoleCore

/// The windowed list through the reducer: a day far larger than the window, walked row by row, jumped
/// across, and marked across pages that leave the window. Pages are answered one key late, as a
/// server with latency would, so a cursor that ever waits for a page shows up as a repeated row.
final class ListWindowTests: XCTestCase {
    /// A day of `count` payments, newest first, served in pages like the API (`page_num`, `has_more`).
    struct Day {
        let payments: [PaymentIntent]
        var sendsTotal = false
        var reads = 0

        init(count: Int) {
            payments = (0..<count).map { Fixtures.payment(String(format: "pi_%06d", $0), status: $0 % 7 == 0 ? "requires_capture" : "succeeded") }
        }

        mutating func answer(_ request: LoadRequest) -> ConsoleEvent {
            reads += 1
            guard case .payments(let query) = request.query else { fatalError("not a payments read") }
            let size = query.window.pageSize
            let start = min(payments.count, request.page * size)
            let end = min(payments.count, start + size)
            let page = LoadedPage(objects: payments[start..<end].map(ConsoleObject.payment), hasMore: end < payments.count,
                                  total: sendsTotal ? payments.count : nil)
            return .effectResult(.loaded(request, .success(page)))
        }
    }

    /// Presses a key; reads it asked for are answered before the next key (one key of latency).
    struct Session {
        var driver = Driver(Fixtures.state(size: TerminalSize(columns: 120, rows: 40)))
        var day: Day
        var waiting: [LoadRequest] = []
        var mostHeld = 0

        init(day: Day) {
            self.day = day
            let first = driver.send(.started)
            waiting = loads(first)
            deliver()
        }

        func loads(_ effects: [ConsoleEffect]) -> [LoadRequest] {
            effects.compactMap { if case .load(let r) = $0 { return r } else { return nil } }
        }

        mutating func deliver() {
            let now = waiting
            waiting = []
            for request in now { waiting += loads(driver.send(day.answer(request))) }
            mostHeld = max(mostHeld, driver.state.payments.items.count)
        }

        mutating func press(_ key: KeyPress) {
            deliver()
            waiting += loads(driver.press(key))
            mostHeld = max(mostHeld, driver.state.payments.items.count)
        }

        mutating func settle() {
            while !waiting.isEmpty { deliver() }
        }

        var list: ObjectList { driver.state.payments }
    }

    func testWalking20000RowsDownAndBackUpShowsEveryRowOnceInOrderWithinTheBound() {
        var session = Session(day: Day(count: 20_000))
        let ids = session.day.payments.map(\.id)
        let bound = ListModel<ConsoleObject>.defaultPageLimit * ListModel<ConsoleObject>.defaultPageSize + 100
        var down = [session.list.cursorID!]
        for _ in 1..<ids.count {
            session.press(.char("j"))
            down.append(session.list.cursorID!)
            XCTAssertEqual(session.list.cursorRow, down.count)
        }
        XCTAssertEqual(down, ids, "going down, every row once, in the server's order")
        XCTAssertTrue(session.list.allLoaded == false && !session.list.hasMore, "the end is known")
        XCTAssertEqual(session.list.totalText, "20,000")
        var up = [session.list.cursorID!]
        for _ in 1..<ids.count {
            session.press(.char("k"))
            up.append(session.list.cursorID!)
        }
        XCTAssertEqual(up, ids.reversed(), "going up, every row once, re-reading dropped pages")
        XCTAssertEqual(session.list.cursorRow, 1)
        XCTAssertLessThanOrEqual(session.mostHeld, bound, "objects held stay under the window's bound")
        // 200 pages down, then the dropped ones again on the way up, and not much more.
        XCTAssertLessThan(session.day.reads, 2 * 200 + 10)
    }

    func testPageDownHeldNeverWaitsForAPage() {
        var session = Session(day: Day(count: 5_000))
        let rows = session.driver.state.listBodyRows
        var previous = session.list.cursorRow!
        while previous + rows <= 5_000 {
            session.press(KeyPress(.pageDown))
            let row = session.list.cursorRow!
            XCTAssertEqual(row, previous + rows, "PgDn moved a whole screen; a page was there in time")
            previous = row
        }
    }

    func testCursorFollowsTheSelectedIdWhenItsPageIsReadAgain() {
        var session = Session(day: Day(count: 3_000))
        for _ in 0..<150 { session.press(.char("j")) }
        let chosen = session.list.cursorID
        for _ in 0..<900 { session.press(.char("j")) }
        XCTAssertNil(session.list[chosen!], "its page left the window")
        for _ in 0..<900 { session.press(.char("k")) }
        XCTAssertEqual(session.list.cursorID, chosen)
        XCTAssertEqual(session.list.cursorRow, 151)
    }

    func testEndOfATenThousandRowDayInAHandfulOfReadsWithoutATotal() {
        var session = Session(day: Day(count: 10_000))
        session.settle()
        let before = session.day.reads
        session.press(.char("G"))
        session.settle()
        XCTAssertEqual(session.list.cursorID, session.day.payments.last?.id, "the day's oldest payment")
        XCTAssertEqual(session.list.cursorRow, 10_000)
        XCTAssertEqual(session.list.totalText, "10,000")
        XCTAssertLessThanOrEqual(session.day.reads - before, 20)
        // The screen fills with the rows above the last one (the page before is read too).
        XCTAssertEqual(session.list.visibleItems(from: session.list.scrollOffset, count: 34).count, 34)
        // And back to the top.
        session.press(.char("g"))
        session.press(.char("g"))
        session.settle()
        XCTAssertEqual(session.list.cursorID, session.day.payments.first?.id)
        XCTAssertEqual(session.list.cursorRow, 1)
    }

    func testEndInOneReadWhenTheServerSendsATotal() {
        var day = Day(count: 10_000)
        day.sendsTotal = true
        var session = Session(day: day)
        session.settle()
        let before = session.day.reads
        session.press(KeyPress(.end))
        session.deliver()
        XCTAssertEqual(session.day.reads - before, 1)
        XCTAssertEqual(session.list.cursorID, session.day.payments.last?.id)
    }

    func testBulkCaptureIncludesMarksWhosePagesLeftTheWindow() {
        var session = Session(day: Day(count: 2_000))
        var marked: [String] = []
        for index in 0..<1_500 {
            if index % 7 == 0, index % 300 < 100 {
                marked.append(session.list.cursorID!)
                session.press(.char(" "))   // marks and moves down
            } else {
                session.press(.char("j"))
            }
        }
        XCTAssertTrue(marked.contains { session.list[$0] == nil }, "some marked rows are no longer held")
        session.press(.char("A"))
        guard let dialog = session.driver.state.dialog else { return XCTFail("no dialog: \(String(describing: session.driver.state.flash))") }
        XCTAssertEqual(dialog.targets.map(\.id), marked)
        XCTAssertTrue(dialog.targets.allSatisfy { $0.money == Money(amount: Decimal(string: "12.50")!, currency: .usd) })
        session.press(KeyPress(.tab))
        session.press(KeyPress(.enter))
        let sent = Driver.sent(session.driver.effects)
        XCTAssertEqual(sent.map(\.objectId), marked)
        XCTAssertTrue(sent.allSatisfy { $0.action == .capture && $0.amount == nil })
    }
}
