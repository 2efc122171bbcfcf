import Foundation
import UseePay
import XCTest
@testable import UseePaySandbox

/// Checkout sessions (SPEC §7.10) over raw HTTP: the documented request examples, the hosted page,
/// the payment intent or subscription it creates, signed events, and expiry on the sandbox clock.
final class CheckoutSessionTests: XCTestCase {
    var sandbox: SandboxHarness!

    override func setUp() async throws { sandbox = try await SandboxHarness() }
    override func tearDown() async throws { await sandbox.stop() }

    /// `examples/checkout_sessions.create.request.one_time_payment.json`, as published.
    static let oneTimePayment = """
        {"mode":"payment","ui_mode":"custom","amount":99.99,"currency":"USD","merchant_order_id":"order_abc123xyz456",
         "customer":{"email":"customer@example.com","name":"John Doe","phone":"+1234567890","merchant_customer_id":"cust_merchant_123456"},
         "line_items":[{"quantity":1,"price_data":{"product_data":{"name":"Premium Product","desc":"High quality product with premium features"},
           "unit_amount":99.99,"currency":"USD"}}],
         "payment_method_types":["card","apple_pay","google_pay"],
         "metadata":{"order_type":"online","source":"web","campaign":"summer_sale"}}
        """

    /// `examples/checkout_sessions.create.request.subscription_with_discount.json`, as published.
    static let subscriptionWithDiscount = """
        {"mode":"subscription","ui_mode":"custom","amount":99.99,"currency":"USD","merchant_order_id":"sub_order_jkl345mno678",
         "customer":{"email":"trial@example.com","name":"Trial User","phone":"+1234567890","merchant_customer_id":"cust_trial_merchant_345678"},
         "line_items":[{"quantity":1,"price_data":{"product_data":{"name":"Premium Monthly Plan","desc":"Unlimited access with first month discount"},
           "unit_amount":99.99,"currency":"USD","recurring":{"interval":"month","interval_count":1,"total_billing_cycles":12}}}],
         "subscription_data":{"discount_period_config":{"discount_period_count":1,"discount_period_amount":0.01}},
         "collection_method":"auto_charge","payment_method_types":["card","apple_pay","google_pay"],
         "metadata":{"subscription_type":"premium","billing_cycle":"monthly","trial_offer":"first_month_99_percent_off"}}
        """

    func testLifecycleHostedPageCompletesAnotherExpiresOnTheClockEventsSigned() async throws {
        let receiver = WebhookReceiver()
        try await receiver.start()
        let hook = try await sandbox.post("/api/v1/webhooks/create", """
            {"url": "\(receiver.url)", "events": ["checkout_session.completed", "checkout_session.expired", "payment_intent.succeeded"]}
            """)
        XCTAssertEqual(hook.status, 200, hook.text)

        let created = try await sandbox.post("/api/v1/checkout_sessions", Self.oneTimePayment)
        XCTAssertEqual(created.status, 200, created.text)
        let id = try XCTUnwrap(created.string("id"))
        XCTAssertTrue(id.hasPrefix("cs_"), id)
        XCTAssertEqual(created.string("object"), "checkout.session")
        XCTAssertEqual(created.string("status"), "open")
        XCTAssertEqual(created.string("payment_status"), "unpaid")
        XCTAssertEqual(created.string("mode"), "payment")
        XCTAssertTrue(created.text.contains(#""amount":99.99"#), created.text)
        let createdAt = try XCTUnwrap(created["created"] as? Int)
        XCTAssertEqual(created["expires_at"] as? Int, createdAt + 86_400)
        let customer = try XCTUnwrap(created["customer"] as? [String: Any])
        XCTAssertEqual(customer["merchant_customer_id"] as? String, "cust_merchant_123456")
        XCTAssertEqual(created.string("customer_id"), customer["id"] as? String)
        XCTAssertTrue(created["payment_intent_id"] is NSNull)
        XCTAssertEqual(created.string("url"), sandbox.baseURL + "/__sandbox/checkout/" + id)

        let page = try await sandbox.send(.GET, "/__sandbox/checkout/\(id)", authenticated: false)
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("Premium Product") && page.text.contains("99.99 USD"), page.text)
        XCTAssertTrue(page.text.contains("/__sandbox/checkout/\(id)/complete"))

        // The page's form post pays with the prefilled success card.
        let paid = try await sandbox.send(.POST, "/__sandbox/checkout/\(id)/complete", json: "card_number=4111111111111111",
                                          authenticated: false, contentType: "application/x-www-form-urlencoded")
        XCTAssertEqual(paid.status, 200, paid.text)
        XCTAssertTrue(paid.text.contains("complete"), paid.text)
        let completed = try await sandbox.get("/api/v1/checkout_sessions/\(id)")
        XCTAssertEqual(completed.string("status"), "complete")
        XCTAssertEqual(completed.string("payment_status"), "paid")
        let intentId = try XCTUnwrap(completed.string("payment_intent_id"))
        let intent = try await sandbox.get("/api/v1/payment_intents/\(intentId)")
        XCTAssertEqual(intent.string("status"), "succeeded")
        XCTAssertTrue(intent.text.contains(#""amount":99.99"#) && intent.text.contains(#""captured_amount":99.99"#), intent.text)
        XCTAssertEqual(intent.string("customer_id"), created.string("customer_id"))
        XCTAssertEqual(intent.string("merchant_order_id"), "order_abc123xyz456")
        assertError(try await sandbox.admin(.POST, "checkout/\(id)/complete", "{}"), status: 400, code: "invalid_status")

        let other = try await sandbox.post("/api/v1/checkout_sessions", Self.oneTimePayment)
        let otherId = try XCTUnwrap(other.string("id"))
        try await sandbox.advanceClock(seconds: 86_000)
        let awaitedOpen = try await sandbox.get("/api/v1/checkout_sessions/\(otherId)").string("status")
        XCTAssertEqual(awaitedOpen, "open", "minutes before expires_at it is still open")
        try await sandbox.advanceClock(seconds: 401)
        let awaitedExpired = try await sandbox.get("/api/v1/checkout_sessions/\(otherId)").string("status")
        XCTAssertEqual(awaitedExpired, "expired")
        assertError(try await sandbox.admin(.POST, "checkout/\(otherId)/complete", "{}"), status: 400, code: "invalid_status")

        let deliveries = try await receiver.waitFor(count: 3)
        try await sandbox.waitForDeliveries { items in items.count == 3 && items.allSatisfy { $0["status"] as? String == "succeeded" } }
        await receiver.stop()
        let verifier = try WebhookVerifier(publicKeyPEM: sandbox.server.publicKeyPEM)
        var events: [String: [String: Any]] = [:]
        for delivery in deliveries {
            XCTAssertTrue(verifier.verify(signature: try XCTUnwrap(delivery.headers["sign"]), payload: delivery.body))
            let event = try XCTUnwrap(try JSONSerialization.jsonObject(with: delivery.body) as? [String: Any])
            events[try XCTUnwrap(event["name"] as? String)] = event["data"] as? [String: Any]
        }
        XCTAssertEqual(Set(events.keys), ["checkout_session.completed", "checkout_session.expired", "payment_intent.succeeded"])
        XCTAssertEqual(events["checkout_session.completed"]?["id"] as? String, id)
        XCTAssertEqual(events["checkout_session.completed"]?["payment_intent_id"] as? String, intentId)
        XCTAssertEqual(events["checkout_session.expired"]?["id"] as? String, otherId)
        XCTAssertEqual(events["checkout_session.expired"]?["status"] as? String, "expired")

        let listed = try await sandbox.get("/api/v1/checkout_sessions?customer_id=\(created.string("customer_id")!)")
        XCTAssertEqual(listed.ids, [otherId, id])
        XCTAssertEqual(listed["total"] as? Int, 2)
        let awaitedByIntent = try await sandbox.get("/api/v1/checkout_sessions?payment_intent_id=\(intentId)").ids
        XCTAssertEqual(awaitedByIntent, [id])
        let awaitedExpiredList = try await sandbox.get("/api/v1/checkout_sessions?status=expired").ids
        XCTAssertEqual(awaitedExpiredList, [otherId])
        assertError(try await sandbox.get("/api/v1/checkout_sessions/\(id)", as: SandboxHarness.second), status: 404, code: "resource_not_found")
    }

    func testSubscriptionModeCreatesAnActiveSubscriptionChargedAtTheDiscount() async throws {
        let created = try await sandbox.post("/api/v1/checkout_sessions", Self.subscriptionWithDiscount)
        XCTAssertEqual(created.status, 200, created.text)
        let id = try XCTUnwrap(created.string("id"))
        let done = try await sandbox.admin(.POST, "checkout/\(id)/complete", "{}")
        XCTAssertEqual(done.status, 200, done.text)
        XCTAssertEqual(done.string("status"), "complete")
        XCTAssertEqual(done.string("payment_status"), "paid")
        let subscriptionId = try XCTUnwrap(done.string("subscription_id"))
        let subscription = try await sandbox.get("/api/v1/subscriptions/\(subscriptionId)")
        XCTAssertEqual(subscription.string("status"), "active")
        XCTAssertEqual(subscription.string("customer_id"), created.string("customer_id"))
        XCTAssertTrue(subscription.text.contains(#""unit_amount":99.99"#), subscription.text)
        XCTAssertEqual((subscription["recurring"] as? [String: Any])?["total_billing_cycles"] as? Int, 12)
        let invoice = try await sandbox.get("/api/v1/invoices/\(subscription.string("latest_invoice")!)")
        XCTAssertEqual(invoice.string("status"), "paid")
        XCTAssertTrue(invoice.text.contains(#""total_amount":0.01"#), "first period at the discount price: \(invoice.text)")
        let charge = try await sandbox.get("/api/v1/payment_intents/\(done.string("payment_intent_id")!)")
        XCTAssertEqual(charge.string("status"), "succeeded")
    }

    func testADeclinedCardLeavesTheSessionOpenForAnotherTry() async throws {
        let customer = try await sandbox.createCustomer()
        let created = try await sandbox.post("/api/v1/checkout_sessions/create", """
            {"mode": "payment", "amount": 30000, "currency": "KRW", "customer_id": "\(customer)",
             "line_items": [{"quantity": 3, "price_data": {"product_data": {"name": "커피"}, "unit_amount": 10000}}]}
            """)
        XCTAssertEqual(created.status, 200, created.text)
        let id = try XCTUnwrap(created.string("id"))
        let declined = try await sandbox.admin(.POST, "checkout/\(id)/complete", #"{"card_number": "4000000000009995"}"#)
        XCTAssertEqual(declined.string("status"), "open", declined.text)
        XCTAssertEqual(declined.string("payment_status"), "unpaid")
        let failedIntent = try XCTUnwrap(declined.string("payment_intent_id"))
        let awaitedDeclined = try await sandbox.get("/api/v1/payment_intents/\(failedIntent)").string("status")
        XCTAssertEqual(awaitedDeclined, "requires_payment_method")
        let retried = try await sandbox.admin(.POST, "checkout/\(id)/complete", "{}")
        XCTAssertEqual(retried.string("status"), "complete")
        XCTAssertNotEqual(retried.string("payment_intent_id"), failedIntent)
        let expire = try await sandbox.admin(.POST, "checkout/\(id)/expire")
        assertError(expire, status: 400, code: "invalid_status")
    }

    func testDocumentedValidationErrors() async throws {
        func create(_ body: String) async throws -> SandboxHarness.Reply { try await sandbox.post("/api/v1/checkout_sessions", body) }
        // The three documented error examples, exactly.
        let noMode = try await create(#"{"amount": 1, "currency": "USD"}"#)
        assertError(noMode, status: 400, code: "invalid_request_error", source: .some(nil))
        XCTAssertEqual(noMode.string("message"), "mode required")
        let mismatch = try await create(Self.oneTimePayment.replacingOccurrences(of: #""amount":99.99"#, with: #""amount":100"#))
        assertError(mismatch, status: 400, code: "invalid_request_error", source: .some(nil))
        XCTAssertEqual(mismatch.string("message"), "amount not equals to item lines")
        let noSubscriptionData = try await create(Self.subscriptionWithDiscount.replacingOccurrences(
            of: #""subscription_data":{"discount_period_config":{"discount_period_count":1,"discount_period_amount":0.01}},"#, with: ""))
        assertError(noSubscriptionData, status: 400, code: "invalid_request_error", source: .some(nil))
        XCTAssertEqual(noSubscriptionData.string("message"), "subscription_data required for subscription mode")

        assertError(try await create(#"{"mode": "setup", "amount": 1, "currency": "USD"}"#), status: 400, code: "invalid_argument", source: "mode")
        assertError(try await create(#"{"mode": "payment", "amount": 1, "currency": "USD"}"#), status: 400, code: "field_required", source: "line_items")
        assertError(try await create(#"{"mode": "payment", "amount": 1, "currency": "USD", "line_items": [{"quantity": 0, "price_data": {"product_data": {"name": "x"}, "unit_amount": 1}}]}"#),
                    status: 400, code: "invalid_argument", source: "line_items[0].quantity")
        assertError(try await create(#"{"mode": "payment", "amount": 1, "currency": "USD", "line_items": [{"quantity": 1, "price_data": {"product_data": {"name": "x"}, "unit_amount": 1, "currency": "EUR"}}]}"#),
                    status: 400, code: "invalid_argument", source: "line_items[0].price_data.currency")
        assertError(try await create(#"{"mode": "payment", "amount": 1, "currency": "USD", "customer_id": "cus_missing", "line_items": [{"quantity": 1, "price_data": {"product_data": {"name": "x"}, "unit_amount": 1}}]}"#),
                    status: 404, code: "resource_not_found", source: "customer_id")
        assertError(try await sandbox.get("/api/v1/checkout_sessions/cs_missing"), status: 404, code: "resource_not_found")
        let awaitedNone = try await sandbox.get("/api/v1/checkout_sessions")
        XCTAssertEqual(awaitedNone["total"] as? Int, 0, "refused creates leave nothing behind")
    }

    func testHostilePageTextIsEscaped() async throws {
        let created = try await sandbox.post("/api/v1/checkout_sessions", """
            {"mode": "payment", "amount": 1, "currency": "USD",
             "line_items": [{"quantity": 1, "price_data": {"product_data": {"name": "<script>alert(1)</script>\\u001b[2J"}, "unit_amount": 1}}]}
            """)
        let id = try XCTUnwrap(created.string("id"))
        let page = try await sandbox.send(.GET, "/__sandbox/checkout/\(id)", authenticated: false)
        XCTAssertFalse(page.text.contains("<script>"), page.text)
        XCTAssertTrue(page.text.contains("&lt;script&gt;"))
    }
}
