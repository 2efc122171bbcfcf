import XCTest
import UseePay
@testable import ConsoleCore

/// A payment's checkout session and a customer's mandates as related rows of the detail views.
final class RelatedBillingTests: XCTestCase {
    private func session(_ id: String, payment: String) -> CheckoutSession {
        try! CheckoutSession(json: JSONValue.parse("""
        {"id": "\(id)", "object": "checkout.session", "mode": "payment", "status": "complete", "payment_status": "paid",
         "amount": 12.50, "currency": "USD", "payment_intent_id": "\(payment)", "created": 1795260000}
        """))
    }

    private func mandate(_ id: String, customer: String) -> Mandate {
        try! Mandate(json: JSONValue.parse("""
        {"id": "\(id)", "customer_id": "\(customer)", "payment_intent_id": "pi_9",
         "customer_acceptance": {"type": "online", "accepted_at": "2026-11-20T10:00:00Z"}, "create_at": "2026-11-20T10:00:00Z"}
        """))
    }

    private func loads(_ effects: [ConsoleEffect]) -> [LoadRequest] {
        effects.compactMap { if case .load(let r) = $0 { return r } else { return nil } }
    }

    func testPaymentDetailAsksForItsCheckoutSessionAndOpensIt() {
        var driver = Driver()
        driver.start(with: [Fixtures.payment("pi_1")])
        let effects = driver.press(KeyPress(.enter))
        let sessionLoad = loads(effects).first { if case .checkoutSessions = $0.query { return true } else { return false } }
        guard let sessionLoad, case .checkoutSessions(let q) = sessionLoad.query else { return XCTFail("no session load in \(effects)") }
        XCTAssertEqual(q.paymentIntentId, "pi_1")
        XCTAssertEqual(sessionLoad.target, .related(ObjectRef(.payment, "pi_1"), .paymentCheckoutSession))
        driver.send(.effectResult(.retrieved(ObjectRef(.customer, "cus_1"), .success(.customer(Fixtures.customer("cus_1"))))))
        driver.send(.effectResult(.loaded(sessionLoad, .success(LoadedPage(objects: [.billing(.checkoutSession(session("cs_1", payment: "pi_1")))], hasMore: false)))))
        guard case .detail(let detail) = driver.state.screen else { return XCTFail() }
        XCTAssertEqual(detail.related.map(\.kind), [.paymentCustomer, .paymentRefunds, .paymentCheckoutSession])
        XCTAssertEqual(detail.relatedRows.map(\.ref), [ObjectRef(.customer, "cus_1"), ObjectRef(.checkoutSession, "cs_1")])
        // Enter on the session opens it, without asking the server again.
        driver.press(KeyPress(.down))
        let opened = driver.press(KeyPress(.enter))
        XCTAssertEqual(opened, [], "the session is known; nothing to load")
        guard case .detail(let sessionDetail) = driver.state.screen else { return XCTFail() }
        XCTAssertEqual(sessionDetail.ref, ObjectRef(.checkoutSession, "cs_1"))
        XCTAssertEqual(sessionDetail.keyContext, .billingDetail)
        XCTAssertEqual(driver.state.breadcrumb, ["Payments", "pi_1", "cs_1"])
        // v shows its raw JSON there too.
        driver.press("v")
        guard case .detail(let raw) = driver.state.screen else { return XCTFail() }
        XCTAssertTrue(raw.showRaw)
    }

    func testCustomerDetailListsTheCustomersMandates() {
        var driver = Driver()
        driver.start(with: [])
        driver.press(":")
        driver.type("cus")
        var effects = driver.press(KeyPress(.enter))
        guard let customers = Driver.loadRequest(effects) else { return XCTFail("\(effects)") }
        driver.send(.effectResult(.loaded(customers, .success(LoadedPage(objects: [.customer(Fixtures.customer("cus_7"))], hasMore: false)))))
        effects = driver.press(KeyPress(.enter))
        guard let mandates = loads(effects).first(where: { if case .mandates = $0.query { return true } else { return false } }),
              case .mandates(let q) = mandates.query else { return XCTFail("no mandates load in \(effects)") }
        XCTAssertEqual(q.customerId, "cus_7")
        driver.send(.effectResult(.loaded(mandates, .success(LoadedPage(objects: [.billing(.mandate(mandate("man_1", customer: "cus_7")))], hasMore: false)))))
        guard case .detail(let detail) = driver.state.screen else { return XCTFail() }
        let section = detail.related.first { $0.kind == .customerMandates }
        XCTAssertEqual(section?.objects.map(\.ref), [ObjectRef(.mandate, "man_1")])
        XCTAssertEqual(section?.kind.title, "Mandates")
    }

    func testAFailedSessionLoadKeepsTheDetailAndSaysSo() {
        var driver = Driver()
        driver.start(with: [Fixtures.payment("pi_1")])
        let effects = driver.press(KeyPress(.enter))
        guard let sessionLoad = loads(effects).first(where: { if case .checkoutSessions = $0.query { return true } else { return false } }) else { return XCTFail() }
        driver.send(.effectResult(.loaded(sessionLoad, .failure(ConsoleFailure(message: "HTTP 404 no route", httpStatus: 404)))))
        guard case .detail(let detail) = driver.state.screen else { return XCTFail() }
        XCTAssertNotNil(detail.object)
        guard case .failed? = detail.related.first(where: { $0.kind == .paymentCheckoutSession })?.phase else {
            return XCTFail("the section says it failed")
        }
    }
}

final class BillingDashboardLinkTests: XCTestCase {
    func testTemplatesLinkOnlyTheKindsTheDashboardHasPagesFor() {
        let links = DashboardLinks(.template("http://127.0.0.1:8787/__sandbox/dashboard/{resource}/{id}"))
        XCTAssertEqual(links.link(for: ObjectRef(.invoice, "inv_1"))?.url, "http://127.0.0.1:8787/__sandbox/dashboard/invoices/inv_1")
        XCTAssertNil(links.link(for: ObjectRef(.checkoutSession, "cs_1")), "the sandbox serves no session page there")
        XCTAssertNil(links.link(for: ObjectRef(.mandate, "man_1")))
        XCTAssertEqual(DashboardLinks(.home("https://mc.useepay.com")).link(for: ObjectRef(.mandate, "man_1"))?.opensObject, false)
    }
}

final class BillingRelatedRowsTests: XCTestCase {
    func testASessionDetailDrillsIntoItsPaymentAndCustomer() throws {
        var driver = Driver()
        driver.start(with: [Fixtures.payment("pi_1")])
        let session = try CheckoutSession(json: JSONValue.parse("""
        {"id": "cs_9", "status": "complete", "amount": 12.50, "currency": "USD", "payment_intent_id": "pi_1", "customer_id": "cus_1"}
        """))
        let outcome = FindOutcome(text: "cs_9", matches: [.billing(.checkoutSession(session))], hasMore: false,
                                  matchedBy: .retrieve(.checkoutSession, "cs_9"), tried: [.retrieve(.checkoutSession, "cs_9")])
        let effects = driver.send(.effectResult(.found("cs_9", .success(outcome))))
        // The payment is loaded in the list: no request for it. The customer is not: one retrieve.
        XCTAssertEqual(effects, [.retrieve(ObjectRef(.customer, "cus_1"))])
        guard case .detail(let detail) = driver.state.screen else { return XCTFail() }
        XCTAssertEqual(detail.related.map(\.kind), [.billingCustomer, .billingPayment])
        XCTAssertEqual(detail.relatedRows.map(\.ref), [ObjectRef(.payment, "pi_1")])
        driver.send(.effectResult(.retrieved(ObjectRef(.customer, "cus_1"), .success(.customer(Fixtures.customer("cus_1"))))))
        guard case .detail(let loaded) = driver.state.screen else { return XCTFail() }
        XCTAssertEqual(loaded.relatedRows.map(\.ref), [ObjectRef(.customer, "cus_1"), ObjectRef(.payment, "pi_1")])
        driver.press(KeyPress(.down))
        driver.press(KeyPress(.enter))
        XCTAssertEqual(driver.state.breadcrumb, ["Payments", "cs_9", "pi_1"])
    }
}
