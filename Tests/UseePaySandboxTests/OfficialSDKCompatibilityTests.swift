import AsyncHTTPClient
import Foundation
import NIOHTTP1
import XCTest
@testable import UseePaySandbox

/// Requests shaped exactly as UseePay's official PHP SDK (`useepay-php`) sends them: its headers,
/// `http_build_query` query strings (`page=1&page_size=10`), and `json_encode` bodies, where an empty
/// parameter array is `[]`. One test per row of issue 12's table; answers are checked as raw JSON.
final class OfficialSDKCompatibilityTests: XCTestCase {
    var sandbox: SandboxHarness!

    override func setUp() async throws { sandbox = try await SandboxHarness() }
    override func tearDown() async throws { await sandbox.stop() }

    /// The SDK's extra headers besides the three credentials (`HttpClient.php`).
    static let sdkHeaders = [("Connection", "keep-alive"), ("x-sdk-version", "1.0.0"), ("x-php-version", "8.2.0"),
                             ("x-timestamp", "1764662400000"), ("User-Agent", "UseePay-PHP/1.0.0")]

    func sdk(_ method: HTTPMethod, _ path: String, _ body: String? = nil) async throws -> SandboxHarness.Reply {
        try await sandbox.send(method, path, json: method == .POST ? (body ?? "[]") : nil, headers: Self.sdkHeaders)
    }

    // MARK: listCustomers(): data, total, page, page_size beside items and has_more

    func testListAnswersCarryTheSDKPageFieldsBesideTheDocumentedOnes() async throws {
        var created: [String] = []
        for index in 0..<12 {
            created.append(try await sandbox.createCustomer(#", "phone": "+1 555 01\#(index < 10 ? "0" : "")\#(index)""#))
        }
        let first = try await sdk(.GET, "/api/v1/customers?page=1&page_size=10")
        XCTAssertEqual(first.status, 200, first.text)
        XCTAssertEqual(Set(first.object.keys), ["items", "has_more", "data", "total", "page", "page_size"])
        let data = try XCTUnwrap(first["data"] as? [[String: Any]])
        XCTAssertEqual(data.compactMap { $0["id"] as? String }, Array(created.reversed().prefix(10)), "newest first")
        XCTAssertEqual(first.ids, data.compactMap { $0["id"] as? String }, "items and data are the same list")
        XCTAssertEqual(first["total"] as? Int, 12)
        XCTAssertEqual(first["page"] as? Int, 1)
        XCTAssertEqual(first["page_size"] as? Int, 10)
        XCTAssertEqual(first["has_more"] as? Bool, true)

        let second = try await sdk(.GET, "/api/v1/customers?page=2&page_size=10")
        XCTAssertEqual(second.ids, Array(created.reversed().suffix(2)))
        XCTAssertEqual(second["page"] as? Int, 2)
        XCTAssertEqual(second["total"] as? Int, 12)
        XCTAssertEqual(second["has_more"] as? Bool, false)

        // Filters count too; page_num (0-based) answers the same page as page (1-based).
        let filtered = try await sdk(.GET, "/api/v1/customers?page=1&page_size=10&phone=%2B1%20555%200103")
        XCTAssertEqual(filtered.ids, [created[3]])
        XCTAssertEqual(filtered["total"] as? Int, 1)
        let byPageNum = try await sdk(.GET, "/api/v1/customers?page_num=1&page_size=10")
        XCTAssertEqual(byPageNum.ids, second.ids)
        XCTAssertEqual(byPageNum["page"] as? Int, 2)

        // limit is the page size when page_size is absent; page_size wins when both are sent.
        let limited = try await sdk(.GET, "/api/v1/customers?page=1&limit=5")
        XCTAssertEqual(limited.ids.count, 5)
        XCTAssertEqual(limited["page_size"] as? Int, 5)
        let both = try await sdk(.GET, "/api/v1/customers?page=1&page_size=3&limit=5")
        XCTAssertEqual(both.ids.count, 3)

        let empty = try await sdk(.GET, "/api/v1/refunds?page=1&page_size=10")
        XCTAssertEqual(empty["total"] as? Int, 0)
        XCTAssertEqual((empty["data"] as? [Any])?.count, 0)
    }

    func testTotalFollowsTimeWindowsStatusesAndStateChanges() async throws {
        let start = try await sandbox.admin(.GET, "clock").string("now")!
        var intents: [String] = []
        for _ in 0..<3 { intents.append(try await sandbox.createIntent()) }
        try await sandbox.advanceClock(seconds: 7200)
        let later = try await sandbox.intent(in: "succeeded")
        let total = try await sdk(.GET, "/api/v1/payment_intents?page=1&page_size=2")
        XCTAssertEqual(total["total"] as? Int, 4)
        let succeeded = try await sdk(.GET, "/api/v1/payment_intents?page=1&page_size=2&status=succeeded")
        XCTAssertEqual(succeeded.ids, [later])
        XCTAssertEqual(succeeded["total"] as? Int, 1)
        _ = try await sdk(.POST, "/api/v1/payment_intents/\(intents[0])/cancel")
        let open = try await sdk(.GET, "/api/v1/payment_intents?status=requires_payment_method")
        XCTAssertEqual(open["total"] as? Int, 2, "a status change moves the count")
        // Windows that start and end inside an hour: whole hours come from the hourly counts, the
        // partial hours at the edges from the index; both must add up exactly.
        let startMilliseconds = SandboxTime.parse(start)!
        func iso(_ offset: Int64) -> String { SandboxTime.iso(milliseconds: startMilliseconds + offset) }
        let withinAnHour = try await sdk(.GET, "/api/v1/payment_intents?from_created_at=\(iso(-1000))&to_created_at=\(iso(3_600_000))")
        XCTAssertEqual(Set(withinAnHour.ids), Set(intents))
        XCTAssertEqual(withinAnHour["total"] as? Int, 3)
        let acrossHours = try await sdk(.GET, "/api/v1/payment_intents?from_created_at=\(iso(-1000))&to_created_at=\(iso(4 * 3_600_000))")
        XCTAssertEqual(acrossHours["total"] as? Int, 4)
        let acrossHoursSucceeded = try await sdk(.GET, "/api/v1/payment_intents?status=succeeded&from_created_at=\(iso(-1000))&to_created_at=\(iso(4 * 3_600_000))")
        XCTAssertEqual(acrossHoursSucceeded["total"] as? Int, 1)
        let since = try await sdk(.GET, "/api/v1/payment_intents?from_created_at=\(iso(3_600_000))")
        XCTAssertEqual(since["total"] as? Int, 1)
        let until = try await sdk(.GET, "/api/v1/payment_intents?to_created_at=\(iso(3_600_000))")
        XCTAssertEqual(until["total"] as? Int, 3)
    }

    // MARK: starting_after / ending_before over the newest-first order

    func testCursorsWalkA250ObjectListBothWaysWithoutGapsOrRepeats() async throws {
        // Created back to back, so many share a millisecond: the walk must break ties by id exactly as the order does.
        for _ in 0..<250 { _ = try await sandbox.createIntent() }
        var order: [String] = []
        for page in 0..<3 { order += try await sandbox.get("/api/v1/payment_intents?page_num=\(page)&page_size=100").ids }
        XCTAssertEqual(order.count, 250)
        XCTAssertEqual(Set(order).count, 250)

        var forward: [String] = []
        var reply = try await sdk(.GET, "/api/v1/payment_intents?page=1&page_size=30")
        var pages = 1
        forward += reply.ids
        while reply["has_more"] as? Bool == true {
            reply = try await sdk(.GET, "/api/v1/payment_intents?page=1&page_size=30&starting_after=\(forward.last!)")
            XCTAssertEqual(reply["total"] as? Int, 250, "total ignores the cursor")
            forward += reply.ids
            pages += 1
            XCTAssertLessThan(pages, 20, "the walk must end")
        }
        XCTAssertEqual(forward, order, "starting_after walks the whole list once, in order")

        var backward = reply.ids
        while true {
            reply = try await sdk(.GET, "/api/v1/payment_intents?page=1&limit=30&ending_before=\(backward.first!)")
            backward = reply.ids + backward
            if reply["has_more"] as? Bool != true { break }
            XCTAssertLessThan(backward.count, 400, "the walk must end")
        }
        XCTAssertEqual(backward, order, "ending_before walks back to the newest without gaps or repeats")

        let afterNewest = try await sdk(.GET, "/api/v1/payment_intents?page_size=5&starting_after=\(order[0])")
        XCTAssertEqual(afterNewest.ids, Array(order[1...5]))
        let beforeOldest = try await sdk(.GET, "/api/v1/payment_intents?page_size=5&ending_before=\(order[249])")
        XCTAssertEqual(beforeOldest.ids, Array(order[244...248]))
        XCTAssertEqual(beforeOldest["has_more"] as? Bool, true)
        let beforeNewest = try await sdk(.GET, "/api/v1/payment_intents?ending_before=\(order[0])")
        XCTAssertEqual(beforeNewest.ids, [])
        XCTAssertEqual(beforeNewest["has_more"] as? Bool, false)

        assertError(try await sdk(.GET, "/api/v1/payment_intents?starting_after=nope"), status: 404, code: "resource_not_found",
                    source: "starting_after")
        let foreign = try await sandbox.createIntent(as: SandboxHarness.second)
        assertError(try await sdk(.GET, "/api/v1/payment_intents?starting_after=\(foreign)"), status: 404, code: "resource_not_found",
                    source: "starting_after")
        assertError(try await sdk(.GET, "/api/v1/payment_intents?starting_after=\(order[0])&ending_before=\(order[9])"),
                    status: 400, code: "invalid_argument")
    }

    // MARK: capture(id), cancel(id), confirm(id) send []

    func testAnEmptyPHPArrayBodyMeansNoParameters() async throws {
        let capturable = try await sandbox.intent(in: "requires_capture", amount: "120.50")
        let captured = try await sdk(.POST, "/api/v1/payment_intents/\(capturable)/capture", "[]")
        XCTAssertEqual(captured.status, 200, captured.text)
        XCTAssertEqual(captured.string("status"), "succeeded")
        XCTAssertTrue(captured.text.contains(#""captured_amount":120.50"#), "captured in full: \(captured.text)")

        let cancellable = try await sandbox.createIntent()
        let cancelled = try await sdk(.POST, "/api/v1/payment_intents/\(cancellable)/cancel", "[]")
        XCTAssertEqual(cancelled.string("status"), "canceled", cancelled.text)

        // confirm(id) with no parameters gets the ordinary "what is missing" answer, not a body-shape error.
        let unconfirmed = try await sandbox.createIntent()
        assertError(try await sdk(.POST, "/api/v1/payment_intents/\(unconfirmed)/confirm", "[]"), status: 400, code: "field_required",
                    source: "payment_method_data")
        let customer = try await sandbox.createCustomer()
        let subscription = try await sandbox.post("/api/v1/subscriptions/create", """
            {"customer_id": "\(customer)", "currency": "USD", "recurring": {"interval": "month", "unit_amount": 9.99}}
            """).string("id")!
        let ended = try await sdk(.POST, "/api/v1/subscriptions/\(subscription)/cancel", "[]")
        XCTAssertEqual(ended.string("status"), "canceled", ended.text)

        // A non-empty array is still not an object.
        assertError(try await sdk(.POST, "/api/v1/payment_intents/\(unconfirmed)/cancel", "[1]"), status: 400, code: "invalid_argument")
    }

    // MARK: paymentIntents()->create with customer{…} (the SDK README's example)

    func testInlineCustomerIsFoundByMerchantCustomerIdOrCreated() async throws {
        let readmeExample = """
            {"amount":100,"currency":"USD","description":"Order #12345","merchant_order_id":"ORDER_12345",
             "customer":{"merchant_customer_id":"CUST_001","first_name":"John","last_name":"Doe","email":"john.doe@example.com",
             "phone":"+1234567890","address":{"line1":"123 Main St","city":"New York","state":"NY","postal_code":"10001","country":"US"}}}
            """
        let first = try await sdk(.POST, "/api/v1/payment_intents/create", readmeExample)
        XCTAssertEqual(first.status, 200, first.text)
        let customerId = try XCTUnwrap(first.string("customer_id"))
        let embedded = try XCTUnwrap(first["customer"] as? [String: Any])
        XCTAssertEqual(embedded["id"] as? String, customerId)
        XCTAssertEqual(embedded["merchant_customer_id"] as? String, "CUST_001")
        XCTAssertEqual(embedded["email"] as? String, "john.doe@example.com")
        XCTAssertEqual((embedded["address"] as? [String: Any])?["postal_code"] as? String, "10001")

        let second = try await sdk(.POST, "/api/v1/payment_intents/create", readmeExample)
        XCTAssertEqual(second.string("customer_id"), customerId, "found again by merchant_customer_id, not duplicated")
        let customers = try await sdk(.GET, "/api/v1/customers?merchant_customer_id=CUST_001")
        XCTAssertEqual(customers.ids, [customerId])

        let byId = try await sdk(.POST, "/api/v1/payment_intents/create", """
            {"amount": 5, "currency": "EUR", "merchant_order_id": "o-2", "customer": {"id": "\(customerId)", "email": "ignored@example.com"}}
            """)
        XCTAssertEqual(byId.string("customer_id"), customerId)
        assertError(try await sdk(.POST, "/api/v1/payment_intents/create", """
            {"amount": 5, "currency": "EUR", "merchant_order_id": "o-3", "customer": {"id": "cus_missing"}}
            """), status: 404, code: "resource_not_found", source: "customer.id")
        assertError(try await sdk(.POST, "/api/v1/payment_intents/create", """
            {"amount": 5, "currency": "EUR", "merchant_order_id": "o-4", "customer": {"email": "a@example.com"}}
            """), status: 400, code: "field_required", source: "customer.merchant_customer_id")
        assertError(try await sdk(.POST, "/api/v1/payment_intents/create", """
            {"amount": 5, "currency": "EUR", "merchant_order_id": "o-5", "customer": {"merchant_customer_id": "C2", "email": "nope"}}
            """), status: 400, code: "invalid_argument", source: "customer.email")
        let afterRefusals = try await sdk(.GET, "/api/v1/customers")
        XCTAssertEqual(afterRefusals["total"] as? Int, 1, "a refused create leaves no customer behind")
        // Another merchant's CUST_001 is a different customer.
        let foreign = try await sandbox.post("/api/v1/payment_intents/create", readmeExample, as: SandboxHarness.second)
        XCTAssertNotEqual(foreign.string("customer_id"), customerId)
    }

    // MARK: invoices()->update($id, …) and finalize

    func testInvoiceUpdateAndFinalizeWhileOpen() async throws {
        let customer = try await sandbox.createCustomer()
        let invoice = try await sandbox.post("/api/v1/invoices/create", """
            {"customer_id": "\(customer)", "currency": "JPY", "total_amount": 112}
            """).string("id")!
        let updated = try await sdk(.POST, "/api/v1/invoices/\(invoice)", """
            {"description": "invoice desc update1", "metadata": {"youid": "your param"}, "footer": "Footer", "days_until_due": 30}
            """)
        XCTAssertEqual(updated.status, 200, updated.text)
        XCTAssertEqual(updated.string("description"), "invoice desc update1")
        XCTAssertEqual(updated["metadata"] as? NSDictionary, ["youid": "your param"] as NSDictionary)
        XCTAssertEqual(updated["days_until_due"] as? Int, 30)
        XCTAssertEqual(updated.string("status"), "open")
        XCTAssertTrue(updated.text.contains(#""total_amount":112"#))
        let awaitedDescription = try await sandbox.get("/api/v1/invoices/\(invoice)").string("description")
        XCTAssertEqual(awaitedDescription, "invoice desc update1")

        let finalized = try await sdk(.POST, "/api/v1/invoices/\(invoice)/finalize")
        XCTAssertEqual(finalized.status, 200, finalized.text)
        XCTAssertEqual(finalized.string("status"), "open")

        _ = try await sandbox.post("/api/v1/invoices/\(invoice)/pay", "{}")
        assertError(try await sdk(.POST, "/api/v1/invoices/\(invoice)", #"{"description": "late"}"#), status: 400, code: "invalid_status")
        assertError(try await sdk(.POST, "/api/v1/invoices/\(invoice)/finalize"), status: 400, code: "invalid_status")
        assertError(try await sdk(.POST, "/api/v1/invoices/inv_missing", "{}"), status: 404, code: "resource_not_found")
        assertError(try await sdk(.POST, "/api/v1/invoices/\(invoice)", "{}"), status: 400, code: "invalid_status")
    }

    // MARK: webhooks()->create with any documented event name

    func testEveryDocumentedEventNameCanBeSubscribed() async throws {
        let documented = [
            "payment_intent.created", "payment_intent.requires_payment_method", "payment_intent.requires_customer_action",
            "payment_intent.requires_capture", "payment_intent.pending", "payment_intent.succeeded", "payment_intent.cancelled",
            "payment_intent.failed", "refund.received", "refund.accepted", "refund.succeeded", "refund.failed",
            "subscription.created", "subscription.active", "subscription.paused", "subscription.unpaid", "subscription.updated",
            "subscription.cancelled", "subscription.expired", "invoice.sent", "invoice.open", "invoice.paid", "invoice.payment_failed",
            "invoice.cancelled", "payment_method.created", "payment_method.updated", "checkout_session.completed",
            "checkout_session.expired", "dispute.created",
        ]
        for name in documented {
            let reply = try await sdk(.POST, "/api/v1/webhooks/create", #"{"url": "https://shop.example/hook", "events": ["\#(name)"]}"#)
            XCTAssertEqual(reply.status, 200, "\(name): \(reply.text)")
        }
        let all = try await sdk(.POST, "/api/v1/webhooks/create", """
            {"url": "https://shop.example/hook", "events": [\(documented.map { "\"\($0)\"" }.joined(separator: ","))]}
            """)
        XCTAssertEqual((all["events"] as? [String])?.count, documented.count)
        assertError(try await sdk(.POST, "/api/v1/webhooks/create", #"{"url": "https://shop.example/hook", "events": ["charge.refunded"]}"#),
                    status: 400, code: "invalid_argument", source: "events")
    }
}

/// `--list-envelope documented`: exactly the documented answer, nothing the SDK added.
final class DocumentedListEnvelopeTests: XCTestCase {
    var sandbox: SandboxHarness!

    override func setUp() async throws { sandbox = try await SandboxHarness(SandboxHarness.options { $0.listEnvelope = .documented }) }
    override func tearDown() async throws { await sandbox.stop() }

    func testDocumentedModeAnswersOnlyItemsAndHasMore() async throws {
        for _ in 0..<3 { _ = try await sandbox.createIntent() }
        for path in ["/api/v1/payment_intents?page_size=2", "/api/v1/payment_intents?page=2&page_size=2", "/api/v1/customers",
                     "/api/v1/refunds", "/api/v1/subscriptions", "/api/v1/invoices", "/api/v1/webhooks"] {
            let reply = try await sandbox.get(path)
            XCTAssertEqual(reply.status, 200, reply.text)
            XCTAssertEqual(Set(reply.object.keys), ["items", "has_more"], path)
        }
        let first = try await sandbox.get("/api/v1/payment_intents?page_size=2")
        XCTAssertEqual(first.items.count, 2)
        XCTAssertEqual(first["has_more"] as? Bool, true)
    }
}
