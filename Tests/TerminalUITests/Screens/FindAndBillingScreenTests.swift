import XCTest
import Foundation
import UseePay
import ConsoleCore
@testable import TerminalUI

/// The `:find` short list and the detail of a checkout session or mandate, drawn headless.
final class FindAndBillingScreenTests: XCTestCase {
    private let size = TerminalSize(columns: 80, rows: 24)

    static func jsonString(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text])
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }

    private func session(name: String) -> CheckoutSession {
        try! CheckoutSession(json: JSONValue.parse("""
        {"id": "cs_1A2B3C4D5E6F7G8H", "object": "checkout.session", "mode": "payment", "status": "complete", "payment_status": "paid",
         "amount": 12.00, "currency": "USD", "merchant_order_id": "CO-1001", "payment_intent_id": "pi_01JD8ZQ4K2AUTH001",
         "customer": {"id": "cus_kim01", "name": \(Self.jsonString(name)), "email": "minji@example.com"},
         "line_items": [{"quantity": 2, "price_data": {"product_data": {"name": "Tea"}, "unit_amount": 4.50, "currency": "USD"}},
                        {"quantity": 1, "price_data": {"product_data": {"name": "Cake"}, "unit_amount": 3, "currency": "USD"}}],
         "created": 1795260000, "expires_at": 1795346400, "client_secret": "cs_secret_never_shown"}
        """))
    }

    func testFoundListShowsEachMatchAndOpensTheSelectedOne() {
        var state = ScreenFixtures.paymentsState(size: size)
        let matches = ScreenFixtures.todaysPayments.prefix(2).map(ConsoleObject.payment)
        let outcome = FindOutcome(text: "ORD-1", matches: Array(matches), hasMore: false, matchedBy: .paymentsByOrder("ORD-1"),
                                  tried: [.paymentsByOrder("ORD-1")])
        _ = reduce(&state, .effectResult(.found("ORD-1", .success(outcome))))
        _ = reduce(&state, .key(.char("j")))
        let lines = render(state, size: size).lines()
        XCTAssertTrue(lines[0].hasPrefix("useepay  Find"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("Payments > Find \"ORD-1\""), lines[1])
        XCTAssertTrue(lines[2].contains("2 payments with merchant order id \"ORD-1\""), lines[2])
        XCTAssertTrue(lines[3].contains("pi_01JD8ZQ4K2AUTH001  120.00 USD  requires_capture"), lines[3])
        XCTAssertTrue(lines[4].contains("pi_01JD8ZQ4K2KRW0002  15,000 KRW  succeeded"), lines[4])
        XCTAssertTrue(lines[21].hasPrefix("2 of 2 · enter opens · esc back"), lines[21])
        let grid = render(state, size: size)
        XCTAssertEqual(Set(grid.roles(row: 4)), [.selection], "the cursor is on the second match")
        let effects = reduce(&state, .key(KeyPress(.enter)))
        guard case .detail(let detail) = state.screen else { return XCTFail("enter opens the match") }
        XCTAssertEqual(detail.ref, ObjectRef(.payment, "pi_01JD8ZQ4K2KRW0002"))
        XCTAssertFalse(effects.contains(.retrieve(detail.ref)), "the match is not fetched again")
    }

    func testCheckoutSessionDetailShowsItsFieldsSanitisedAndNoSecret() {
        var state = ScreenFixtures.paymentsState(size: TerminalSize(columns: 100, rows: 30))
        let outcome = FindOutcome(text: "cs_1A2B3C4D5E6F7G8H", matches: [.billing(.checkoutSession(session(name: ScreenFixtures.hostileName)))],
                                  hasMore: false, matchedBy: .retrieve(.checkoutSession, "cs_1A2B3C4D5E6F7G8H"), tried: [])
        _ = reduce(&state, .effectResult(.found("cs_1A2B3C4D5E6F7G8H", .success(outcome))))
        let text = render(state, size: TerminalSize(columns: 100, rows: 30)).lines().joined(separator: "\n")
        XCTAssertTrue(text.contains("useepay  Checkout session cs_1A2B3C4D5E6F7G8H"), text)
        XCTAssertTrue(text.contains("Status          complete"), text)
        XCTAssertTrue(text.contains("Payment status  paid"), text)
        XCTAssertTrue(text.contains("Amount          12.00 USD"), text)
        XCTAssertTrue(text.contains("Payment         pi_01JD8ZQ4K2AUTH001"), text)
        XCTAssertTrue(text.contains("1. 2 ×          Tea  4.50 USD"), text)
        XCTAssertFalse(text.contains("cs_secret_never_shown"))
        XCTAssertFalse(text.contains("\u{1B}"))
        XCTAssertFalse(text.contains("\u{202E}"))
    }
}
