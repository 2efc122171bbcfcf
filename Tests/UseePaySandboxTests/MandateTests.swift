import XCTest
@testable import UseePaySandbox

/// Mandates (SPEC §7.7) over raw HTTP, with the documented create body and list query.
final class MandateTests: XCTestCase {
    var sandbox: SandboxHarness!

    override func setUp() async throws { sandbox = try await SandboxHarness() }
    override func tearDown() async throws { await sandbox.stop() }

    func createMandate(customer: String, intent: String?) async throws -> SandboxHarness.Reply {
        let intentField = intent.map { #""payment_intent_id": "\#($0)","# } ?? ""
        return try await sandbox.post("/api/v1/mandates/create", """
            {"customer_id": "\(customer)", \(intentField)
             "customer_acceptance": {"type": "online", "accepted_at": "2024-10-06T10:56:21Z",
                                     "online": {"ip_address": "192.168.12.1", "user_agent": "user agent"}}}
            """)
    }

    func testCreateRetrieveAndListByCustomerAndDateRange() async throws {
        let customer = try await sandbox.createCustomer()
        let intent = try await sandbox.createIntent(extra: #", "customer_id": "\#(customer)""#)
        let created = try await createMandate(customer: customer, intent: intent)
        XCTAssertEqual(created.status, 200, created.text)
        let id = try XCTUnwrap(created.string("id"))
        XCTAssertTrue(id.hasPrefix("man_"), id)
        XCTAssertEqual(Set(created.object.keys), ["id", "customer_id", "payment_intent_id", "customer_acceptance", "merchant_no", "app_id",
                                                  "create_at", "modify_at"], "the documented response fields")
        let acceptance = try XCTUnwrap(created["customer_acceptance"] as? [String: Any])
        XCTAssertEqual(acceptance["accepted_at"] as? String, "2024-10-06T10:56:21Z")
        XCTAssertEqual((acceptance["online"] as? [String: Any])?["ip_address"] as? String, "192.168.12.1")
        let retrieved = try await sandbox.get("/api/v1/mandates/\(id)")
        XCTAssertEqual(retrieved.text, created.text)

        let before = try await sandbox.admin(.GET, "clock").string("now")!
        try await sandbox.advanceClock(seconds: 86_400)
        let laterReply = try await createMandate(customer: customer, intent: nil)
        let later = try XCTUnwrap(laterReply.string("id"))
        let otherCustomer = try await sandbox.createCustomer()
        let othersReply = try await createMandate(customer: otherCustomer, intent: nil)
        let others = try XCTUnwrap(othersReply.string("id"))

        // The documented list request, shaped as its curl sample.
        let sample = try await sandbox.get("/api/v1/mandates?page_num=0&page_size=3&from_created_at=2024-09-29T07:44:50.774Z&customer_id=\(customer)")
        XCTAssertEqual(sample.ids, [later, id])
        XCTAssertEqual(sample["has_more"] as? Bool, false)
        let sinceYesterday = SandboxTime.iso(milliseconds: SandboxTime.parse(before)! + 3_600_000)
        let awaitedRecent = try await sandbox.get("/api/v1/mandates?customer_id=\(customer)&from_created_at=\(sinceYesterday)").ids
        XCTAssertEqual(awaitedRecent, [later])
        let awaitedOld = try await sandbox.get("/api/v1/mandates?to_created_at=\(sinceYesterday)").ids
        XCTAssertEqual(awaitedOld, [id])
        let all = try await sandbox.get("/api/v1/mandates?page_size=2")
        XCTAssertEqual(all.ids, [others, later])
        XCTAssertEqual(all["total"] as? Int, 3)
        let awaitedByIntent = try await sandbox.get("/api/v1/mandates?payment_intent_id=\(intent)").ids
        XCTAssertEqual(awaitedByIntent, [id])
        assertError(try await sandbox.get("/api/v1/mandates/\(id)", as: SandboxHarness.second), status: 404, code: "resource_not_found")
        let awaitedForeign = try await sandbox.get("/api/v1/mandates", as: SandboxHarness.second).ids
        XCTAssertEqual(awaitedForeign, [])
    }

    func testCreateIsValidated() async throws {
        let customer = try await sandbox.createCustomer()
        let stranger = try await sandbox.createCustomer()
        let strangers = try await sandbox.createIntent(extra: #", "customer_id": "\#(stranger)""#)
        assertError(try await sandbox.post("/api/v1/mandates/create", #"{"customer_acceptance": {"type": "online", "online": {}}}"#),
                    status: 400, code: "field_required", source: "customer_id")
        assertError(try await sandbox.post("/api/v1/mandates/create", #"{"customer_id": "\#(customer)"}"#),
                    status: 400, code: "field_required", source: "customer_acceptance")
        assertError(try await sandbox.post("/api/v1/mandates/create", #"{"customer_id": "\#(customer)", "customer_acceptance": {"type": "paper"}}"#),
                    status: 400, code: "invalid_argument", source: "customer_acceptance.type")
        assertError(try await sandbox.post("/api/v1/mandates/create", #"{"customer_id": "\#(customer)", "customer_acceptance": {"type": "online", "accepted_at": "yesterday", "online": {}}}"#),
                    status: 400, code: "invalid_argument", source: "customer_acceptance.accepted_at")
        assertError(try await sandbox.post("/api/v1/mandates/create", #"{"customer_id": "cus_missing", "customer_acceptance": {"type": "offline"}}"#),
                    status: 404, code: "resource_not_found", source: "customer_id")
        assertError(try await createMandate(customer: customer, intent: "missing"), status: 404, code: "resource_not_found", source: "payment_intent_id")
        assertError(try await createMandate(customer: customer, intent: strangers), status: 400, code: "invalid_argument", source: "payment_intent_id")
        let awaitedNone = try await sandbox.get("/api/v1/mandates")
        XCTAssertEqual(awaitedNone["total"] as? Int, 0)
    }
}
