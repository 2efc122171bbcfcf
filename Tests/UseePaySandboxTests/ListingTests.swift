import XCTest
@testable import UseePaySandbox

final class ListingTests: XCTestCase {
    var sandbox: SandboxHarness!

    override func setUp() async throws { sandbox = try await SandboxHarness() }
    override func tearDown() async throws { await sandbox.stop() }

    func testNewestFirstPagingEnvelopeAndLimits() async throws {
        var created: [String] = []
        for _ in 0..<25 { created.append(try await sandbox.createIntent()) }
        let first = try await sandbox.get("/api/v1/payment_intents")
        // The documented envelope, plus what UseePay's PHP SDK reads (DECISIONS.md addendum);
        // `--list-envelope documented` drops the latter (DocumentedListEnvelopeTests).
        XCTAssertEqual(Set(first.object.keys), ["items", "has_more", "data", "total", "page", "page_size"])
        XCTAssertEqual(first.items.count, 20)
        XCTAssertEqual(first["has_more"] as? Bool, true)
        let second = try await sandbox.get("/api/v1/payment_intents?page_num=1")
        XCTAssertEqual(second.items.count, 5)
        XCTAssertEqual(second["has_more"] as? Bool, false)
        let all = first.ids + second.ids
        XCTAssertEqual(Set(all), Set(created))
        XCTAssertEqual(all.count, 25)
        // Newest first. The wire shows seconds; the sandbox orders by its millisecond creation time
        // (ties by id), so within one second the order is creation order, newest first.
        let times = (first.items + second.items).map { $0["create_at"] as! String }
        XCTAssertEqual(times, times.sorted(by: >))
        XCTAssertEqual(all, Array(created.reversed()), "creation order, newest first")
        let awaited23 = try await sandbox.get("/api/v1/payment_intents?page=2&page_size=10").ids
        XCTAssertEqual(awaited23, Array(all[10..<20]))
        let awaited24 = try await sandbox.get("/api/v1/payment_intents?page_num=0&page_size=100").items.count
        XCTAssertEqual(awaited24, 25)
        assertError(try await sandbox.get("/api/v1/payment_intents?page_size=101"), status: 400, code: "invalid_argument", source: "page_size")
        assertError(try await sandbox.get("/api/v1/payment_intents?page_size=0"), status: 400, code: "invalid_argument", source: "page_size")
        assertError(try await sandbox.get("/api/v1/payment_intents?page_num=-1"), status: 400, code: "invalid_argument", source: "page_num")
        assertError(try await sandbox.get("/api/v1/payment_intents?from_created_at=yesterday"), status: 400, code: "invalid_argument",
                    source: "from_created_at")
        assertError(try await sandbox.get("/api/v1/payment_intents?status=bogus"), status: 400, code: "invalid_argument", source: "status")
    }

    func testFilters() async throws {
        let customer = try await sandbox.createCustomer(#", "phone": "+82 10-1234-5678""#)
        let succeeded = try await sandbox.intent(in: "succeeded")
        let capture = try await sandbox.intent(in: "requires_capture")
        let failed = try await sandbox.intent(in: "failed")
        let owned = try await sandbox.createIntent(extra: #", "customer_id": "\#(customer)""#)
        let ordered = try await sandbox.post("/api/v1/payment_intents/create",
                                             #"{"amount": 5, "currency": "EUR", "merchant_order_id": "ORDER-42"}"#).string("id")!

        let awaited25 = Set(try await sandbox.get("/api/v1/payment_intents?status=succeeded&status=requires_capture").ids)
        XCTAssertEqual(awaited25, [succeeded, capture])
        let awaited26 = Set(try await sandbox.get("/api/v1/payment_intents?status=succeeded,failed").ids)
        XCTAssertEqual(awaited26, [succeeded, failed])
        let awaited27 = try await sandbox.get("/api/v1/payment_intents?customer_id=\(customer)").ids
        XCTAssertEqual(awaited27, [owned])
        let awaited28 = try await sandbox.get("/api/v1/payment_intents?merchant_order_id=ORDER-42").ids
        XCTAssertEqual(awaited28, [ordered])
        let cancelled = try await sandbox.intent(in: "canceled")
        let awaited29 = try await sandbox.get("/api/v1/payment_intents?status=cancelled").ids
        XCTAssertEqual(awaited29, [cancelled], "both spellings filter")

        let now = try await sandbox.admin(.GET, "clock").string("now")!
        let awaited30 = try await sandbox.get("/api/v1/payment_intents?to_created_at=2000-01-01T00:00:00Z").items.count
        XCTAssertEqual(awaited30, 0)
        let awaited31 = try await sandbox.get("/api/v1/payment_intents?from_created_at=2000-01-01T00:00:00.000Z&page_size=100").items.count
        XCTAssertEqual(awaited31, 6)
        try await sandbox.advanceClock(seconds: 10)
        let later = try await sandbox.createIntent()
        let windowStart = SandboxTime.iso(milliseconds: SandboxTime.parse(now)! + 5000)
        let awaited32 = try await sandbox.get("/api/v1/payment_intents?from_created_at=\(windowStart)").ids
        XCTAssertEqual(awaited32, [later])

        let awaited33 = try await sandbox.get("/api/v1/customers?email=minjun@example.com").ids
        XCTAssertEqual(awaited33, [customer])
        let awaited34 = try await sandbox.get("/api/v1/customers?phone=%2B82%2010-1234-5678").ids
        XCTAssertEqual(awaited34, [customer])
        let merchantCustomerId = try await sandbox.get("/api/v1/customers/\(customer)").string("merchant_customer_id")!
        let awaited35 = try await sandbox.get("/api/v1/customers?merchant_customer_id=\(merchantCustomerId)").ids
        XCTAssertEqual(awaited35, [customer])
        let refund = try await sandbox.post("/api/v1/refunds/create", #"{"payment_intent_id": "\#(succeeded)", "amount": 1}"#).string("id")!
        _ = try await sandbox.post("/api/v1/refunds/create", #"{"payment_intent_id": "\#(try await sandbox.intent(in: "succeeded"))"}"#)
        let awaited36 = try await sandbox.get("/api/v1/refunds?payment_intent_id=\(succeeded)").ids
        XCTAssertEqual(awaited36, [refund])
        let awaited37 = try await sandbox.get("/api/v1/refunds").items.count
        XCTAssertEqual(awaited37, 2)
    }

    func testPagingWhileNewIntentsArriveHasNoGapsOnceDeduplicated() async throws {
        var existing = Set<String>()
        for _ in 0..<45 { existing.insert(try await sandbox.createIntent()) }
        let sandbox = self.sandbox!
        let writer = Task {
            var added: [String] = []
            for _ in 0..<30 { added.append(try await sandbox.createIntent()) }
            return added
        }
        var seen: [String] = []
        var page = 0
        while true {
            let reply = try await sandbox.get("/api/v1/payment_intents?page_num=\(page)&page_size=7")
            XCTAssertEqual(reply.status, 200)
            seen += reply.ids
            if reply["has_more"] as? Bool != true { break }
            page += 1
            try await Task.sleep(for: .milliseconds(2))
        }
        let added = try await writer.value
        // Offset pages shift when new rows arrive at the front: an object may show up twice, but
        // every object that existed before paging started must appear at least once, and nothing unknown appears.
        XCTAssertTrue(existing.isSubset(of: Set(seen)), "missing: \(existing.subtracting(seen))")
        XCTAssertTrue(Set(seen).isSubset(of: existing.union(added)))
        XCTAssertGreaterThanOrEqual(seen.count, existing.count)
    }
}
