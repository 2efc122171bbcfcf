import Foundation
import XCTest
import UseePay
import ConsoleCore
@testable import TerminalUI

/// List rows are formatted once and kept between frames (`RowTextMemo`). A kept row must never
/// outlive what it was made from: the object (same id, new answer), the zone, or the day.
final class RowTextMemoTests: XCTestCase {
    private let size = TerminalSize(columns: 120, rows: 20)

    private func line(containing order: String, _ state: ConsoleState) -> String {
        render(state, size: size).lines().first { $0.contains(order) } ?? "(no row with \(order))"
    }

    func testARowChangesWhenItsObjectChangesUnderTheSameId() {
        let before = ScreenFixtures.paymentsState(size: size)
        XCTAssertTrue(line(containing: "ORD-10023", before).contains("awaiting capture"))
        // The same payment read again after a capture: same id, new object.
        var payments = ScreenFixtures.todaysPayments
        payments[0] = ScreenFixtures.payment("pi_01JD8ZQ4K2AUTH001", status: "succeeded", amount: "120.00", captured: "120.00",
                                             name: "Kim Minji", email: "minji@example.com", order: "ORD-10023",
                                             created: "2026-11-21T14:58:00Z")
        let after = ScreenFixtures.paymentsState(size: size, payments: payments)
        let row = line(containing: "ORD-10023", after)
        XCTAssertFalse(row.contains("awaiting capture"), row)
        XCTAssertTrue(row.contains("succeeded"), row)
    }

    func testTheSameObjectsReadAgainInAnotherZoneAndOnAnotherDay() {
        var state = ScreenFixtures.paymentsState(size: size)
        XCTAssertTrue(line(containing: "ORD-10023", state).contains("14:58"))
        // Same stored objects (nothing reloaded): only the zone changes. Seoul is UTC+9, where it is
        // already 11-22, so the payment is yesterday's 23:58.
        state.merchantTimeZone = TimeZone(identifier: "Asia/Seoul")!
        let seoul = line(containing: "ORD-10023", state)
        XCTAssertTrue(seoul.contains("11-21 23"), seoul)
        // Back in UTC, a day later: the payment is yesterday's and shows its date.
        state.merchantTimeZone = ScreenFixtures.utc
        state.now = ScreenFixtures.now.addingTimeInterval(86_400)
        let tomorrow = line(containing: "ORD-10023", state)
        XCTAssertTrue(tomorrow.contains("11-21"), tomorrow)
    }
}
