import Foundation
import XCTest
@testable import UseePay

final class ClientRetryTests: XCTestCase {
    func testPOSTIsNeverRetried() async throws {
        let server = try await RecordingServer.start { _, _ in .json(#"{"code":"oops","message":"x"}"#, status: 500) }
        let error = try await withClient(server.baseURL) { client in
            await expectUseePayError { try await client.capturePaymentIntent(id: "pi_1") }
        }
        XCTAssertEqual(error?.kind, .server)
        XCTAssertEqual(server.requestCount, 1)
        await server.stop()
    }

    /// A 429 means the server did not process the request, so even a POST is sent again (issue 11 §2),
    /// but only as often as the policy allows; then the 429 is returned.
    func testPOSTWith429IsSentAgainWithinItsBudgetThenReturned() async throws {
        let server = try await RecordingServer.start { _, _ in
            ScriptedResponse(status: 429, headers: [("Retry-After", "0")], body: "")
        }
        let error = try await withClient(server.baseURL, retry: RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(5),
                                                                            rateLimitRetries: 4)) { client in
            await expectUseePayError { try await client.createRefund(RefundCreateParameters(paymentIntentId: "pi_1")) }
        }
        XCTAssertEqual(error?.kind, .rateLimited)
        XCTAssertEqual(server.requestCount, 5)
        await server.stop()
    }

    func testGETRetries5xxThenSucceeds() async throws {
        let server = try await RecordingServer.start { _, index in
            index < 2 ? ScriptedResponse(status: 503, headers: [("Content-Type", "text/html")], body: "<h1>busy</h1>")
                      : .json(#"{"id":"pi_1","status":"succeeded"}"#)
        }
        let collector = RecordCollector()
        let intent = try await withClient(server.baseURL, observer: collector.observer) { client in
            try await client.retrievePaymentIntent(id: "pi_1")
        }
        XCTAssertEqual(intent.status, .succeeded)
        XCTAssertEqual(server.requestCount, 3)
        XCTAssertEqual(collector.records.map(\.statusCode), [503, 503, 200])
        XCTAssertEqual(collector.records.map(\.attempt), [1, 2, 3])
        XCTAssertNotNil(collector.records[0].errorSummary)
        await server.stop()
    }

    func testGETRetriesAreBounded() async throws {
        let server = try await RecordingServer.start { _, _ in .json(#"{"code":"down"}"#, status: 500) }
        let error = try await withClient(server.baseURL,
                                         retry: RetryPolicy(maxAttempts: 4, initialBackoff: .milliseconds(1), maxBackoff: .milliseconds(5))) { client in
            await expectUseePayError { try await client.listCustomers(CustomerListQuery()) }
        }
        XCTAssertEqual(error?.kind, .server)
        XCTAssertEqual(server.requestCount, 4)
        await server.stop()
    }

    func testGETHonoursRetryAfter() async throws {
        let server = try await RecordingServer.start { _, index in
            index == 0 ? ScriptedResponse(status: 429, headers: [("Retry-After", "1")], body: "{}")
                       : .json(#"{"id":"cus_1"}"#)
        }
        let started = ContinuousClock.now
        let customer = try await withClient(server.baseURL) { client in try await client.retrieveCustomer(id: "cus_1") }
        XCTAssertEqual(customer.id, "cus_1")
        XCTAssertEqual(server.requestCount, 2)
        XCTAssertGreaterThanOrEqual(ContinuousClock.now - started, .milliseconds(950), "waited the server's Retry-After")
        await server.stop()
    }

    func testRetryAfterBeyondLimitIsReturnedNotWaited() async throws {
        let server = try await RecordingServer.start { _, _ in
            ScriptedResponse(status: 429, headers: [("Retry-After", "3600")], body: "{}")
        }
        let error = try await withClient(server.baseURL) { client in
            await expectUseePayError { try await client.retrieveCustomer(id: "cus_1") }
        }
        XCTAssertEqual(error?.kind, .rateLimited)
        XCTAssertEqual(error?.retryAfter, .seconds(3600))
        XCTAssertEqual(server.requestCount, 1)
        await server.stop()
    }

    func testGETRetriesResetConnections() async throws {
        let server = try await RawSocketServer.start(response: "")
        let collector = RecordCollector()
        let error = try await withClient(server.baseURL, observer: collector.observer) { client in
            await expectUseePayError { try await client.retrieveRefund(id: "re_1") }
        }
        XCTAssertEqual(error?.transportFailure, .connectionReset)
        XCTAssertEqual(server.connectionCount, 3)
        XCTAssertEqual(collector.records.map(\.attempt), [1, 2, 3])
        XCTAssertEqual(collector.records.map(\.statusCode), [nil, nil, nil])
        XCTAssertTrue(collector.records.allSatisfy { $0.errorSummary?.contains("connection dropped") ?? false })
        await server.stop()
    }

    func testClientErrorsAreNotRetried() async throws {
        let server = try await RecordingServer.start { _, _ in .json(#"{"code":"resource_not_found","message":"no"}"#, status: 404) }
        _ = try await withClient(server.baseURL) { client in
            await expectUseePayError { try await client.retrieveInvoice(id: "inv_1") }
        }
        XCTAssertEqual(server.requestCount, 1)
        await server.stop()
    }

    func testBackoffIsExponentialCappedAndJittered() {
        let policy = RetryPolicy(maxAttempts: 10, initialBackoff: .milliseconds(100), maxBackoff: .seconds(1), jitter: 0.2)
        XCTAssertEqual(policy.backoff(beforeRetry: 1, random: 0), .milliseconds(100))
        XCTAssertEqual(policy.backoff(beforeRetry: 2, random: 0), .milliseconds(200))
        XCTAssertEqual(policy.backoff(beforeRetry: 3, random: 0), .milliseconds(400))
        XCTAssertEqual(policy.backoff(beforeRetry: 8, random: 0), .seconds(1))
        XCTAssertEqual(policy.backoff(beforeRetry: 1, random: 1), .milliseconds(120))
        XCTAssertEqual(policy.backoff(beforeRetry: 1, random: -1), .milliseconds(80))
        XCTAssertEqual(RetryPolicy(maxAttempts: 0).maxAttempts, 1)
    }
}
