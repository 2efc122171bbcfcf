import Foundation
import Logging
import NIOConcurrencyHelpers
import XCTest
@testable import UseePay

/// The API key must not appear in any description, debug description, dump, error, record or log line.
final class RedactionTests: XCTestCase {
    let secret = TestCredentials.secret

    private func allRenderings(_ value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return [String(describing: value), String(reflecting: value), dumped, "\(value)"]
    }

    private func assertNoSecret(_ value: Any, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        for text in allRenderings(value) {
            XCTAssertFalse(text.contains(secret), "\(label) leaks the key: \(text)", file: file, line: line)
            XCTAssertFalse(text.contains("9f8e7d6c5b4a"), "\(label) leaks part of the key", file: file, line: line)
        }
    }

    func testKeyConfigurationAndClientAreRedacted() throws {
        let key = APIKey(secret)
        assertNoSecret(key, "APIKey")
        XCTAssertTrue(key.redacted.hasPrefix("UseePay_SK_"))
        XCTAssertEqual(key.headerValue, secret)
        let configuration = makeConfiguration(baseURL: URL(string: "http://127.0.0.1:1")!)
        assertNoSecret(configuration, "configuration")
        assertNoSecret([configuration], "configuration in an array")
        let client = try UseePayClient(configuration: configuration)
        assertNoSecret(client, "client")
        let shutdown = expectation(description: "shutdown")
        Task { try? await client.shutdown(); shutdown.fulfill() }
        wait(for: [shutdown], timeout: 5)
    }

    func testCardNumbersAreRedactedInParameters() {
        let card = CardDetails(number: "4111111111111111", expiryMonth: "12", expiryYear: "2030", cvc: "987")
        let params = PaymentIntentConfirmParameters(paymentMethodData: .card(card))
        for text in allRenderings(params) {
            XCTAssertFalse(text.contains("4111111111111111"), text)
            XCTAssertFalse(text.contains("987"), text)
        }
        XCTAssertTrue(String(describing: card).contains("••••1111"))
    }

    /// A hostile or buggy server echoes the key back in its error and body: it is scrubbed.
    func testErrorsRecordsAndLogsNeverContainTheKey() async throws {
        let server = try await RecordingServer.start { request, index in
            let echoed = request.headers["x-api-key"] ?? ""
            switch index {
            case 0: return .json("{\"code\":\"unauthorized\",\"message\":\"key \(echoed) is wrong\",\"source\":\"\(echoed)\"}", status: 401)
            case 1: return ScriptedResponse(status: 502, headers: [("Content-Type", "text/html")], body: "<p>\(echoed)</p>")
            default: return ScriptedResponse(status: 200, headers: [("Content-Type", "text/html")], body: "<p>\(echoed)</p>")
            }
        }
        let logLines = NIOLockedValueBox<[String]>([])
        var logger = Logger(label: "test") { _ in CapturingLogHandler(lines: logLines) }
        logger.logLevel = .trace
        let collector = RecordCollector()
        let client = try UseePayClient(configuration: makeConfiguration(baseURL: server.baseURL, retry: .none), logger: logger,
                                       requestObserver: collector.observer)
        var errors: [UseePayError] = []
        for _ in 0..<3 {
            do { _ = try await client.retrievePaymentIntent(id: "pi_1") } catch let e as UseePayError { errors.append(e) }
        }
        try await client.shutdown()
        XCTAssertEqual(errors.map(\.kind), [.authentication, .server, .unexpectedBody])
        XCTAssertTrue(errors[0].message?.contains("[redacted]") ?? false, "the echoed key is replaced, the rest kept")
        for error in errors {
            assertNoSecret(error, "error")
            XCTAssertFalse(error.recoverySuggestion.contains(secret))
            XCTAssertFalse((error as any Error).localizedDescription.contains(secret))
        }
        XCTAssertEqual(collector.records.count, 3)
        for record in collector.records { assertNoSecret(record, "request record") }
        let lines = logLines.withLockedValue { $0 }
        XCTAssertFalse(lines.isEmpty, "the client logs its requests")
        for line in lines { XCTAssertFalse(line.contains(secret), line) }
        XCTAssertTrue(server.requests.allSatisfy { $0.headers["x-api-key"] == secret }, "the key is still sent")
        await server.stop()
    }
}

struct CapturingLogHandler: LogHandler {
    let lines: NIOLockedValueBox<[String]>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = self.metadata.merging(event.metadata ?? [:]) { $1 }
        lines.withLockedValue { $0.append("\(event.level) \(event.message) \(all)") }
    }
}
