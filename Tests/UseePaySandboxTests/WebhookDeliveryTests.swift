import Foundation
import UseePay
import XCTest
@testable import UseePaySandbox

/// Deliveries to a real local receiver, verified with the client library's `WebhookVerifier`.
final class WebhookDeliveryTests: XCTestCase {
    var sandbox: SandboxHarness!

    override func setUp() async throws { sandbox = try await SandboxHarness() }
    override func tearDown() async throws { await sandbox.stop() }

    func register(_ receiver: WebhookReceiver, events: String = #"["*"]"#) async throws -> String {
        let reply = try await sandbox.post("/api/v1/webhooks/create", #"{"url": "\#(receiver.url)", "events": \#(events)}"#)
        XCTAssertEqual(reply.status, 200, reply.text)
        return try XCTUnwrap(reply.string("id"))
    }

    func testEveryStateChangeIsDeliveredSignedAndVerifiable() async throws {
        let receiver = WebhookReceiver()
        try await receiver.start()
        _ = try await register(receiver)
        let id = try await sandbox.intent(in: "requires_capture")
        _ = try await sandbox.post("/api/v1/payment_intents/\(id)/capture", #"{"amount": 50}"#)
        _ = try await sandbox.post("/api/v1/refunds/create", #"{"payment_intent_id": "\#(id)", "amount": 20}"#)
        // Delivery is at least once: an answer slower than the sandbox's timeout (a loaded machine) is
        // retried, so an event can arrive twice. Wait for four distinct events and keep the first of each.
        func eventID(_ delivery: WebhookReceiver.Delivery) -> String? {
            (try? JSONSerialization.jsonObject(with: delivery.body) as? [String: Any])?["id"] as? String
        }
        var received = try await receiver.waitFor(count: 4)
        for _ in 0..<4 where Set(received.compactMap(eventID)).count < 4 {
            received = try await receiver.waitFor(count: received.count + 1)
        }
        var seen = Set<String>()
        let deliveries = received.filter { eventID($0).map { seen.insert($0).inserted } ?? true }
        // The receiver has the bodies before the sandbox has recorded its answers; stopping it earlier
        // could cut an answer off and fail a delivery this test means to see succeed.
        try await sandbox.waitForDeliveries { items in items.count == 4 && items.allSatisfy { $0["status"] as? String != "pending" } }
        await receiver.stop()

        let publicKey = try await sandbox.admin(.GET, "public-key").text
        XCTAssertEqual(publicKey, sandbox.server.publicKeyPEM)
        XCTAssertTrue(publicKey.hasPrefix("-----BEGIN PUBLIC KEY-----"))
        let verifier = try WebhookVerifier(publicKeyPEM: publicKey)
        var names: [String] = []
        for delivery in deliveries {
            XCTAssertEqual(delivery.headers["merchant_no"], sandbox.credentials.merchantNo)
            XCTAssertEqual(delivery.headers["app_id"], sandbox.credentials.appId)
            XCTAssertEqual(delivery.headers["api_version"], "2025-11-06")
            XCTAssertEqual(delivery.headers["content-type"], "application/json")
            let sign = try XCTUnwrap(delivery.headers["sign"])
            XCTAssertTrue(verifier.verify(signature: sign, payload: delivery.body))
            var tampered = delivery.body
            tampered[tampered.startIndex + 10] ^= 0x01
            XCTAssertFalse(verifier.verify(signature: sign, payload: tampered))
            let event = try verifier.verifyAndParse(body: delivery.body, contentType: "application/json", signature: sign)
            XCTAssertTrue(event.id.hasPrefix("evt_") && event.id.count == 36, event.id)
            names.append(event.name)
            // Checked on the raw JSON too, independent of the library's models.
            let raw = try XCTUnwrap(try JSONSerialization.jsonObject(with: delivery.body) as? [String: Any])
            XCTAssertEqual(Set(raw.keys), ["id", "name", "data"])
            let data = try XCTUnwrap(raw["data"] as? [String: Any])
            XCTAssertNotNil(data["status"])
            XCTAssertNotNil(data["create_at"])
        }
        // Deliveries run concurrently and may arrive out of order, as UseePay warns; the set is exact.
        XCTAssertEqual(names.sorted(), ["payment_intent.created", "payment_intent.requires_capture", "payment_intent.succeeded", "refund.received"])
        XCTAssertEqual(names.count, 4)
        let succeeded = try XCTUnwrap(deliveries.first { String(decoding: $0.body, as: UTF8.self).contains("payment_intent.succeeded") })
        XCTAssertTrue(String(decoding: succeeded.body, as: UTF8.self).contains(#""captured_amount":50.00"#))

        let listed = try await sandbox.admin(.GET, "webhook-deliveries")
        XCTAssertEqual(listed.items.count, 4)
        XCTAssertTrue(listed.items.allSatisfy { $0["status"] as? String == "succeeded" && $0["attempts"] as? Int == 1 })
    }

    func testOnlyMatchingEnabledEndpointsReceive() async throws {
        let picky = WebhookReceiver()
        let disabled = WebhookReceiver()
        try await picky.start()
        try await disabled.start()
        _ = try await register(picky, events: #"["payment_intent.succeeded", "payment_intent.cancelled"]"#)
        let disabledId = try await register(disabled)
        _ = try await sandbox.post("/api/v1/webhooks/\(disabledId)", #"{"status": "disabled"}"#)
        _ = try await sandbox.intent(in: "succeeded")
        _ = try await sandbox.intent(in: "canceled")
        let received = try await picky.waitFor(count: 2)
        let names = try received.map { try XCTUnwrap(JSONSerialization.jsonObject(with: $0.body) as? [String: Any])["name"] as? String }
        XCTAssertEqual(names.compactMap { $0 }.sorted(), ["payment_intent.cancelled", "payment_intent.succeeded"])
        let other = try await sandbox.admin(.GET, "webhook-deliveries")
        XCTAssertEqual(other.items.count, 2, "nothing is queued for a disabled endpoint")
        XCTAssertEqual(disabled.deliveries.count, 0)
        await picky.stop()
        await disabled.stop()
    }

    func testNon200AnswersAreRetriedThenGivenUp() async throws {
        let flaky = WebhookReceiver(failFirst: [.internalServerError, .accepted])
        try await flaky.start()
        let flakyId = try await register(flaky, events: #"["payment_intent.created"]"#)
        _ = try await sandbox.createIntent()
        let attempts = try await flaky.waitFor(count: 3)
        XCTAssertEqual(Set(attempts.map(\.body)).count, 1, "every retry carries the same signed body")
        var delivery: [String: Any] = [:]
        try await sandbox.waitForDeliveries { items in
            delivery = items.first ?? [:]
            return delivery["status"] as? String == "succeeded"
        }
        XCTAssertEqual(delivery["status"] as? String, "succeeded")
        XCTAssertEqual(delivery["attempts"] as? Int, 3)
        XCTAssertEqual(delivery["last_status_code"] as? Int, 200)
        await flaky.stop()
        // A stopped receiver would keep later deliveries retrying (and the sandbox busy) for a while.
        _ = try await sandbox.post("/api/v1/webhooks/\(flakyId)", #"{"status": "disabled"}"#)

        let broken = WebhookReceiver(failFirst: Array(repeating: .badGateway, count: 10))
        try await broken.start()
        let brokenId = try await register(broken, events: #"["payment_intent.cancelled"]"#)
        let id = try await sandbox.createIntent()
        _ = try await sandbox.post("/api/v1/payment_intents/\(id)/cancel")
        _ = try await broken.waitFor(count: 4)
        var failed: [String: Any] = [:]
        try await sandbox.waitForDeliveries { items in
            failed = items.first { $0["status"] as? String == "failed" } ?? [:]
            return !failed.isEmpty
        }
        XCTAssertEqual(failed["endpoint_id"] as? String, brokenId)
        XCTAssertEqual(failed["attempts"] as? Int, 4, "one attempt plus the three scheduled retries")
        XCTAssertEqual(failed["last_status_code"] as? Int, 502)
        XCTAssertEqual(broken.deliveries.count, 4)
        await broken.stop()
    }

    func testIdleSignalWaitsForRetriesToFinish() async throws {
        let flaky = WebhookReceiver(failFirst: [.internalServerError])
        try await flaky.start()
        _ = try await register(flaky, events: #"["payment_intent.created"]"#)
        _ = try await sandbox.createIntent()
        let idle = try await sandbox.admin(.GET, "idle?timeout_ms=10000")
        XCTAssertEqual(idle["idle"] as? Bool, true, idle.text)
        // Idle means the retry has been made and recorded, with no waiting on the test's side.
        XCTAssertEqual(flaky.deliveries.count, 2)
        let delivery = try await sandbox.admin(.GET, "webhook-deliveries").items.first
        XCTAssertEqual(delivery?["status"] as? String, "succeeded")
        XCTAssertEqual(delivery?["attempts"] as? Int, 2)
        await flaky.stop()
    }
}
