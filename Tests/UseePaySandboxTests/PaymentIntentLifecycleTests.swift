import XCTest
@testable import UseePaySandbox

/// Every operation against every payment-intent status, then the test-card outcomes and 3-D Secure.
final class PaymentIntentLifecycleTests: XCTestCase {
    var sandbox: SandboxHarness!

    override func setUp() async throws { sandbox = try await SandboxHarness() }
    override func tearDown() async throws { await sandbox.stop() }

    struct Operation: Sendable {
        var name: String
        var path: @Sendable (String) -> String
        var body: String
        /// Status after success, keyed by the starting status; absent = must be refused with 400.
        var allowed: [String: String]
        var errorCode = "invalid_status"
    }

    static let operations: [Operation] = [
        Operation(name: "confirm", path: { "/api/v1/payment_intents/\($0)/confirm" },
                  body: #"{"payment_method_data": {"type": "card", "card": {"number": "4111111111111111"}}}"#,
                  allowed: ["requires_payment_method": "succeeded"]),
        Operation(name: "capture", path: { "/api/v1/payment_intents/\($0)/capture" }, body: "{}",
                  allowed: ["requires_capture": "succeeded"]),
        Operation(name: "cancel", path: { "/api/v1/payment_intents/\($0)/cancel" }, body: #"{"cancellation_reason": "Order canceled"}"#,
                  allowed: ["requires_payment_method": "canceled", "requires_customer_action": "canceled", "requires_capture": "canceled"]),
        Operation(name: "update description", path: { "/api/v1/payment_intents/\($0)" }, body: #"{"description": "changed"}"#,
                  allowed: ["requires_payment_method": "requires_payment_method", "requires_customer_action": "requires_customer_action",
                            "requires_capture": "requires_capture"]),
        Operation(name: "update amount", path: { "/api/v1/payment_intents/\($0)" }, body: #"{"amount": 20}"#,
                  allowed: ["requires_payment_method": "requires_payment_method"]),
    ]

    func testEveryOperationAgainstEveryStatus() async throws {
        for operation in Self.operations {
            for status in SandboxHarness.allIntentStatuses {
                let id = try await sandbox.intent(in: status)
                let reply = try await sandbox.post(operation.path(id), operation.body)
                let context = "\(operation.name) from \(status): \(reply.text)"
                if let expected = operation.allowed[status] {
                    XCTAssertEqual(reply.status, 200, context)
                    XCTAssertEqual(reply.string("status"), expected, context)
                } else {
                    assertError(reply, status: 400, code: operation.errorCode)
                    let after = try await sandbox.get("/api/v1/payment_intents/\(id)")
                    XCTAssertEqual(after.string("status"), status, "a refused \(context) must not change anything")
                }
            }
        }
        // Refunds are only for succeeded payments.
        for status in SandboxHarness.allIntentStatuses {
            let id = try await sandbox.intent(in: status)
            let reply = try await sandbox.post("/api/v1/refunds/create", #"{"payment_intent_id": "\#(id)", "amount": 1}"#)
            if status == "succeeded" {
                XCTAssertEqual(reply.status, 200, reply.text)
                XCTAssertEqual(reply.string("status"), "received")
            } else {
                assertError(reply, status: 400, code: "invalid_status", source: "payment_intent_id")
            }
        }
    }

    func testCreateAcceptsBothPathsAndEchoesTheRequest() async throws {
        let customer = try await sandbox.createCustomer()
        for path in ["/api/v1/payment_intents/create", "/api/v1/payment_intents"] {
            let reply = try await sandbox.post(path, """
                {"amount": 100.5, "currency": "usd", "merchant_order_id": "A-1", "customer_id": "\(customer)",
                 "description": "Café ☕ 주문", "metadata": {"id": 1, "note": "x"}, "return_url": "https://shop.example/return"}
                """)
            XCTAssertEqual(reply.status, 200, reply.text)
            XCTAssertTrue(reply.text.contains(#""amount":100.50"#), "major units with the currency's exponent: \(reply.text)")
            XCTAssertEqual(reply.string("currency"), "USD")
            XCTAssertEqual(reply.string("status"), "requires_payment_method")
            XCTAssertEqual(reply.string("customer_id"), customer)
            XCTAssertEqual((reply["customer"] as? [String: Any])?["id"] as? String, customer)
            XCTAssertEqual(reply["metadata"] as? NSDictionary, ["id": 1, "note": "x"] as NSDictionary)
            XCTAssertEqual(reply["livemode"] as? Bool, false)
            XCTAssertTrue(reply["captured_amount"] is NSNull)
        }
        let krw = try await sandbox.post("/api/v1/payment_intents/create", #"{"amount": 15000, "currency": "KRW", "merchant_order_id": "K"}"#)
        XCTAssertTrue(krw.text.contains(#""amount":15000,"#), krw.text)
    }

    func testValidationNamesTheField() async throws {
        let cases: [(String, String, String)] = [
            (#"{"currency": "USD", "merchant_order_id": "a"}"#, "field_required", "amount"),
            (#"{"amount": 1, "merchant_order_id": "a"}"#, "field_required", "currency"),
            (#"{"amount": 1, "currency": "USD"}"#, "field_required", "merchant_order_id"),
            (#"{"amount": 1.001, "currency": "USD", "merchant_order_id": "a"}"#, "invalid_argument", "amount"),
            (#"{"amount": 100.5, "currency": "KRW", "merchant_order_id": "a"}"#, "invalid_argument", "amount"),
            (#"{"amount": 15000.0, "currency": "JPY", "merchant_order_id": "a"}"#, "invalid_argument", "amount"),
            (#"{"amount": "10", "currency": "USD", "merchant_order_id": "a"}"#, "invalid_argument", "amount"),
            (#"{"amount": -1, "currency": "USD", "merchant_order_id": "a"}"#, "invalid_argument", "amount"),
            (#"{"amount": 0, "currency": "USD", "merchant_order_id": "a"}"#, "invalid_argument", "amount"),
            (#"{"amount": 1e3, "currency": "USD", "merchant_order_id": "a"}"#, "invalid_argument", "amount"),
            (#"{"amount": 1, "currency": "DOLLARS", "merchant_order_id": "a"}"#, "invalid_argument", "currency"),
            (#"{"amount": 1, "currency": "USD", "merchant_order_id": "a", "auto_capture": "no"}"#, "invalid_argument", "auto_capture"),
            (#"{"amount": 1, "currency": "USD", "merchant_order_id": "a", "metadata": [1]}"#, "invalid_argument", "metadata"),
            (#"{"amount": 1, "currency": "USD", "merchant_order_id": "a", "confirm": true}"#, "field_required", "payment_method_data"),
        ]
        for (body, code, source) in cases {
            assertError(try await sandbox.post("/api/v1/payment_intents/create", body), status: 400, code: code, source: .some(source))
        }
        let awaited38 = try await sandbox.get("/api/v1/payment_intents").items.count
        XCTAssertEqual(awaited38, 0, "refused creates must store nothing")
        let id = try await sandbox.createIntent()
        assertError(try await sandbox.confirm(id, card: "4111111111111112"), status: 400, code: "invalid_argument",
                    source: "payment_method_data.card.number")
        assertError(try await sandbox.post("/api/v1/payment_intents/\(id)/confirm", #"{"payment_method_data": {"card": {}}}"#),
                    status: 400, code: "field_required", source: "payment_method_data.card.number")
    }

    func testTestCardTable() async throws {
        let expectations: [(String, String, String?, String?)] = [
            ("4111111111111111", "succeeded", nil, nil),
            ("5555555555554444", "succeeded", nil, nil),
            ("4000000000005126", "succeeded", nil, nil),
            ("4000000000000077", "pending", nil, nil),
            ("4000000000003220", "requires_customer_action", nil, nil),
            ("4000000000000002", "requires_payment_method", "card_declined", "transaction_not_allowed"),
            ("4000000000009995", "requires_payment_method", "card_declined", "insufficient_funds"),
            ("4000000000000069", "requires_payment_method", "card_declined", "expired_card"),
            ("4000000000000127", "requires_payment_method", "card_declined", "incorrect_cvc"),
            ("4000000000000119", "requires_payment_method", "processing_error", nil),
            ("4000000000009987", "failed", "card_declined", "lost_card"),
            ("4000000000009979", "failed", "card_declined", "stolen_card"),
            ("4100000000000019", "failed", "fraudulent", nil),
        ]
        let documented = try await sandbox.admin(.GET, "test-cards")
        XCTAssertEqual(Set(documented.items.compactMap { $0["number"] as? String }), Set(expectations.map(\.0)))
        let lastPaymentErrorCodes: Set<String> = ["system_error", "payment_intent_authentication_failed", "authentication_failed", "card_declined",
                                                  "payment_method_not_available", "reenter_transaction", "processing_error", "fraudulent",
                                                  "quota_exceeded", "provider_session_expired", "invalid_account"]
        for (card, status, code, declineCode) in expectations {
            let id = try await sandbox.createIntent()
            let reply = try await sandbox.confirm(id, card: card)
            XCTAssertEqual(reply.status, 200, reply.text)
            XCTAssertEqual(reply.string("status"), status, card)
            let error = reply["last_payment_error"] as? [String: Any]
            if let code {
                XCTAssertEqual(error?["code"] as? String, code, card)
                XCTAssertTrue(lastPaymentErrorCodes.contains(code))
                XCTAssertEqual(error?["type"] as? String, "card_error")
                XCTAssertEqual(error?["decline_code"] as? String, declineCode, card)
                XCTAssertFalse((error?["message"] as? String ?? "").isEmpty)
            } else {
                XCTAssertTrue(reply["last_payment_error"] is NSNull, "\(card): \(reply.text)")
            }
            let method = reply["payment_method"] as? [String: Any]
            XCTAssertEqual((method?["card"] as? [String: Any])?["last4"] as? String, String(card.suffix(4)))
            XCTAssertFalse(reply.text.contains(card), "the full card number is never stored or echoed")
        }
    }

    func testManualCaptureFullAndPartial() async throws {
        let full = try await sandbox.intent(in: "requires_capture")
        let captured = try await sandbox.post("/api/v1/payment_intents/\(full)/capture")
        XCTAssertEqual(captured.string("status"), "succeeded")
        XCTAssertTrue(captured.text.contains(#""captured_amount":100.50"#), captured.text)

        let partial = try await sandbox.intent(in: "requires_capture")
        assertError(try await sandbox.post("/api/v1/payment_intents/\(partial)/capture", #"{"amount": 100.51}"#),
                    status: 400, code: "invalid_argument", source: "amount")
        assertError(try await sandbox.post("/api/v1/payment_intents/\(partial)/capture", #"{"amount": 0}"#),
                    status: 400, code: "invalid_argument", source: "amount")
        assertError(try await sandbox.post("/api/v1/payment_intents/\(partial)/capture", #"{"amount": 10.123}"#),
                    status: 400, code: "invalid_argument", source: "amount")
        let partly = try await sandbox.post("/api/v1/payment_intents/\(partial)/capture", #"{"amount": 40}"#)
        XCTAssertEqual(partly.string("status"), "succeeded")
        XCTAssertTrue(partly.text.contains(#""captured_amount":40.00"#), partly.text)
        XCTAssertTrue(partly.text.contains(#""amount":100.50"#), partly.text)
    }

    func testCancelRecordsReasonAndTime() async throws {
        let id = try await sandbox.intent(in: "requires_capture")
        let reply = try await sandbox.post("/api/v1/payment_intents/\(id)/cancel", #"{"cancellation_reason": "Order canceled"}"#)
        XCTAssertEqual(reply.string("status"), "canceled")
        XCTAssertEqual(reply.string("cancellation_reason"), "Order canceled")
        XCTAssertNotNil(reply.string("cancelled_at").flatMap(SandboxTime.parse))
    }

    func testThreeDSecurePageAndBothOutcomes() async throws {
        let id = try await sandbox.intent(in: "requires_customer_action")
        let intent = try await sandbox.get("/api/v1/payment_intents/\(id)")
        let nextAction = try XCTUnwrap(intent["next_action"] as? [String: Any])
        XCTAssertEqual(nextAction["type"] as? String, "redirect")
        let redirect = try XCTUnwrap(nextAction["redirect"] as? [String: Any])
        XCTAssertEqual(redirect["method"] as? String, "GET")
        XCTAssertEqual(redirect["contentType"] as? String, "text/html")
        let url = try XCTUnwrap(redirect["url"] as? String)
        XCTAssertEqual(url, sandbox.baseURL + "/__sandbox/3ds/" + id)
        let page = try await sandbox.send(.GET, String(url.dropFirst(sandbox.baseURL.count)), authenticated: false)
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("/__sandbox/3ds/\(id)/complete") && page.text.contains("/__sandbox/3ds/\(id)/fail"), page.text)
        XCTAssertTrue(page.text.contains("SANDBOX"))

        let completed = try await sandbox.send(.POST, "/__sandbox/3ds/\(id)/complete", json: "", authenticated: false,
                                               contentType: "application/x-www-form-urlencoded")
        XCTAssertTrue(completed.text.contains("succeeded"), completed.text)
        let awaited39 = try await sandbox.get("/api/v1/payment_intents/\(id)").string("status")
        XCTAssertEqual(awaited39, "succeeded")
        assertError(try await sandbox.admin(.POST, "3ds/\(id)/complete"), status: 400, code: "invalid_status")

        let failing = try await sandbox.intent(in: "requires_customer_action")
        let failed = try await sandbox.admin(.POST, "3ds/\(failing)/fail")
        XCTAssertEqual(failed.string("status"), "requires_payment_method")
        XCTAssertEqual((failed["last_payment_error"] as? [String: Any])?["code"] as? String, "payment_intent_authentication_failed")
        XCTAssertTrue(failed["next_action"] is NSNull)

        let manual = try await sandbox.createIntent(autoCapture: false)
        let awaited40 = try await sandbox.confirm(manual, card: "4000000000003220").string("status")
        XCTAssertEqual(awaited40, "requires_customer_action")
        let awaited41 = try await sandbox.admin(.POST, "3ds/\(manual)/complete").string("status")
        XCTAssertEqual(awaited41, "requires_capture")

        let forced = try await sandbox.createIntent(extra: #", "payment_method_options": {"card": {"three_ds_action": "force_3ds"}}"#)
        let awaited42 = try await sandbox.confirm(forced, card: "4111111111111111").string("status")
        XCTAssertEqual(awaited42, "requires_customer_action")
    }

    func testPendingSettlesAndAuthorisationsExpireWithTheClock() async throws {
        let pending = try await sandbox.intent(in: "pending")
        let authorised = try await sandbox.intent(in: "requires_capture")
        try await sandbox.advanceClock(seconds: 3601)
        let awaited43 = try await sandbox.get("/api/v1/payment_intents/\(pending)").string("status")
        XCTAssertEqual(awaited43, "succeeded")
        let awaited44 = try await sandbox.get("/api/v1/payment_intents/\(authorised)").string("status")
        XCTAssertEqual(awaited44, "requires_capture")
        try await sandbox.advanceClock(seconds: 7 * 86_400)
        let expired = try await sandbox.get("/api/v1/payment_intents/\(authorised)")
        XCTAssertEqual(expired.string("status"), "canceled")
        XCTAssertEqual(expired.string("cancellation_reason"), "authorization_expired")
    }

    func testWireFieldsMatchSpecNames() async throws {
        let id = try await sandbox.intent(in: "succeeded")
        let intent = try await sandbox.get("/api/v1/payment_intents/\(id)").object
        for field in ["id", "merchant_no", "app_id", "create_at", "modify_at", "amount", "currency", "status", "captured_amount", "customer_id",
                      "customer", "merchant_order_id", "description", "metadata", "order", "confirm", "auto_capture", "payment_method_types",
                      "available_payment_method_types", "payment_method_options", "payment_method_id", "next_action", "return_url",
                      "client_secret", "cancellation_reason", "cancelled_at", "invoice_id", "code", "source", "message", "decline_code", "doc_url",
                      "last_payment_error", "payment_method"] {
            XCTAssertTrue(intent.keys.contains(field), "payment intent lacks \(field)")
        }
        XCTAssertFalse(intent.keys.contains { $0.contains(where: \.isUppercase) }, "snake_case only")
        let createAt = try XCTUnwrap(intent["create_at"] as? String)
        XCTAssertNotNil(createAt.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"#, options: .regularExpression), createAt)
        XCTAssertEqual(intent["merchant_no"] as? String, sandbox.credentials.merchantNo)
        XCTAssertEqual(intent["app_id"] as? String, sandbox.credentials.appId)
    }
}
