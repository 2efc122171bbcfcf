import XCTest
@testable import UseePaySandbox

/// Customers, subscriptions, invoices and webhook endpoints.
final class BillingAndEndpointTests: XCTestCase {
    var sandbox: SandboxHarness!

    override func setUp() async throws { sandbox = try await SandboxHarness() }
    override func tearDown() async throws { await sandbox.stop() }

    func testCustomerCreateRetrieveUpdateList() async throws {
        assertError(try await sandbox.post("/api/v1/customers/create", #"{"name": "x"}"#), status: 400, code: "field_required",
                    source: "merchant_customer_id")
        assertError(try await sandbox.post("/api/v1/customers/create", #"{"merchant_customer_id": "a", "email": "nope"}"#),
                    status: 400, code: "invalid_argument", source: "email")
        let id = try await sandbox.createCustomer(#", "address": {"country": "KR", "city": "서울"}, "metadata": {"vip": true}"#)
        XCTAssertTrue(id.hasPrefix("cus_"))
        let customer = try await sandbox.get("/api/v1/customers/\(id)")
        for field in ["id", "merchant_no", "app_id", "create_at", "modify_at", "merchant_customer_id", "name", "first_name", "last_name",
                      "email", "phone", "description", "address", "shipping", "metadata"] {
            XCTAssertTrue(customer.object.keys.contains(field), "customer lacks \(field)")
        }
        XCTAssertEqual(customer.string("name"), "김민준")
        let updated = try await sandbox.post("/api/v1/customers/\(id)", #"{"name": "Zoë Müller", "phone": "+49 89 123"}"#)
        XCTAssertEqual(updated.string("name"), "Zoë Müller")
        XCTAssertEqual(updated.string("email"), "minjun@example.com", "untouched fields stay")
        let awaited4 = try await sandbox.get("/api/v1/customers").ids
        XCTAssertEqual(awaited4, [id])
        assertError(try await sandbox.get("/api/v1/customers/cus_missing"), status: 404, code: "resource_not_found")
    }

    func testSubscriptionLifecycle() async throws {
        let customer = try await sandbox.createCustomer()
        assertError(try await sandbox.post("/api/v1/subscriptions/create", #"{"customer_id": "\#(customer)", "currency": "USD"}"#),
                    status: 400, code: "field_required", source: "recurring")
        assertError(try await sandbox.post("/api/v1/subscriptions/create", """
            {"customer_id": "\(customer)", "currency": "USD", "recurring": {"interval": "fortnight", "unit_amount": 9.99}}
            """), status: 400, code: "invalid_argument", source: "recurring.interval")
        let created = try await sandbox.post("/api/v1/subscriptions/create", """
            {"customer_id": "\(customer)", "currency": "JPY", "recurring": {"interval": "month", "interval_count": 1, "unit_amount": 112},
             "description": "定期便"}
            """)
        XCTAssertEqual(created.status, 200, created.text)
        XCTAssertEqual(created.string("status"), "incomplete")
        let id = try XCTUnwrap(created.string("id"))
        let invoiceId = try XCTUnwrap(created.string("latest_invoice"))
        for field in ["recurring", "current_period_start", "current_period_end", "cancel_at_period_end", "cancel_at", "canceled_at",
                      "ended_at", "cancellation_details", "collection_method", "first_invoice_id", "livemode"] {
            XCTAssertTrue(created.object.keys.contains(field), "subscription lacks \(field)")
        }
        XCTAssertTrue(created.text.contains(#""unit_amount":112"#), created.text)
        let invoice = try await sandbox.get("/api/v1/invoices/\(invoiceId)")
        XCTAssertEqual(invoice.string("status"), "open")
        XCTAssertTrue(invoice.text.contains(#""total_amount":112"#), invoice.text)

        let paid = try await sandbox.post("/api/v1/invoices/\(invoiceId)/pay", "{}")
        XCTAssertEqual(paid.string("status"), "paid", paid.text)
        let charge = try XCTUnwrap(paid.string("payment_intent"))
        let awaited5 = try await sandbox.get("/api/v1/payment_intents/\(charge)").string("status")
        XCTAssertEqual(awaited5, "succeeded")
        let awaited6 = try await sandbox.get("/api/v1/subscriptions/\(id)").string("status")
        XCTAssertEqual(awaited6, "active")
        assertError(try await sandbox.post("/api/v1/invoices/\(invoiceId)/pay", "{}"), status: 400, code: "invalid_status")

        let awaited7 = try await sandbox.post("/api/v1/subscriptions/\(id)", #"{"status": "paused"}"#).string("status")
        XCTAssertEqual(awaited7, "paused")
        assertError(try await sandbox.post("/api/v1/subscriptions/\(id)", #"{"status": "trialing"}"#), status: 400, code: "invalid_status")
        let awaited8 = try await sandbox.post("/api/v1/subscriptions/\(id)", #"{"status": "active", "metadata": {"k": "v"}}"#).string("status")
        XCTAssertEqual(awaited8, "active")

        let atEnd = try await sandbox.post("/api/v1/subscriptions/\(id)/cancel", #"{"at_period_end": true, "comment": "moving", "feedback": "too_expensive"}"#)
        XCTAssertEqual(atEnd.string("status"), "active")
        XCTAssertEqual(atEnd["cancel_at_period_end"] as? Bool, true)
        XCTAssertEqual(atEnd.string("cancel_at"), atEnd.string("current_period_end"))
        try await sandbox.advanceClock(seconds: 32 * 86_400)
        let ended = try await sandbox.get("/api/v1/subscriptions/\(id)")
        XCTAssertEqual(ended.string("status"), "canceled")
        XCTAssertEqual((ended["cancellation_details"] as? [String: Any])?["feedback"] as? String, "too_expensive")
        assertError(try await sandbox.post("/api/v1/subscriptions/\(id)/cancel"), status: 400, code: "invalid_status")

        let trial = try await sandbox.post("/api/v1/subscriptions/create", """
            {"customer_id": "\(customer)", "currency": "USD", "recurring": {"interval": "year", "unit_amount": 99}, "trial_period_days": 14}
            """)
        XCTAssertEqual(trial.string("status"), "trialing")
        let now = try await sandbox.post("/api/v1/subscriptions/\(trial.string("id")!)/cancel", "{}")
        XCTAssertEqual(now.string("status"), "canceled")
        XCTAssertNotNil(now.string("canceled_at"))
        let awaited9 = Set(try await sandbox.get("/api/v1/subscriptions?status=canceled").ids)
        XCTAssertEqual(awaited9, [id, trial.string("id")!])
        let awaited10 = try await sandbox.get("/api/v1/subscriptions?customer_id=\(customer)").items.count
        XCTAssertEqual(awaited10, 2)
    }

    func testInvoiceCreatePayAndDecline() async throws {
        let customer = try await sandbox.createCustomer()
        assertError(try await sandbox.post("/api/v1/invoices/create", #"{"customer_id": "\#(customer)", "currency": "USD"}"#),
                    status: 400, code: "field_required", source: "total_amount")
        let created = try await sandbox.post("/api/v1/invoices/create", """
            {"customer_id": "\(customer)", "currency": "USD", "total_amount": 45.5, "description": "Consulting", "footer": "Thanks"}
            """)
        XCTAssertEqual(created.string("status"), "open", created.text)
        XCTAssertTrue(created.text.contains(#""total_amount":45.50"#))
        let id = try XCTUnwrap(created.string("id"))
        let declined = try await sandbox.post("/api/v1/invoices/\(id)/pay",
                                              #"{"payment_method_data": {"card": {"number": "4000000000009995"}}}"#)
        XCTAssertEqual(declined.status, 200, "business failures come back as HTTP 200 with the object's status (SPEC §5.2)")
        XCTAssertEqual(declined.string("status"), "payment_failed")
        XCTAssertEqual(declined.string("decline_code"), "insufficient_funds")
        let awaited11 = try await sandbox.post("/api/v1/invoices/\(id)/pay", "{}").string("status")
        XCTAssertEqual(awaited11, "paid")
        let awaited12 = try await sandbox.get("/api/v1/invoices?status=paid").ids
        XCTAssertEqual(awaited12, [id])
        let awaited13 = try await sandbox.get("/api/v1/invoices?customer_id=\(customer)").ids
        XCTAssertEqual(awaited13, [id])
    }

    func testWebhookEndpointCreateRetrieveUpdateList() async throws {
        assertError(try await sandbox.post("/api/v1/webhooks/create", #"{"events": ["*"]}"#), status: 400, code: "field_required", source: "url")
        assertError(try await sandbox.post("/api/v1/webhooks/create", #"{"url": "ftp://x", "events": ["*"]}"#),
                    status: 400, code: "invalid_argument", source: "url")
        assertError(try await sandbox.post("/api/v1/webhooks/create", #"{"url": "https://x.example/h", "events": ["charge.refunded"]}"#),
                    status: 400, code: "invalid_argument", source: "events")
        let created = try await sandbox.post("/api/v1/webhooks/create", """
            {"url": "https://shop.example/hooks", "events": ["payment_intent.succeeded"], "description": "shop", "api_version": "2025-11-06"}
            """)
        XCTAssertEqual(created.string("status"), "enabled", created.text)
        let id = try XCTUnwrap(created.string("id"))
        XCTAssertTrue(id.hasPrefix("wek_"))
        for field in ["id", "url", "description", "events", "metadata", "status", "secret", "merchant_no", "app_id", "create_at", "modify_at", "api_version"] {
            XCTAssertTrue(created.object.keys.contains(field), "webhook lacks \(field)")
        }
        let updated = try await sandbox.post("/api/v1/webhooks/\(id)", #"{"status": "disabled", "events": ["*"]}"#)
        XCTAssertEqual(updated.string("status"), "disabled")
        XCTAssertEqual(updated["events"] as? [String], ["*"])
        let awaited14 = try await sandbox.get("/api/v1/webhooks/\(id)").string("url")
        XCTAssertEqual(awaited14, "https://shop.example/hooks")
        let awaited15 = try await sandbox.get("/api/v1/webhooks?status=disabled").ids
        XCTAssertEqual(awaited15, [id])
        let awaited16 = try await sandbox.get("/api/v1/webhooks?status=enabled").ids
        XCTAssertEqual(awaited16, [])
    }
}
