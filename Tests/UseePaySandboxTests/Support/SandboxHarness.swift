import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import XCTest
@testable import UseePaySandbox

/// A sandbox on a free loopback port, spoken to over real HTTP. Responses are checked as raw JSON
/// (JSONSerialization and the body text), never through the client library's models.
final class SandboxHarness: @unchecked Sendable {
    let server: SandboxServer
    let client = HTTPClient.shared
    var credentials: SandboxCredentials { server.credentials }
    var baseURL: String { server.baseURL.absoluteString }

    struct Reply {
        var status: Int
        var body: Data
        var headers: HTTPHeaders
        var text: String { String(decoding: body, as: UTF8.self) }
        var object: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var items: [[String: Any]] { object["items"] as? [[String: Any]] ?? [] }
        var ids: [String] { items.compactMap { $0["id"] as? String } }
        subscript(key: String) -> Any? { object[key] }
        func string(_ key: String) -> String? { object[key] as? String }
    }

    static let second = SandboxCredentials(merchantNo: "500000000000002", appId: "second.example", apiKey: "UseePay_SK_second")

    static func options(_ adjust: (inout SandboxOptions) -> Void = { _ in }) -> SandboxOptions {
        var options = SandboxOptions()
        options.port = 0
        options.database = .inMemory
        options.seed = nil
        // Long by default: tests move time with the sandbox clock instead of sleeping.
        options.refundSettleDelay = .seconds(3600)
        options.webhookRetrySchedule = [.milliseconds(30), .milliseconds(30), .milliseconds(30)]
        options.workerInterval = .milliseconds(10)
        options.additionalMerchants = [second]
        adjust(&options)
        return options
    }

    init(_ options: SandboxOptions = SandboxHarness.options()) async throws {
        server = try await SandboxServer.start(options)
    }

    func stop() async { await server.stop() }

    func send(_ method: HTTPMethod, _ path: String, json body: String? = nil, as merchant: SandboxCredentials? = nil,
              headers extra: [(String, String)] = [], authenticated: Bool = true,
              contentType: String = "application/json") async throws -> Reply {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if authenticated {
            let merchant = merchant ?? credentials
            request.headers.add(name: "x-merchant-no", value: merchant.merchantNo)
            request.headers.add(name: "x-api-key", value: merchant.apiKey)
            request.headers.add(name: "x-app-id", value: merchant.appId)
        }
        for (name, value) in extra { request.headers.replaceOrAdd(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 16 << 20)
        return Reply(status: Int(response.status.code), body: Data(buffer.readableBytesView), headers: response.headers)
    }

    func get(_ path: String, as merchant: SandboxCredentials? = nil) async throws -> Reply {
        try await send(.GET, path, as: merchant)
    }

    func post(_ path: String, _ body: String = "{}", as merchant: SandboxCredentials? = nil) async throws -> Reply {
        try await send(.POST, path, json: body, as: merchant)
    }

    // MARK: Building objects in a given state, through the public API only

    func createIntent(amount: String = "100.50", currency: String = "USD", autoCapture: Bool = true, extra: String = "",
                      as merchant: SandboxCredentials? = nil, file: StaticString = #filePath, line: UInt = #line) async throws -> String {
        let reply = try await post("/api/v1/payment_intents/create", """
            {"amount": \(amount), "currency": "\(currency)", "merchant_order_id": "order-\(UUID().uuidString.prefix(8))", "auto_capture": \(autoCapture)\(extra)}
            """, as: merchant)
        XCTAssertEqual(reply.status, 200, reply.text, file: file, line: line)
        return try XCTUnwrap(reply.string("id"), file: file, line: line)
    }

    func confirm(_ id: String, card: String, as merchant: SandboxCredentials? = nil) async throws -> Reply {
        try await post("/api/v1/payment_intents/\(id)/confirm", """
            {"payment_method_data": {"type": "card", "card": {"number": "\(card)", "expiry_month": "12", "expiry_year": "2030", "cvc": "123"}}}
            """, as: merchant)
    }

    static let allIntentStatuses = ["requires_payment_method", "requires_customer_action", "requires_capture", "pending",
                                    "succeeded", "canceled", "failed"]

    func intent(in status: String, amount: String = "100.50", file: StaticString = #filePath, line: UInt = #line) async throws -> String {
        let id: String
        let reply: Reply?
        switch status {
        case "requires_payment_method":
            return try await createIntent(amount: amount, file: file, line: line)
        case "requires_customer_action":
            id = try await createIntent(amount: amount, file: file, line: line)
            reply = try await confirm(id, card: "4000000000003220")
        case "requires_capture":
            id = try await createIntent(amount: amount, autoCapture: false, file: file, line: line)
            reply = try await confirm(id, card: "4111111111111111")
        case "pending":
            id = try await createIntent(amount: amount, file: file, line: line)
            reply = try await confirm(id, card: "4000000000000077")
        case "succeeded":
            id = try await createIntent(amount: amount, file: file, line: line)
            reply = try await confirm(id, card: "4111111111111111")
        case "canceled":
            id = try await createIntent(amount: amount, file: file, line: line)
            reply = try await post("/api/v1/payment_intents/\(id)/cancel")
        case "failed":
            id = try await createIntent(amount: amount, file: file, line: line)
            reply = try await confirm(id, card: "4000000000009987")
        default:
            XCTFail("unknown status \(status)", file: file, line: line)
            return ""
        }
        XCTAssertEqual(reply?.string("status"), status, reply?.text ?? "", file: file, line: line)
        return id
    }

    func createCustomer(_ extra: String = "", as merchant: SandboxCredentials? = nil) async throws -> String {
        let reply = try await post("/api/v1/customers/create", """
            {"merchant_customer_id": "m-\(UUID().uuidString.prefix(8))", "name": "김민준", "email": "minjun@example.com"\(extra)}
            """, as: merchant)
        XCTAssertEqual(reply.status, 200, reply.text)
        return try XCTUnwrap(reply.string("id"))
    }

    func advanceClock(seconds: Int) async throws {
        let reply = try await admin(.POST, "clock/advance", "{\"seconds\": \(seconds)}")
        XCTAssertEqual(reply.status, 200, reply.text)
    }

    /// Waits for the sandbox's idle signal (no webhook delivery pending or in flight, nothing due),
    /// then checks `done` against `/__sandbox/webhook-deliveries` once.
    func waitForDeliveries(timeout: Duration = .seconds(10), file: StaticString = #filePath, line: UInt = #line,
                           _ done: ([[String: Any]]) -> Bool) async throws {
        let idle = try await server.waitUntilIdle(timeout: timeout)
        XCTAssertTrue(idle, "the sandbox's background work did not settle", file: file, line: line)
        let items = try await admin(.GET, "webhook-deliveries").items
        XCTAssertTrue(done(items), "webhook deliveries once the sandbox is idle: \(items)", file: file, line: line)
    }

    func admin(_ method: HTTPMethod, _ path: String, _ body: String? = nil) async throws -> Reply {
        try await send(method, "/__sandbox/" + path, json: body, authenticated: false)
    }
}

/// Asserts the documented error shape `{code, message, source}` and returns it.
@discardableResult
func assertError(_ reply: SandboxHarness.Reply, status: Int, code: String, source: String?? = .none,
                 file: StaticString = #filePath, line: UInt = #line) -> [String: Any] {
    XCTAssertEqual(reply.status, status, reply.text, file: file, line: line)
    let object = reply.object
    XCTAssertEqual(object["code"] as? String, code, reply.text, file: file, line: line)
    XCTAssertFalse((object["message"] as? String ?? "").isEmpty, "message missing: \(reply.text)", file: file, line: line)
    XCTAssertTrue(object.keys.contains("source"), "source missing: \(reply.text)", file: file, line: line)
    if case .some(let expected) = source {
        if let expected {
            XCTAssertEqual(object["source"] as? String, expected, reply.text, file: file, line: line)
        } else {
            XCTAssertTrue(object["source"] is NSNull, reply.text, file: file, line: line)
        }
    }
    return object
}
