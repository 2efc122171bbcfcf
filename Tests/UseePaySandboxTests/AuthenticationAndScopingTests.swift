import AsyncHTTPClient
import NIOHTTP1
import XCTest
@testable import UseePaySandbox

final class AuthenticationAndScopingTests: XCTestCase {
    var sandbox: SandboxHarness!

    override func setUp() async throws { sandbox = try await SandboxHarness() }
    override func tearDown() async throws { await sandbox.stop() }

    func testMissingOrWrongCredentialsGet401OnEveryRoute() async throws {
        let credentials = sandbox.credentials
        let variants: [[(String, String)]] = [
            [],
            [("x-merchant-no", credentials.merchantNo), ("x-app-id", credentials.appId)],
            [("x-merchant-no", credentials.merchantNo), ("x-api-key", credentials.apiKey)],
            [("x-api-key", credentials.apiKey), ("x-app-id", credentials.appId)],
            [("x-merchant-no", credentials.merchantNo), ("x-api-key", credentials.apiKey + "x"), ("x-app-id", credentials.appId)],
            [("x-merchant-no", "500000000000999"), ("x-api-key", credentials.apiKey), ("x-app-id", credentials.appId)],
            [("x-merchant-no", credentials.merchantNo), ("x-api-key", credentials.apiKey), ("x-app-id", "other.app")],
        ]
        let routes: [(HTTPMethod, String)] = [
            (.GET, "/api/v1/payment_intents"), (.POST, "/api/v1/payment_intents/create"), (.POST, "/api/v1/payment_intents"),
            (.GET, "/api/v1/payment_intents/abc"), (.POST, "/api/v1/payment_intents/abc/capture"), (.GET, "/api/v1/refunds"),
            (.POST, "/api/v1/refunds/create"), (.GET, "/api/v1/customers"), (.GET, "/api/v1/subscriptions"), (.GET, "/api/v1/invoices"),
            (.GET, "/api/v1/webhooks"), (.POST, "/api/v1/webhooks/create"),
        ]
        for headers in variants {
            for (method, path) in routes {
                let reply = try await sandbox.send(method, path, json: method == .POST ? "{}" : nil, headers: headers, authenticated: false)
                let error = assertError(reply, status: 401, code: "unauthorized", source: .some(nil))
                XCTAssertFalse(reply.text.contains(credentials.apiKey), "the key must never be echoed")
                XCTAssertNotNil(error["message"])
            }
        }
    }

    func testAnotherMerchantsObjectsAreNotFound() async throws {
        let foreignIntent = try await sandbox.createIntent(as: SandboxHarness.second)
        let foreignCustomer = try await sandbox.createCustomer(as: SandboxHarness.second)
        assertError(try await sandbox.get("/api/v1/payment_intents/\(foreignIntent)"), status: 404, code: "resource_not_found")
        assertError(try await sandbox.post("/api/v1/payment_intents/\(foreignIntent)/cancel"), status: 404, code: "resource_not_found")
        assertError(try await sandbox.confirm(foreignIntent, card: "4111111111111111"), status: 404, code: "resource_not_found")
        assertError(try await sandbox.get("/api/v1/customers/\(foreignCustomer)"), status: 404, code: "resource_not_found")
        assertError(try await sandbox.post("/api/v1/payment_intents/create",
                                           #"{"amount": 1, "currency": "USD", "merchant_order_id": "x", "customer_id": "\#(foreignCustomer)"}"#),
                    status: 404, code: "resource_not_found", source: "customer_id")
        let awaited1 = try await sandbox.get("/api/v1/payment_intents").ids.contains(foreignIntent)
        XCTAssertFalse(awaited1)
        let awaited2 = try await sandbox.get("/api/v1/payment_intents/\(foreignIntent)", as: SandboxHarness.second).status
        XCTAssertEqual(awaited2, 200)
        let intent = try await sandbox.intent(in: "succeeded")
        assertError(try await sandbox.post("/api/v1/refunds/create", #"{"payment_intent_id": "\#(intent)"}"#, as: SandboxHarness.second),
                    status: 404, code: "resource_not_found", source: "payment_intent_id")
    }

    func testUnknownRoutesAndMalformedBodiesAnswerInTheDocumentedShape() async throws {
        assertError(try await sandbox.get("/api/v1/nothing"), status: 404, code: "resource_not_found")
        assertError(try await sandbox.get("/elsewhere"), status: 404, code: "resource_not_found")
        assertError(try await sandbox.post("/api/v1/payment_intents/create", "{\"amount\": 1,"), status: 400, code: "invalid_argument")
        assertError(try await sandbox.post("/api/v1/payment_intents/create", "[1, 2]"), status: 400, code: "invalid_argument")
        let awaited3 = try await sandbox.get("/api/v1/payment_intents").headers["x-useepay-sandbox"].first
        XCTAssertEqual(awaited3, "true")
    }

    func testNonLoopbackHostIsRefusedUnlessAllowed() async throws {
        do {
            _ = try await SandboxServer.start(SandboxHarness.options { $0.host = "0.0.0.0" })
            XCTFail("a non-loopback host must be refused")
        } catch let error as SandboxStartError {
            XCTAssertTrue(error.description.contains("allowRemote"), error.description)
        }
        XCTAssertTrue(SandboxServer.isLoopback("127.0.0.1"))
        XCTAssertTrue(SandboxServer.isLoopback("::1"))
        XCTAssertFalse(SandboxServer.isLoopback("192.168.1.4"))
        let remote = try await SandboxServer.start(SandboxHarness.options { $0.host = "0.0.0.0"; $0.allowRemote = true })
        await remote.stop()
    }
}
