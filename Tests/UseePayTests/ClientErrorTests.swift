import Foundation
import XCTest
@testable import UseePay

/// Error mapping against a real loopback server. Retries are off unless a test is about them.
final class ClientErrorTests: XCTestCase {
    private func failure(status: Int, body: String, contentType: String = "application/json",
                         extraHeaders: [(String, String)] = [], post: Bool = false) async throws -> UseePayError? {
        let server = try await RecordingServer.start { _, _ in
            ScriptedResponse(status: status, headers: [("Content-Type", contentType)] + extraHeaders, body: body)
        }
        let error = try await withClient(server.baseURL, retry: .none) { client in
            await expectUseePayError {
                post ? try await client.cancelPaymentIntent(id: "pi_1") : try await client.retrievePaymentIntent(id: "pi_1")
            }
        }
        await server.stop()
        return error
    }

    func test400CarriesCodeMessageAndSource() async throws {
        let error = try await failure(status: 400, body: #"{"code":"invalid_argument","message":"amount exceeds captured amount","source":"amount"}"#, post: true)
        XCTAssertEqual(error?.kind, .api)
        XCTAssertEqual(error?.httpStatus, 400)
        XCTAssertEqual(error?.code, "invalid_argument")
        XCTAssertEqual(error?.message, "amount exceeds captured amount")
        XCTAssertEqual(error?.source, "amount")
        XCTAssertEqual(error?.method, "POST")
        XCTAssertEqual(error?.path, "/api/v1/payment_intents/pi_1/cancel")
        XCTAssertEqual(error?.outcomeUnclear, false)
        XCTAssertTrue(error?.recoverySuggestion.contains("amount") ?? false)
        XCTAssertTrue(error?.description.contains("amount exceeds captured amount") ?? false)
        XCTAssertTrue(error?.description.contains("HTTP 400") ?? false)
    }

    func test401IsAuthentication() async throws {
        let error = try await failure(status: 401, body: #"{"code":"unauthorized","message":"bad key","source":null}"#)
        XCTAssertEqual(error?.kind, .authentication)
        XCTAssertEqual(error?.code, "unauthorized")
        XCTAssertNil(error?.source)
        XCTAssertTrue(error?.recoverySuggestion.contains("API key") ?? false)
    }

    func test404IsNotFound() async throws {
        let error = try await failure(status: 404, body: #"{"code":"resource_not_found","message":"PaymentIntent not found","source":null}"#)
        XCTAssertEqual(error?.kind, .notFound)
        XCTAssertEqual(error?.code, "resource_not_found")
    }

    func test404HTMLPageIsUnexpectedBody() async throws {
        let error = try await failure(status: 404, body: "<html><body>nginx 404</body></html>", contentType: "text/html")
        XCTAssertEqual(error?.kind, .unexpectedBody)
        XCTAssertEqual(error?.bodySnippet, "<html><body>nginx 404</body></html>")
    }

    func test429IsRateLimitedWithRetryAfter() async throws {
        let error = try await failure(status: 429, body: #"{"code":"rate_limited","message":"slow down"}"#,
                                      extraHeaders: [("Retry-After", "7")])
        XCTAssertEqual(error?.kind, .rateLimited)
        XCTAssertEqual(error?.retryAfter, .seconds(7))
        XCTAssertTrue(error?.recoverySuggestion.contains("7 seconds") ?? false)
    }

    func test500IsServer() async throws {
        let error = try await failure(status: 500, body: #"{"code":"service_unavailable","message":"oops"}"#)
        XCTAssertEqual(error?.kind, .server)
        XCTAssertEqual(error?.httpStatus, 500)
        XCTAssertEqual(error?.code, "service_unavailable")
    }

    func testHTMLErrorPageQuotesStatusAndSnippet() async throws {
        let html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>" + String(repeating: "x", count: 500) + "</body></html>"
        let error = try await failure(status: 502, body: html, contentType: "text/html", post: true)
        XCTAssertEqual(error?.kind, .server)
        XCTAssertEqual(error?.httpStatus, 502)
        XCTAssertEqual(error?.outcomeUnclear, true, "a gateway error to a POST may hide a change")
        let snippet = try XCTUnwrap(error?.bodySnippet)
        XCTAssertTrue(snippet.hasPrefix("<html> <head><title>502 Bad Gateway</title>"), snippet)
        XCTAssertLessThanOrEqual(snippet.count, 201)
        XCTAssertFalse(snippet.contains("\r") || snippet.contains("\n"))
        XCTAssertTrue(error?.description.contains("HTTP 502") ?? false)
        XCTAssertTrue(error?.description.contains("502 Bad Gateway") ?? false)
    }

    func testHTMLBodyWith200IsUnexpectedBody() async throws {
        let error = try await failure(status: 200, body: "<!DOCTYPE html><html>Login</html>", contentType: "text/html")
        XCTAssertEqual(error?.kind, .unexpectedBody)
        XCTAssertEqual(error?.httpStatus, 200)
        XCTAssertEqual(error?.bodySnippet, "<!DOCTYPE html><html>Login</html>")
        XCTAssertEqual(error?.outcomeUnclear, false, "a GET changes nothing")
    }

    func testEmptyBodyIsUnexpectedBody() async throws {
        let error = try await failure(status: 200, body: "")
        XCTAssertEqual(error?.kind, .unexpectedBody)
        XCTAssertEqual(error?.message, "empty response body")
        let postError = try await failure(status: 200, body: "", post: true)
        XCTAssertEqual(postError?.outcomeUnclear, true, "a POST answered with nothing readable may have taken effect")
    }

    func testTruncatedJSONIsUnexpectedBody() async throws {
        let error = try await failure(status: 200, body: #"{"id":"pi_1","amount":100.23,"status":"succ"#)
        XCTAssertEqual(error?.kind, .unexpectedBody)
        XCTAssertEqual(error?.bodySnippet, #"{"id":"pi_1","amount":100.23,"status":"succ"#)
    }

    func testJSONThatIsNotTheObjectIsUnexpectedBody() async throws {
        let error = try await failure(status: 200, body: #"{"status":"succeeded"}"#)
        XCTAssertEqual(error?.kind, .unexpectedBody)
    }

    func testBusinessFailureInHTTP200() async throws {
        let error = try await failure(status: 200, body: #"{"code":"invalid_status","message":"cannot cancel","source":null}"#, post: true)
        XCTAssertEqual(error?.kind, .api)
        XCTAssertEqual(error?.code, "invalid_status")
        XCTAssertEqual(error?.message, "cannot cancel")
    }

    func testHostileErrorTextIsSanitised() async throws {
        let hostile = "\u{1B}[2J\u{1B}[31mPWNED\u{07}" + String(repeating: "A", count: 5000)
        let body = WireJSON.object([("code", .string("bad\u{1B}code")), ("message", .string(hostile))]).serialized()
        let error = try await failure(status: 400, body: body)
        let message = try XCTUnwrap(error?.message)
        XCTAssertFalse(message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, message)
        XCTAssertLessThanOrEqual(message.count, 501)
        XCTAssertFalse(error?.code?.contains("\u{1B}") ?? true)
        XCTAssertFalse(error!.description.unicodeScalars.contains { $0.value == 0x1B })
    }

    func testResetConnectionGET() async throws {
        let server = try await RawSocketServer.start(
            response: "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"id\":\"pi_1\",")
        let error = try await withClient(server.baseURL, retry: .none) { client in
            await expectUseePayError { try await client.retrievePaymentIntent(id: "pi_1") }
        }
        XCTAssertEqual(error?.kind, .transport)
        XCTAssertEqual(error?.transportFailure, .connectionReset)
        XCTAssertEqual(error?.outcomeUnclear, false)
        XCTAssertTrue(error?.recoverySuggestion.isEmpty == false)
        await server.stop()
    }

    func testResetConnectionPOSTIsOutcomeUnclear() async throws {
        let server = try await RawSocketServer.start(response: "")
        let error = try await withClient(server.baseURL) { client in
            await expectUseePayError { try await client.createRefund(RefundCreateParameters(paymentIntentId: "pi_1")) }
        }
        XCTAssertEqual(error?.kind, .transport)
        XCTAssertEqual(error?.transportFailure, .connectionReset)
        XCTAssertEqual(error?.outcomeUnclear, true)
        XCTAssertTrue(error?.recoverySuggestion.contains("may have taken effect") ?? false)
        XCTAssertEqual(server.connectionCount, 1, "a POST is never retried")
        await server.stop()
    }

    func testReadTimeout() async throws {
        let server = try await RecordingServer.start { _, _ in .json(#"{"id":"pi_1"}"#, delay: .seconds(3)) }
        let started = ContinuousClock.now
        let (getError, postError) = try await withClient(server.baseURL, readTimeout: .milliseconds(200), retry: .none) { client in
            let g = await expectUseePayError { try await client.retrievePaymentIntent(id: "pi_1") }
            let p = await expectUseePayError { try await client.capturePaymentIntent(id: "pi_1") }
            return (g, p)
        }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(2.5), "the client gave up on its own timeout")
        XCTAssertEqual(getError?.transportFailure, .timeout)
        XCTAssertEqual(getError?.outcomeUnclear, false)
        XCTAssertEqual(postError?.transportFailure, .timeout)
        XCTAssertEqual(postError?.outcomeUnclear, true)
        await server.stop()
    }

    /// https to a server that only speaks plain HTTP: the TLS handshake fails before anything is sent.
    func testTLSFailureIsClassified() async throws {
        let server = try await RecordingServer.start { _, _ in .json("{}") }
        let port = server.baseURL.port!
        let error = try await withClient(URL(string: "https://127.0.0.1:\(port)")!) { client in
            await expectUseePayError { try await client.createRefund(RefundCreateParameters(paymentIntentId: "pi_1")) }
        }
        XCTAssertEqual(error?.kind, .transport)
        XCTAssertEqual(error?.transportFailure, .tls)
        XCTAssertEqual(error?.outcomeUnclear, false)
        XCTAssertEqual(server.requestCount, 0)
        await server.stop()
    }

    func testConnectionRefusedIsClearAndNotUnclear() async throws {
        let port = try await unusedLoopbackPort()
        let started = ContinuousClock.now
        let error = try await withClient(URL(string: "http://127.0.0.1:\(port)")!) { client in
            await expectUseePayError { try await client.createRefund(RefundCreateParameters(paymentIntentId: "pi_1")) }
        }
        XCTAssertEqual(error?.kind, .transport)
        XCTAssertEqual(error?.transportFailure, .connectionRefused)
        XCTAssertEqual(error?.outcomeUnclear, false, "nothing was sent")
        XCTAssertEqual(error?.requestMayHaveBeenSent, false)
        XCTAssertLessThan(ContinuousClock.now - started, .milliseconds(1500), "a refused loopback connect is reported quickly")
        let getError = try await withClient(URL(string: "http://127.0.0.1:\(port)")!) { client in
            await expectUseePayError { try await client.retrieveRefund(id: "re_1") }
        }
        XCTAssertEqual(getError?.transportFailure, .connectionRefused, "a GET is not retried when it could not connect")
        XCTAssertTrue(error?.recoverySuggestion.contains("sandbox running") ?? false)
    }
}
