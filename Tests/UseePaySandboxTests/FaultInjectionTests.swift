import AsyncHTTPClient
import XCTest
@testable import UseePaySandbox

/// Every fault mode, set through the admin API or options; faults never change stored data
/// except the drop-after-commit mode, whose change is committed before the connection drops.
final class FaultInjectionTests: XCTestCase {
    var sandbox: SandboxHarness!

    override func setUp() async throws { sandbox = try await SandboxHarness() }
    override func tearDown() async throws { await sandbox.stop() }

    func setFaults(_ json: String) async throws {
        let reply = try await sandbox.admin(.POST, "faults", json)
        XCTAssertEqual(reply.status, 200, reply.text)
    }

    func testInjected500And429And502DoNotChangeData() async throws {
        let id = try await sandbox.intent(in: "requires_capture")
        try await setFaults(#"{"rate_500": 1}"#)
        assertError(try await sandbox.post("/api/v1/payment_intents/\(id)/capture"), status: 500, code: "internal_error")
        try await setFaults(#"{"reset": true, "rate_429": 1, "retry_after_seconds": 7}"#)
        let limited = try await sandbox.post("/api/v1/payment_intents/\(id)/capture")
        assertError(limited, status: 429, code: "rate_limited")
        XCTAssertEqual(limited.headers["retry-after"].first, "7")
        try await setFaults(#"{"reset": true, "rate_502_html": 1}"#)
        let gateway = try await sandbox.post("/api/v1/payment_intents/\(id)/capture")
        XCTAssertEqual(gateway.status, 502)
        XCTAssertEqual(gateway.headers["content-type"].first, "text/html")
        XCTAssertTrue(gateway.text.contains("<html>"))
        // The admin API is never faulted, and nothing changed.
        let awaited17 = try await sandbox.admin(.GET, "faults")["rate_502_html"] as? Double
        XCTAssertEqual(awaited17, 1)
        try await setFaults(#"{"reset": true}"#)
        let awaited18 = try await sandbox.get("/api/v1/payment_intents/\(id)").string("status")
        XCTAssertEqual(awaited18, "requires_capture")
        let awaited19 = try await sandbox.admin(.GET, "events?object_id=\(id)").items.count
        XCTAssertEqual(awaited19, 2)
        assertError(try await sandbox.admin(.POST, "faults", #"{"rate_500": 2}"#), status: 400, code: "invalid_argument", source: "rate_500")
    }

    func testDropAfterCommitLeavesAnUnclearButCommittedOutcome() async throws {
        let id = try await sandbox.intent(in: "requires_capture")
        try await setFaults(#"{"drop_after_commit_rate": 1}"#)
        do {
            let reply = try await sandbox.post("/api/v1/payment_intents/\(id)/capture")
            XCTFail("the connection should have dropped, got \(reply.status) \(reply.text)")
        } catch {
            // Expected: no answer at all.
        }
        // Reads are not writes: they still answer.
        let awaited20 = try await sandbox.get("/api/v1/payment_intents/\(id)").string("status")
        XCTAssertEqual(awaited20, "succeeded")
        do {
            _ = try await sandbox.post("/api/v1/refunds/create", #"{"payment_intent_id": "\#(id)", "metadata": {"console_request_id": "r-1"}}"#)
            XCTFail("the connection should have dropped")
        } catch {}
        let refunds = try await sandbox.get("/api/v1/refunds?payment_intent_id=\(id)")
        XCTAssertEqual(refunds.items.count, 1)
        XCTAssertEqual((refunds.items.first?["metadata"] as? [String: Any])?["console_request_id"] as? String, "r-1",
                       "an unclear refund can be settled by its console_request_id")
        // A refused write commits nothing, so it is answered normally.
        assertError(try await sandbox.post("/api/v1/payment_intents/\(id)/capture"), status: 400, code: "invalid_status")
    }

    func testLatencyAndSlowBodyDelayButDeliver() async throws {
        try await setFaults(#"{"latency_ms": 150}"#)
        var started = ContinuousClock.now
        let awaited21 = try await sandbox.get("/api/v1/payment_intents").status
        XCTAssertEqual(awaited21, 200)
        XCTAssertGreaterThanOrEqual(ContinuousClock.now - started, .milliseconds(150))

        try await setFaults(#"{"reset": true, "latency_jitter_ms": 40}"#)
        let awaited22 = try await sandbox.get("/api/v1/payment_intents").status
        XCTAssertEqual(awaited22, 200)

        for _ in 0..<5 { _ = try await sandbox.createIntent() }
        let normal = try await sandbox.get("/api/v1/payment_intents").body
        try await setFaults(#"{"reset": true, "slow_body_chunk_delay_ms": 20}"#)
        started = ContinuousClock.now
        let slow = try await sandbox.get("/api/v1/payment_intents")
        let elapsed = ContinuousClock.now - started
        XCTAssertEqual(slow.body, normal, "a slow body is the same body")
        XCTAssertGreaterThanOrEqual(elapsed, .milliseconds(20 * (normal.count / 64)))
    }

    func testFaultsFromOptions() async throws {
        await sandbox.stop()
        sandbox = try await SandboxHarness(SandboxHarness.options { $0.faults.rate429 = 1; $0.faults.retryAfterSeconds = 3 })
        let reply = try await sandbox.get("/api/v1/payment_intents")
        XCTAssertEqual(reply.status, 429)
        XCTAssertEqual(reply.headers["retry-after"].first, "3")
        let anonymous = try await sandbox.send(.GET, "/api/v1/payment_intents", authenticated: false)
        XCTAssertEqual(anonymous.status, 401, "authentication is checked before faults")
    }
}
