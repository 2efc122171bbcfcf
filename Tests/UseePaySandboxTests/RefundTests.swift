import XCTest
@testable import UseePaySandbox

final class RefundTests: XCTestCase {
    var sandbox: SandboxHarness!

    override func setUp() async throws { sandbox = try await SandboxHarness() }
    override func tearDown() async throws { await sandbox.stop() }

    func testPartialThenRemainingRefundsSettleWithTheClock() async throws {
        let id = try await sandbox.intent(in: "succeeded", amount: "100.50")
        let partial = try await sandbox.post("/api/v1/refunds/create", """
            {"payment_intent_id": "\(id)", "amount": 30.25, "currency": "USD", "reason": "Wrong size",
             "metadata": {"console_request_id": "req-123", "n": 1.50}}
            """)
        XCTAssertEqual(partial.status, 200, partial.text)
        XCTAssertEqual(partial.string("status"), "received")
        XCTAssertTrue(partial.text.contains(#""amount":30.25"#), partial.text)
        XCTAssertTrue(partial.text.contains(#""metadata":{"console_request_id":"req-123","n":1.50}"#), "metadata as given: \(partial.text)")
        for field in ["id", "payment_intent_id", "acquirer_reference_number", "amount", "currency", "status", "metadata", "reason",
                      "merchant_no", "app_id", "create_at", "modify_at"] {
            XCTAssertTrue(partial.object.keys.contains(field), "refund lacks \(field)")
        }
        let rest = try await sandbox.post("/api/v1/refunds/create", #"{"payment_intent_id": "\#(id)"}"#)
        XCTAssertTrue(rest.text.contains(#""amount":70.25"#), "no amount = all that is left: \(rest.text)")
        assertError(try await sandbox.post("/api/v1/refunds/create", #"{"payment_intent_id": "\#(id)", "amount": 0.01}"#),
                    status: 400, code: "invalid_argument", source: "amount")
        assertError(try await sandbox.post("/api/v1/refunds/create", #"{"payment_intent_id": "\#(id)", "currency": "EUR"}"#),
                    status: 400, code: "invalid_argument", source: "currency")
        assertError(try await sandbox.post("/api/v1/refunds/create", "{}"), status: 400, code: "field_required", source: "payment_intent_id")

        let refundId = try XCTUnwrap(partial.string("id"))
        try await sandbox.advanceClock(seconds: 3600)
        let awaited49 = try await sandbox.get("/api/v1/refunds/\(refundId)").string("status")
        XCTAssertEqual(awaited49, "accepted")
        try await sandbox.advanceClock(seconds: 3600)
        let settled = try await sandbox.get("/api/v1/refunds/\(refundId)")
        XCTAssertEqual(settled.string("status"), "succeeded")
        XCTAssertNotNil(settled.string("acquirer_reference_number"))
        let names = try await sandbox.admin(.GET, "events?object_id=\(refundId)").items.compactMap { $0["name"] as? String }
        XCTAssertEqual(names, ["refund.succeeded", "refund.accepted", "refund.received"])
        let awaited50 = try await sandbox.get("/api/v1/payment_intents/\(id)").string("status")
        XCTAssertEqual(awaited50, "succeeded")
    }

    func testRefundFailureCardAndFailedRefundsFreeTheAmount() async throws {
        let id = try await sandbox.createIntent(amount: "50")
        let awaited51 = try await sandbox.confirm(id, card: "4000000000005126").string("status")
        XCTAssertEqual(awaited51, "succeeded")
        let refund = try await sandbox.post("/api/v1/refunds/create", #"{"payment_intent_id": "\#(id)"}"#).string("id")!
        try await sandbox.advanceClock(seconds: 7200)
        let awaited52 = try await sandbox.get("/api/v1/refunds/\(refund)").string("status")
        XCTAssertEqual(awaited52, "failed")
        let again = try await sandbox.post("/api/v1/refunds/create", #"{"payment_intent_id": "\#(id)", "amount": 50}"#)
        XCTAssertEqual(again.status, 200, "a failed refund does not count against the captured amount: \(again.text)")
    }

    func testRefundsAreCappedByTheCapturedAmountNotTheAuthorised() async throws {
        let id = try await sandbox.intent(in: "requires_capture", amount: "100")
        _ = try await sandbox.post("/api/v1/payment_intents/\(id)/capture", #"{"amount": 60}"#)
        assertError(try await sandbox.post("/api/v1/refunds/create", #"{"payment_intent_id": "\#(id)", "amount": 60.01}"#),
                    status: 400, code: "invalid_argument", source: "amount")
        let awaited53 = try await sandbox.post("/api/v1/refunds/create", #"{"payment_intent_id": "\#(id)"}"#).text.contains(#""amount":60.00"#)
        XCTAssertTrue(awaited53)
    }

    func testRefundsSettleOnTheirOwnWithAShortDelay() async throws {
        await sandbox.stop()
        sandbox = try await SandboxHarness(SandboxHarness.options { $0.refundSettleDelay = .milliseconds(20) })
        let id = try await sandbox.intent(in: "succeeded")
        let refund = try await sandbox.post("/api/v1/refunds/create", #"{"payment_intent_id": "\#(id)"}"#).string("id")!
        var status = ""
        for _ in 0..<200 {
            status = try await sandbox.get("/api/v1/refunds/\(refund)").string("status") ?? ""
            if status == "succeeded" { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        XCTAssertEqual(status, "succeeded")
    }
}
