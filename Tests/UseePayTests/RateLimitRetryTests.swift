import Foundation
import NIOConcurrencyHelpers
import XCTest
@testable import UseePay

/// Issue 11 §2: a 429 (or a 503 with Retry-After) means the server did not process the request. The client
/// waits as asked (bounded), says so through the request observer, and sends it again — POSTs too. A POST
/// whose answer was lost, or that got a 500/502, is still never sent again.
final class RateLimitRetryTests: XCTestCase {
    func testA429dPOSTIsSentAgainAfterRetryAfterAndTheWaitIsAnnounced() async throws {
        let server = try await RecordingServer.start { _, index in
            index == 0 ? ScriptedResponse(status: 429, headers: [("Retry-After", "1"), ("Content-Type", "application/json")],
                                          body: #"{"code":"rate_limited","message":"slow down"}"#)
                       : .json(#"{"id":"pi_1","status":"succeeded","amount":5,"currency":"USD"}"#)
        }
        let collector = RecordCollector()
        let started = ContinuousClock.now
        let intent = try await withClient(server.baseURL, observer: collector.observer) { client in
            try await client.capturePaymentIntent(id: "pi_1")
        }
        XCTAssertEqual(intent.status, .succeeded)
        XCTAssertEqual(server.requests.map(\.method), ["POST", "POST"])
        XCTAssertEqual(server.requests.map(\.body).count, 2)
        XCTAssertEqual(server.requests[0].body, server.requests[1].body, "the same request, sent again")
        XCTAssertGreaterThanOrEqual(ContinuousClock.now - started, .milliseconds(950), "waited the server's Retry-After")
        XCTAssertEqual(collector.records.map(\.statusCode), [429, 200])
        XCTAssertEqual(collector.records[0].retryingIn, .seconds(1))
        XCTAssertEqual(collector.records[0].retryNotice, "rate limited, retrying in 1 s")
        XCTAssertNil(collector.records[1].retryNotice)
        await server.stop()
    }

    func testA503WithRetryAfterIsSentAgainWithoutItIsNot() async throws {
        // One server for both cases: request 0 is busy with Retry-After, 1 succeeds, 2 is busy without it.
        let server = try await RecordingServer.start { _, index in
            switch index {
            case 0: ScriptedResponse(status: 503, headers: [("Retry-After", "0"), ("Content-Type", "text/html")], body: "<h1>busy</h1>")
            case 1: .json(#"{"id":"pi_1","status":"canceled"}"#)
            default: ScriptedResponse(status: 503, headers: [("Content-Type", "text/html")], body: "<h1>down</h1>")
            }
        }
        let collector = RecordCollector()
        let error = try await withClient(server.baseURL, observer: collector.observer) { client in
            _ = try await client.cancelPaymentIntent(id: "pi_1", reason: nil)
            XCTAssertEqual(server.requestCount, 2, "sent again after the 503's Retry-After")
            return await expectUseePayError { try await client.cancelPaymentIntent(id: "pi_2", reason: nil) }
        }
        XCTAssertEqual(collector.records.first?.retryNotice, "server busy (503), retrying in 0 s")
        XCTAssertEqual(error?.kind, .server)
        XCTAssertEqual(server.requestCount, 3, "a POST that got a 503 without Retry-After is not sent again")
        await server.stop()
    }

    func testPOSTsThatMayHaveBeenProcessedAreNeverSentAgain() async throws {
        for status in [500, 502, 504] {
            let server = try await RecordingServer.start { _, _ in
                ScriptedResponse(status: status, headers: [("Retry-After", "0"), ("Content-Type", "text/html")], body: "<h1>bad</h1>")
            }
            let error = try await withClient(server.baseURL) { client in
                await expectUseePayError { try await client.capturePaymentIntent(id: "pi_1") }
            }
            XCTAssertEqual(server.requestCount, 1, "HTTP \(status)")
            XCTAssertEqual(error?.outcomeUnclear, status != 500, "HTTP \(status)")
            await server.stop()
        }
        // A dropped connection after the request was written: the settle path, not a resend.
        let dropped = try await RawSocketServer.start(response: "")
        let error = try await withClient(dropped.baseURL) { client in
            await expectUseePayError { try await client.capturePaymentIntent(id: "pi_1") }
        }
        XCTAssertEqual(error?.outcomeUnclear, true)
        XCTAssertEqual(dropped.connectionCount, 1)
        await dropped.stop()
    }

    func testRateLimitWaitsAreBoundedInLengthAndInTotal() async throws {
        let long = try await RecordingServer.start { _, _ in
            ScriptedResponse(status: 429, headers: [("Retry-After", "31")], body: "{}")
        }
        let started = ContinuousClock.now
        let error = try await withClient(long.baseURL) { client in
            await expectUseePayError { try await client.capturePaymentIntent(id: "pi_1") }
        }
        XCTAssertEqual(error?.kind, .rateLimited)
        XCTAssertEqual(long.requestCount, 1, "a Retry-After beyond maxRetryAfter (30 s) is returned, not waited")
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(5))
        await long.stop()

        let repeated = try await RecordingServer.start { _, _ in
            ScriptedResponse(status: 429, headers: [("Retry-After", "1")], body: "{}")
        }
        let policy = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(5), rateLimitRetries: 10, maxRateLimitWait: .seconds(2))
        let bounded = try await withClient(repeated.baseURL, retry: policy) { client in
            await expectUseePayError { try await client.retrieveCustomer(id: "cus_1") }
        }
        XCTAssertEqual(bounded?.kind, .rateLimited)
        XCTAssertEqual(repeated.requestCount, 3, "two waits of 1 s fill the 2 s budget; the third 429 is returned")
        await repeated.stop()
    }

    /// While one request waits out a 429, the client's other requests wait too: a bulk run paces itself.
    func testOtherRequestsWaitWhileTheServerAskedForAPause() async throws {
        let arrivals = NIOLockedValueBox<[ContinuousClock.Instant]>([])
        let server = try await RecordingServer.start { _, index in
            arrivals.withLockedValue { $0.append(.now) }
            return index == 0 ? ScriptedResponse(status: 429, headers: [("Retry-After", "1")], body: "{}")
                              : .json(#"{"id":"cus_1"}"#)
        }
        let limited = AsyncStream<Void>.makeStream()
        let observer: @Sendable (APIRequestRecord) -> Void = { record in
            if record.retryingIn != nil { limited.continuation.yield() }
        }
        try await withClient(server.baseURL, observer: observer) { client in
            async let first = client.retrieveCustomer(id: "cus_1")
            // The first request has been told to wait (bounded: a client that never waits fails, not hangs).
            let told = await withTaskGroup(of: Bool.self) { group in
                group.addTask {
                    for await _ in limited.stream { return true }
                    return false
                }
                group.addTask {
                    try? await Task.sleep(for: .seconds(10))
                    return false
                }
                let result = await group.next() ?? false
                group.cancelAll()
                return result
            }
            XCTAssertTrue(told, "the 429 was never announced as a retry")
            let second = try await client.retrieveCustomer(id: "cus_2")
            XCTAssertEqual(second.id, "cus_1")
            _ = try await first
        }
        let times = arrivals.withLockedValue { $0 }
        XCTAssertEqual(times.count, 3)
        XCTAssertGreaterThanOrEqual(times[1] - times[0], .milliseconds(950), "the second request waited for the pause to end")
        XCTAssertGreaterThanOrEqual(times[2] - times[0], .milliseconds(950))
        await server.stop()
    }
}
