import XCTest
@testable import UseePaySandbox

/// Transitions check the status inside one write transaction, so racing calls cannot both win.
final class ConcurrencyTests: XCTestCase {
    var sandbox: SandboxHarness!

    override func setUp() async throws { sandbox = try await SandboxHarness() }
    override func tearDown() async throws { await sandbox.stop() }

    func testTwentyConcurrentCapturesExactlyOneSucceeds() async throws {
        let id = try await sandbox.intent(in: "requires_capture")
        let sandbox = self.sandbox!
        let replies = try await withThrowingTaskGroup(of: SandboxHarness.Reply.self) { group in
            for _ in 0..<20 { group.addTask { try await sandbox.post("/api/v1/payment_intents/\(id)/capture") } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(replies.filter { $0.status == 200 }.count, 1)
        for reply in replies where reply.status != 200 {
            assertError(reply, status: 400, code: "invalid_status")
            XCTAssertTrue(reply.string("message")?.contains("succeeded") == true, reply.text)
        }
        let events = try await sandbox.admin(.GET, "events?object_id=\(id)")
        XCTAssertEqual(events.items.filter { $0["name"] as? String == "payment_intent.succeeded" }.count, 1)
    }

    func testConcurrentRefundsOnlyThoseThatFitSucceed() async throws {
        let id = try await sandbox.intent(in: "succeeded", amount: "100.00")
        let sandbox = self.sandbox!
        // Twelve refunds of 10.00 against 100.00 captured: exactly ten fit.
        let replies = try await withThrowingTaskGroup(of: SandboxHarness.Reply.self) { group in
            for index in 0..<12 {
                group.addTask {
                    try await sandbox.post("/api/v1/refunds/create", #"{"payment_intent_id": "\#(id)", "amount": 10, "metadata": {"n": \#(index)}}"#)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(replies.filter { $0.status == 200 }.count, 10)
        for reply in replies where reply.status != 200 {
            assertError(reply, status: 400, code: "invalid_argument", source: "amount")
        }
        let refunds = try await sandbox.get("/api/v1/refunds?payment_intent_id=\(id)&page_size=100")
        XCTAssertEqual(refunds.items.count, 10)
        assertError(try await sandbox.post("/api/v1/refunds/create", #"{"payment_intent_id": "\#(id)"}"#),
                    status: 400, code: "invalid_argument", source: "amount")
    }

    func testConcurrentCaptureAndCancelOneWins() async throws {
        for _ in 0..<5 {
            let id = try await sandbox.intent(in: "requires_capture")
            let sandbox = self.sandbox!
            async let capture = sandbox.post("/api/v1/payment_intents/\(id)/capture")
            async let cancel = sandbox.post("/api/v1/payment_intents/\(id)/cancel")
            let results = try await [capture, cancel]
            XCTAssertEqual(results.filter { $0.status == 200 }.count, 1, results.map(\.text).joined(separator: "\n"))
            let final = try await sandbox.get("/api/v1/payment_intents/\(id)").string("status")
            XCTAssertEqual(final, results[0].status == 200 ? "succeeded" : "canceled")
        }
    }
}
