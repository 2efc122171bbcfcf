import XCTest
import UseePay
@testable import ConsoleCore

/// A list row reads the same in every place: what it shows is what `/` finds and what sorting orders by.
final class RowReadingTests: XCTestCase {
    private func started() -> Driver {
        var driver = Driver()
        driver.start(with: [Fixtures.payment("pi_paid", status: "succeeded"),
                            Fixtures.payment("pi_auth", status: "requires_capture"),
                            Fixtures.payment("pi_3ds", status: "requires_customer_action"),
                            Fixtures.payment("pi_new", status: "requires_payment_method"),
                            Fixtures.payment("pi_void", status: "canceled"),
                            Fixtures.payment("pi_wait", status: "pending")])
        return driver
    }

    func testTheFilterFindsTheWordsTheListShows() {
        var driver = started()
        driver.press("/")
        driver.type("awaiting")
        driver.press(KeyPress(.enter))
        XCTAssertEqual(driver.state.payments.visible, ["pi_auth"])
        driver.press("/")
        for _ in 0..<"awaiting".count { driver.press(KeyPress(.backspace)) }
        driver.type("requires_capture")
        driver.press(KeyPress(.enter))
        XCTAssertEqual(driver.state.payments.visible, ["pi_auth"], "the API's name still finds it")
    }

    func testSortingByStatusFollowsTheWordsShown() {
        var driver = started()
        driver.press(":")
        driver.type("sort status asc")
        driver.press(KeyPress(.enter))
        let words = driver.state.payments.visible.compactMap { id -> String? in
            guard case .payment(let p)? = driver.state.object(ObjectRef(.payment, id)) else { return nil }
            return StatusWords.word(p.status)
        }
        // By the API's names "canceled" and "pending" would come first.
        XCTAssertEqual(words, ["awaiting capture", "canceled", "needs 3DS", "needs payment", "pending", "succeeded"])
    }
}
