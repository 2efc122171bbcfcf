import Foundation
import XCTest
@testable import UseePay

/// Every valid JSON example of the API docs (copied into Fixtures/examples) is classified here;
/// the modelled ones must decode.
final class ExampleDecodingTests: XCTestCase {
    static let examplesDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // UseePayTests
        .appendingPathComponent("Fixtures/examples")

    private func data(_ name: String) throws -> Data {
        try Data(contentsOf: Self.examplesDirectory.appendingPathComponent(name))
    }

    private func decimal(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

    /// What each valid JSON example is. Unlisted files fail `testEveryJSONExampleIsClassified`.
    enum Kind { case refund, invoice, webhookEndpoint, webhookEvent, errorBody, lastPaymentError, checkoutSession, mandate, requestBody, notModelled }
    static let classification: [String: Kind] = [
        "refunds.create.response.json": .refund,
        "invoices.create.response.json": .invoice,
        "invoices.update.response.json": .invoice,
        "webhooks.update.response.json": .webhookEndpoint,
        "webhook.payment_intent.succeeded.json": .webhookEvent,
        "error.400.amount_mismatch.json": .errorBody,
        "error.400.missing_required_field.json": .errorBody,
        "error.400.subscription_missing_config.json": .errorBody,
        "error.schema_example.json": .errorBody,
        "last_payment_error.schema_example.json": .lastPaymentError,
        "refunds.create.request.json": .requestBody,
        "refunds.create.request.curl_body.json": .requestBody,
        "invoices.create.request.json": .requestBody,
        "invoices.pay.request.json": .requestBody,
        "subscriptions.update.request.json": .requestBody,
        "webhooks.update.request.json": .requestBody,
        "mandates.create.request.json": .requestBody,
        "checkout_sessions.create.request.one_time_payment.json": .requestBody,
        "checkout_sessions.create.request.subscription_with_discount.json": .requestBody,
        "checkout_sessions.create.request.subscription_without_discount.json": .requestBody,
        "checkout_sessions.create.response.json": .checkoutSession,
        "mandates.create.response.json": .mandate,
        // Guide fragments without an id (camelCase pseudo-code).
        "s2s_guide.next_action.requires_action.camelCase.json": .notModelled,
        "hosted_checkout_guide.webhook.camelCase.json": .notModelled,
    ]

    private func jsonExampleNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Self.examplesDirectory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    func testExamplesDirectoryIsPresent() throws {
        XCTAssertGreaterThan(try jsonExampleNames().count, 10, "examples not found at \(Self.examplesDirectory.path)")
    }

    func testEveryJSONExampleIsClassified() throws {
        for name in try jsonExampleNames() {
            XCTAssertNotNil(Self.classification[name], "unclassified example \(name)")
        }
    }

    func testEveryModelledExampleDecodes() throws {
        var decodedCount = 0
        for name in try jsonExampleNames() {
            let bytes = try data(name)
            let json = try JSONValue.parse(bytes)
            switch Self.classification[name] {
            case .refund?: _ = try Refund(json: json); decodedCount += 1
            case .invoice?: _ = try Invoice(json: json); decodedCount += 1
            case .webhookEndpoint?: _ = try WebhookEndpoint(json: json); decodedCount += 1
            case .webhookEvent?: _ = try WebhookEvent(json: json); decodedCount += 1
            case .lastPaymentError?: _ = try LastPaymentError(json: json["last_payment_error"]!); decodedCount += 1
            case .checkoutSession?: _ = try CheckoutSession(json: json); decodedCount += 1
            case .mandate?: _ = try Mandate(json: json); decodedCount += 1
            case .errorBody?:
                XCTAssertNotNil(json["code"]?.stringValue, name)
                XCTAssertNotNil(json["message"]?.stringValue, name)
                decodedCount += 1
            case .requestBody?, .notModelled?, nil:
                XCTAssertNotNil(json.objectValue, name)
            }
            // The exact-number parser and Foundation agree on the document's structure.
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: bytes), name)
        }
        XCTAssertEqual(decodedCount, 12)
    }

    func testDecodableConformanceMatchesExactParser() throws {
        let bytes = try data("invoices.create.response.json")
        let viaDecoder = try JSONDecoder().decode(Invoice.self, from: bytes)
        let viaParser = try Invoice.decode(bytes)
        XCTAssertEqual(viaDecoder.id, viaParser.id)
        XCTAssertEqual(viaDecoder.totalAmount, viaParser.totalAmount)
        XCTAssertEqual(viaDecoder.createAt, viaParser.createAt)
    }

    func testRefundExampleSpotChecks() throws {
        let refund = try Refund.decode(try data("refunds.create.response.json"))
        XCTAssertEqual(refund.id, "6b4e963913f84d26a9c0e88dd5043667")
        XCTAssertEqual(refund.paymentIntentId, "04590c54576c4f6dbee8772d19ebe231")
        XCTAssertNil(refund.amount)
        XCTAssertNil(refund.currency, "the placeholder \"string\" is not a currency")
        XCTAssertEqual(refund.status, .received)
        XCTAssertEqual(refund.metadata, [:])
        XCTAssertEqual(refund.merchantNo, "500000000007264")
        XCTAssertEqual(refund.createAt, Date(timeIntervalSince1970: 1_729_840_449))
        XCTAssertNil(refund.consoleRequestId)
    }

    func testInvoiceExampleSpotChecks() throws {
        let invoice = try Invoice.decode(try data("invoices.create.response.json"))
        XCTAssertEqual(invoice.id, "inv_1JBQRUTEC0000")
        XCTAssertEqual(invoice.status, .open)
        XCTAssertEqual(invoice.currency, .jpy)
        XCTAssertEqual(invoice.totalAmount, 112)
        XCTAssertEqual(invoice.totalMoney?.formatted(), "112 JPY")
        XCTAssertEqual(invoice.number, "invoicenum000000001")
        XCTAssertEqual(invoice.collectionMethod, "send_invoice")
        XCTAssertEqual(invoice.subscriptionId, "sub_1JBQGL23O0000")
        XCTAssertNil(invoice.paymentIntentId)
        XCTAssertNil(invoice.periodEnd)
        XCTAssertNil(invoice.failureSummary)
        XCTAssertEqual(invoice.metadata?["youid"], .string("your param"))
        XCTAssertEqual(invoice.createAt, Date(timeIntervalSince1970: 1_730_099_863))
        let updated = try Invoice.decode(try data("invoices.update.response.json"))
        XCTAssertEqual(updated.collectionMethod, "charge_automatically")
        XCTAssertEqual(updated.modifyAt, Date(timeIntervalSince1970: 1_730_100_739))
    }

    func testWebhookEndpointExampleSpotChecks() throws {
        let endpoint = try WebhookEndpoint.decode(try data("webhooks.update.response.json"))
        XCTAssertEqual(endpoint.id, "wek_1JHHVQLK40S00")
        XCTAssertEqual(endpoint.url, "https://demo.youshop.com/webhook")
        XCTAssertEqual(endpoint.events, ["payment_intent.created", "payment_intent.requires_payment_method"])
        XCTAssertNil(endpoint.status)
        XCTAssertFalse(endpoint.hasSecret)
        XCTAssertEqual(endpoint.apiVersion, "2024-11-21")
    }

    func testWebhookEventExampleSpotChecks() throws {
        let event = try WebhookEvent.parse(try data("webhook.payment_intent.succeeded.json"))
        XCTAssertEqual(event.id, "evt_79bdd43e4d0f464694fa433a5d467980")
        XCTAssertEqual(event.name, "payment_intent.succeeded")
        guard case .paymentIntent(let intent) = event.data else { return XCTFail("expected a payment intent, got \(event.data)") }
        XCTAssertEqual(intent.id, "pi_1234567890")
        XCTAssertEqual(intent.amount, 10000)
        XCTAssertEqual(intent.currency, .usd)
        XCTAssertEqual(intent.status, .succeeded)
        XCTAssertEqual(intent.paymentMethod?.card?.last4, "4242")
        XCTAssertEqual(intent.paymentMethod?.card?.brand, "visa")
        XCTAssertEqual(intent.createAt, Date(timeIntervalSince1970: 1_706_351_400), "created_at is read when create_at is absent")
    }

    func testLastPaymentErrorExample() throws {
        let json = try JSONValue.parse(try data("last_payment_error.schema_example.json"))
        let error = try LastPaymentError(json: json["last_payment_error"]!)
        XCTAssertEqual(error.type, "card_error")
        XCTAssertEqual(error.code, "string")
    }

    /// The cancel example is truncated inside `client_secret`; cut there and closed, it is a full PaymentIntent.
    func testCancelledPaymentIntentExampleSpotChecks() throws {
        let text = String(decoding: try data("payment_intents.cancel.response.TRUNCATED.txt"), as: UTF8.self)
        let cut = try XCTUnwrap(text.range(of: "\"return_url\": \"http://www.example.com\""))
        let repaired = String(text[..<cut.upperBound]) + "}"
        let intent = try PaymentIntent.decode(Data(repaired.utf8))
        XCTAssertEqual(intent.id, "0d8ad1e128b54024aaec82e55a8ea2b8")
        XCTAssertEqual(intent.amount, Decimal(string: "100.23"))
        XCTAssertEqual(intent.money?.formatted(), "100.23 USD")
        XCTAssertEqual(intent.status, .cancelled, "\"canceled\" folds to .cancelled")
        XCTAssertEqual(intent.status.rawValue, "canceled")
        XCTAssertEqual(intent.cancellationReason, "Order canceled")
        XCTAssertEqual(intent.cancelledAt, Date(timeIntervalSince1970: 1_729_941_566))
        XCTAssertNil(intent.capturedAmount)
        XCTAssertNil(intent.nextAction)
        XCTAssertEqual(intent.customer?.firstName, "zhang")
        XCTAssertNil(intent.customer?.id)
        XCTAssertEqual(intent.customer?.address?.city, "New York")
        XCTAssertEqual(intent.order?.products?.first?.price, decimal("100.01"))
        XCTAssertEqual(intent.order?.products?.first?.quantity, 5)
        XCTAssertEqual(intent.order?.shipping?.shippingMethod, "sameday")
        XCTAssertEqual(intent.metadata?["id"], .number(1))
        XCTAssertEqual(intent.paymentMethodOptions?.card?.threeDSAction, "force_3ds")
        XCTAssertEqual(intent.paymentMethodOptions?.card?.autoCapture, true)
        XCTAssertEqual(intent.availablePaymentMethodTypes, ["card", "applepay", "googlepay"])
        XCTAssertEqual(intent.invoiceId, "inv_1J6K48EGK0800")
        XCTAssertEqual(intent.merchantOrderId, "72934khwqjry09ew802")
        XCTAssertEqual(intent.confirm, false)
        XCTAssertFalse(intent.isManualCapture)
        XCTAssertEqual(intent.raw["amount"], .number(decimal("100.23")))
    }

    func testTruncatedExamplesAreRejectedCleanly() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.examplesDirectory.path)
            .filter { $0.hasSuffix(".TRUNCATED.txt") || $0.hasSuffix(".INVALID_JSON.txt") }
        XCTAssertGreaterThan(names.count, 5)
        for name in names {
            XCTAssertThrowsError(try JSONValue.parse(try data(name)), name) { error in
                XCTAssertTrue(error is JSONParseError, "\(name): \(error)")
            }
        }
    }
}
