import XCTest
import UseePay
@testable import ConsoleCore

/// Which requests a search makes, from the text's shape alone (no network).
final class FindPlanTests: XCTestCase {
    private func plan(_ text: String) -> [String] { FindPlan.steps(for: text).map(\.description) }

    func testEmailAsksCustomersByEmailOnly() {
        XCTAssertEqual(FindPlan.steps(for: "  maria.garcia+16@example.com "), [.customersByEmail("maria.garcia+16@example.com")])
    }

    func testPrefixedIdsAreRetrievedFirst() {
        XCTAssertEqual(FindPlan.steps(for: "cus_ca20185cd0fab246cc5f").first, .retrieve(.customer, "cus_ca20185cd0fab246cc5f"))
        XCTAssertEqual(FindPlan.steps(for: "sub_1").first, .retrieve(.subscription, "sub_1"))
        XCTAssertEqual(FindPlan.steps(for: "inv_1").first, .retrieve(.invoice, "inv_1"))
        XCTAssertEqual(FindPlan.steps(for: "man_1JARUC40K0800").first, .retrieve(.mandate, "man_1JARUC40K0800"))
        XCTAssertEqual(FindPlan.steps(for: "cs_1A2B3C4D5E6F7G8H").first, .retrieve(.checkoutSession, "cs_1A2B3C4D5E6F7G8H"))
        // A merchant's own id may look like ours: the list filters come after.
        XCTAssertEqual(plan("cus_x"), ["customer id", "merchant order id", "merchant customer id"])
        // "cust_…" is not "cus_…".
        XCTAssertEqual(plan("cust_merchant_123456"), ["merchant order id", "merchant customer id"])
    }

    func testLongHexIsAPaymentIntentThenARefund() {
        XCTAssertEqual(plan("34247f2c0e2ac69b0bb208a693ffa21e"),
                       ["payment intent id", "refund id", "merchant order id", "merchant customer id"])
    }

    func testPhones() {
        XCTAssertEqual(FindPlan.steps(for: "+82 10-1234-5678"), [.customersByPhone("+82 10-1234-5678")])
        XCTAssertEqual(plan("010-1234-5678"), ["customer phone", "merchant order id"])
        // Digits only could be a numeric id, an order or a phone: ids first.
        XCTAssertEqual(plan("1234567890"), ["payment intent id", "refund id", "merchant order id", "customer phone", "merchant customer id"])
    }

    func testOrderIdsAndOtherText() {
        XCTAssertEqual(plan("ORD-00000057"), ["merchant order id", "merchant customer id"])
        XCTAssertEqual(plan("order 57"), ["merchant order id", "merchant customer id"])
    }

    func testNothingIsAskedForEmptyHugeOrControlText() {
        XCTAssertEqual(FindPlan.steps(for: "   "), [])
        XCTAssertEqual(FindPlan.steps(for: String(repeating: "a", count: 201)), [])
        XCTAssertEqual(FindPlan.steps(for: "ORD\u{1B}[2J"), [])
        let outcome = FindOutcome(text: "ORD\u{1B}[2J", matches: [], hasMore: false, matchedBy: nil, tried: [])
        XCTAssertFalse(outcome.nothingFoundMessage.contains("\u{1B}"), "the typed text is quoted without its escape")
    }

    func testPaletteTakesTheRestOfTheLine() {
        XCTAssertEqual(try PaletteParser.parse(":find +82 10 1234 5678").get(), .find("+82 10 1234 5678"))
        XCTAssertEqual(try PaletteParser.parse("f ORD-1").get(), .find("ORD-1"))
        XCTAssertEqual(try PaletteParser.parse("search a@b.c").get(), .find("a@b.c"))
        XCTAssertThrowsError(try PaletteParser.parse("find  ").get())
    }
}
