import XCTest
import UseePay
@testable import ConsoleCore

final class ListModelTests: XCTestCase {
    func testPagesAreDeDuplicatedAndKeepServerOrder() {
        var list = ListModel<PaymentIntent>()
        list.appendPage([Fixtures.payment("pi_3"), Fixtures.payment("pi_2")], hasMore: true, page: 0)
        // Offset paging shifted: pi_2 shows up again on page 1.
        list.appendPage([Fixtures.payment("pi_2"), Fixtures.payment("pi_1")], hasMore: false, page: 1)
        XCTAssertEqual(list.visible, ["pi_3", "pi_2", "pi_1"])
        XCTAssertEqual(list.count, 3)
        XCTAssertTrue(list.allLoaded)
        XCTAssertEqual(list.nextPage, 2)
    }

    func testCursorFollowsIdWhenNewRowsArriveAbove() {
        var list = ListModel<PaymentIntent>()
        list.appendPage([Fixtures.payment("pi_3"), Fixtures.payment("pi_2"), Fixtures.payment("pi_1")], hasMore: false, page: 0)
        list.moveCursor(by: 1)
        XCTAssertEqual(list.cursorID, "pi_2")
        let merged = list.mergeNewest([Fixtures.payment("pi_5"), Fixtures.payment("pi_4"), Fixtures.payment("pi_3", status: "failed")], untilTick: 3)
        XCTAssertEqual(merged.new, 2)
        XCTAssertEqual(merged.changed, 1)
        XCTAssertEqual(list.visible, ["pi_5", "pi_4", "pi_3", "pi_2", "pi_1"])
        XCTAssertEqual(list.cursorID, "pi_2")
        XCTAssertEqual(list.cursorIndex, 3)
        XCTAssertEqual(list.highlights["pi_5"], .new(untilTick: 3))
        XCTAssertEqual(list.highlights["pi_3"], .changed(untilTick: 3))
        list.expireHighlights(atTick: 3)
        XCTAssertTrue(list.highlights.isEmpty)
    }

    func testFilterNarrowsAndCursorReturnsWhenCleared() {
        var list = ListModel<PaymentIntent>()
        list.appendPage([Fixtures.payment("pi_a", customer: "Alice"), Fixtures.payment("pi_b", customer: "Bob"),
                         Fixtures.payment("pi_c", customer: "Alicia")], hasMore: false, page: 0)
        list.moveCursor(by: 2)
        list.setFilter("ali")
        XCTAssertEqual(list.visible, ["pi_a", "pi_c"])
        XCTAssertEqual(list.cursorID, "pi_c")
        list.setFilter("alicia")
        XCTAssertEqual(list.visible, ["pi_c"])
        list.setFilter("")
        XCTAssertEqual(list.visible, ["pi_a", "pi_b", "pi_c"])
        XCTAssertEqual(list.cursorID, "pi_c")
    }

    func testSelectedRowHiddenByFilterMovesCursorToNeighbourNotFarAway() {
        var list = ListModel<PaymentIntent>()
        list.appendPage((1...5).map { Fixtures.payment("pi_\($0)", status: $0 == 3 ? "failed" : "succeeded") }, hasMore: false, page: 0)
        list.moveCursor(by: 2)
        XCTAssertEqual(list.cursorID, "pi_3")
        list.setStatusFilter("succeeded")
        XCTAssertEqual(list.visible, ["pi_1", "pi_2", "pi_4", "pi_5"])
        XCTAssertEqual(list.cursorID, "pi_4")
    }

    func testSortByAmountKeepsCursorOnSameObject() {
        var list = ListModel<PaymentIntent>()
        list.appendPage([Fixtures.payment("pi_a", amount: "5"), Fixtures.payment("pi_b", amount: "50"), Fixtures.payment("pi_c", amount: "0.5")], hasMore: false, page: 0)
        list.moveCursor(by: 1)
        list.setSort(ListSort(column: "amount", descending: false))
        XCTAssertEqual(list.visible, ["pi_c", "pi_a", "pi_b"])
        XCTAssertEqual(list.cursorID, "pi_b")
        XCTAssertEqual(list.cursorIndex, 2)
    }

    func testMarksHiddenByFilterAreCounted() {
        var list = ListModel<PaymentIntent>()
        list.appendPage([Fixtures.payment("pi_1", status: "requires_capture"), Fixtures.payment("pi_2", status: "requires_capture")], hasMore: false, page: 0)
        list.toggleMark("pi_1")
        list.toggleMark("pi_2")
        list.toggleMark("pi_missing")
        list.setFilter("pi_1")
        XCTAssertEqual(Set(list.marks.keys), ["pi_1", "pi_2"])
        XCTAssertEqual(list.hiddenMarkCount, 1)
    }

    func testWantsNextPageOnlyNearTheEndWhileIdle() {
        // Read ahead when fewer than a screen and half a page of rows are left below the cursor.
        var list = ListModel<PaymentIntent>(pageSize: 20)
        list.appendPage((1...30).map { Fixtures.payment("pi_\($0)") }, hasMore: true, page: 0)
        XCTAssertFalse(list.wantsNextPage(rows: 18))
        list.moveCursor(by: 2)
        XCTAssertTrue(list.wantsNextPage(rows: 18))
        list.beginLoading(page: 1)
        XCTAssertFalse(list.wantsNextPage(rows: 18))
    }

    func testResetDropsDataButKeepsLocalFilterAndBumpsGeneration() {
        var list = ListModel<PaymentIntent>()
        list.appendPage([Fixtures.payment("pi_1")], hasMore: false, page: 0)
        list.setFilter("x")
        list.reset()
        XCTAssertEqual(list.count, 0)
        XCTAssertEqual(list.filterText, "x")
        XCTAssertEqual(list.generation, 1)
        XCTAssertTrue(list.hasMore)
    }
}
