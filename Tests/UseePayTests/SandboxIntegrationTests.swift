import Foundation
import NIOConcurrencyHelpers
import UseePaySandbox
import XCTest
@testable import UseePay

/// The client against the real sandbox emulator on loopback (port 0, in-memory SQLite).
final class SandboxIntegrationTests: XCTestCase {
    private func decimal(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

    private func startSandbox(seed: UInt64? = nil) async throws -> SandboxServer {
        var options = SandboxOptions()
        options.port = 0
        options.database = .inMemory
        options.seed = seed
        options.refundSettleDelay = .milliseconds(100)
        options.workerInterval = .milliseconds(20)
        options.webhookRetrySchedule = [.milliseconds(50)]
        return try await SandboxServer.start(options)
    }

    private func withSandboxClient<T>(_ sandbox: SandboxServer, apiKey: String? = nil,
                                      _ body: (UseePayClient) async throws -> T) async throws -> T {
        let configuration = UseePayConfiguration(
            environment: .custom(sandbox.baseURL), merchantNo: sandbox.credentials.merchantNo,
            apiKey: APIKey(apiKey ?? sandbox.credentials.apiKey), appId: sandbox.credentials.appId,
            connectTimeout: .seconds(2), readTimeout: .seconds(10),
            retry: RetryPolicy(maxAttempts: 2, initialBackoff: .milliseconds(10)))
        let client = try UseePayClient(configuration: configuration)
        do {
            let value = try await body(client)
            try await client.shutdown()
            return value
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// Polls the API (not a UI) until `condition` holds or the deadline passes.
    private func eventually<T>(timeout: Duration = .seconds(5), _ fetch: () async throws -> T,
                               until condition: (T) -> Bool) async throws -> T {
        let deadline = ContinuousClock.now + timeout
        var value = try await fetch()
        while !condition(value) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(25))
            value = try await fetch()
        }
        return value
    }

    private static let goodCard = CardDetails(number: "4111111111111111", expiryMonth: "12", expiryYear: "2030", cvc: "123")

    func testAuthoriseCaptureRefundAndList() async throws {
        let sandbox = try await startSandbox()
        try await withSandboxClient(sandbox) { client in
            let created = try await client.createPaymentIntent(PaymentIntentCreateParameters(
                amount: decimal("25.5"), currency: .usd, merchantOrderId: "it-order-1", autoCapture: false, description: "integration"))
            XCTAssertEqual(created.status, .requiresPaymentMethod)
            XCTAssertEqual(created.amount, decimal("25.50"))
            XCTAssertEqual(created.money?.formatted(), "25.50 USD")

            let confirmed = try await client.confirmPaymentIntent(id: created.id, PaymentIntentConfirmParameters(
                paymentMethodData: .card(Self.goodCard)))
            XCTAssertEqual(confirmed.status, .requiresCapture)
            XCTAssertEqual(confirmed.paymentMethod?.card?.last4, "1111")

            let captured = try await client.capturePaymentIntent(id: created.id, amount: 20, currency: .usd)
            XCTAssertEqual(captured.status, .succeeded)
            XCTAssertEqual(captured.capturedAmount, 20)

            let refund = try await client.createRefund(RefundCreateParameters(
                paymentIntentId: created.id, amount: decimal("5.25"), currency: .usd, reason: "damaged", consoleRequestId: "it-req-1"))
            XCTAssertEqual(refund.paymentIntentId, created.id)
            XCTAssertEqual(refund.amount, decimal("5.25"))
            XCTAssertEqual(refund.consoleRequestId, "it-req-1")

            let found = try await client.findRefund(paymentIntentId: created.id, consoleRequestId: "it-req-1")
            XCTAssertEqual(found?.id, refund.id)
            let notFound = try await client.findRefund(paymentIntentId: created.id, consoleRequestId: "it-req-never")
            XCTAssertNil(notFound)

            let settled = try await eventually({ try await client.retrieveRefund(id: refund.id) }, until: { $0.status == .succeeded })
            XCTAssertEqual(settled.status, .succeeded)

            let overRefund = await expectUseePayError {
                try await client.createRefund(RefundCreateParameters(paymentIntentId: created.id, amount: 100, currency: .usd))
            }
            XCTAssertEqual(overRefund?.kind, .api)
            XCTAssertEqual(overRefund?.httpStatus, 400)
            XCTAssertNotNil(overRefund?.code)

            let refunds = try await client.listRefunds(RefundListQuery(paymentIntentId: created.id))
            XCTAssertEqual(refunds.items.map(\.id), [refund.id])

            let succeeded = try await client.paymentIntents(PaymentIntentListQuery(statuses: [.succeeded])).collect()
            XCTAssertEqual(succeeded.map(\.id), [created.id])
            let uncaptured = try await client.listPaymentIntents(PaymentIntentListQuery(statuses: [.requiresCapture]))
            XCTAssertTrue(uncaptured.items.isEmpty)
        }
        await sandbox.stop()
    }

    func testCancelThreeDSAndDecline() async throws {
        let sandbox = try await startSandbox()
        try await withSandboxClient(sandbox) { client in
            func create(_ order: String) async throws -> PaymentIntent {
                try await client.createPaymentIntent(PaymentIntentCreateParameters(amount: 15000, currency: .krw, merchantOrderId: order))
            }
            let toCancel = try await create("it-cancel")
            XCTAssertEqual(toCancel.money?.formatted(), "15,000 KRW")
            let cancelled = try await client.cancelPaymentIntent(id: toCancel.id, reason: "Order canceled")
            XCTAssertEqual(cancelled.status, .cancelled)
            XCTAssertEqual(cancelled.cancellationReason, "Order canceled")
            XCTAssertNotNil(cancelled.cancelledAt)
            let captureCancelled = await expectUseePayError { try await client.capturePaymentIntent(id: toCancel.id) }
            XCTAssertEqual(captureCancelled?.kind, .api)
            XCTAssertEqual(captureCancelled?.outcomeUnclear, false)

            let threeDS = try await client.confirmPaymentIntent(id: try await create("it-3ds").id, PaymentIntentConfirmParameters(
                paymentMethodData: .card(CardDetails(number: "4000000000003220", expiryMonth: "12", expiryYear: "2030", cvc: "123"))))
            XCTAssertEqual(threeDS.status, .requiresCustomerAction)
            XCTAssertEqual(threeDS.nextAction?.type, "redirect")
            XCTAssertTrue(threeDS.nextAction?.redirect?.url?.hasPrefix(sandbox.baseURL.absoluteString) ?? false)

            let declined = try await client.confirmPaymentIntent(id: try await create("it-decline").id, PaymentIntentConfirmParameters(
                paymentMethodData: .card(CardDetails(number: "4000000000009995", expiryMonth: "12", expiryYear: "2030", cvc: "123"))))
            XCTAssertEqual(declined.status, .requiresPaymentMethod)
            XCTAssertEqual(declined.lastPaymentError?.code, "card_declined")
            XCTAssertEqual(declined.lastPaymentError?.declineCode, "insufficient_funds")

            let missing = await expectUseePayError { try await client.retrievePaymentIntent(id: "pi_does_not_exist") }
            XCTAssertEqual(missing?.kind, .notFound)
        }
        await sandbox.stop()
    }

    func testWrongKeyIsAuthenticationError() async throws {
        let sandbox = try await startSandbox()
        let error = try await withSandboxClient(sandbox, apiKey: "UseePay_SK_wrong") { client in
            await expectUseePayError { try await client.listPaymentIntents(PaymentIntentListQuery()) }
        }
        XCTAssertEqual(error?.kind, .authentication)
        XCTAssertEqual(error?.httpStatus, 401)
        XCTAssertFalse(String(describing: error as Any).contains("UseePay_SK_wrong"))
        await sandbox.stop()
    }

    func testAutoPagingOverSeededData() async throws {
        let sandbox = try await startSandbox(seed: 30)
        try await withSandboxClient(sandbox) { client in
            let all = try await client.paymentIntents(PaymentIntentListQuery(window: ListWindow(pageSize: 7))).collect()
            XCTAssertEqual(all.count, 30)
            XCTAssertEqual(Set(all.map(\.id)).count, 30)
            let dates = all.compactMap(\.createAt)
            XCTAssertEqual(dates.count, 30)
            XCTAssertEqual(dates, dates.sorted(by: >), "newest first")
            for intent in all {
                XCTAssertNotNil(intent.money, intent.id)
                XCTAssertTrue(intent.money?.fitsCurrencyExponent ?? false, "\(intent.id) \(String(describing: intent.amount))")
            }
        }
        await sandbox.stop()
    }

    func testCustomersSubscriptionsInvoicesAndWebhookEndpoints() async throws {
        let sandbox = try await startSandbox()
        try await withSandboxClient(sandbox) { client in
            let customer = try await client.createCustomer(CustomerCreateParameters(
                merchantCustomerId: "it-cust-1", firstName: "Ada", lastName: "Lovelace", email: "ada@example.com"))
            XCTAssertEqual(customer.displayName, "Ada Lovelace")
            let updated = try await client.updateCustomer(id: customer.id, CustomerUpdateParameters(phone: "+441234"))
            XCTAssertEqual(updated.phone, "+441234")
            let byEmail = try await client.listCustomers(CustomerListQuery(email: "ada@example.com"))
            XCTAssertEqual(byEmail.items.map(\.id), [customer.id])

            let subscription = try await client.createSubscription(SubscriptionCreateParameters(
                customerId: customer.id, currency: .usd,
                recurring: Recurring(interval: "month", intervalCount: 1, unitAmount: decimal("9.99"))))
            XCTAssertEqual(subscription.unitMoney?.formatted(), "9.99 USD")
            let cancelled = try await client.cancelSubscription(id: subscription.id, atPeriodEnd: true, comment: "moving")
            XCTAssertEqual(cancelled.cancelAtPeriodEnd, true)
            let subs = try await client.listSubscriptions(SubscriptionListQuery(customerId: customer.id))
            XCTAssertEqual(subs.items.map(\.id), [subscription.id])

            let invoice = try await client.createInvoice(InvoiceCreateParameters(customerId: customer.id, currency: .usd,
                                                                                 collectionMethod: "send_invoice", daysUntilDue: 7,
                                                                                 totalAmount: decimal("12.34")))
            XCTAssertEqual(invoice.totalMoney?.formatted(), "12.34 USD")
            let again = try await client.retrieveInvoice(id: invoice.id)
            XCTAssertEqual(again.id, invoice.id)
            let invoices = try await client.listInvoices(InvoiceListQuery(customerId: customer.id))
            XCTAssertTrue(invoices.items.contains { $0.id == invoice.id })

            let endpoint = try await client.createWebhookEndpoint(WebhookEndpointCreateParameters(
                url: "http://127.0.0.1:9/hook", events: ["payment_intent.succeeded"]))
            let changed = try await client.updateWebhookEndpoint(id: endpoint.id, WebhookEndpointUpdateParameters(description: "ops"))
            XCTAssertEqual(changed.description, "ops")
            let retrieved = try await client.retrieveWebhookEndpoint(id: endpoint.id)
            XCTAssertEqual(retrieved.url, "http://127.0.0.1:9/hook")
            let endpoints = try await client.listWebhookEndpoints()
            XCTAssertTrue(endpoints.items.contains { $0.id == endpoint.id })
        }
        await sandbox.stop()
    }

    /// A signed delivery from the sandbox verifies with the sandbox's public key and parses into typed data.
    func testSandboxWebhookVerifies() async throws {
        let sandbox = try await startSandbox()
        let receiver = try await RecordingServer.start { _, _ in .json("{}") }
        try await withSandboxClient(sandbox) { client in
            _ = try await client.createWebhookEndpoint(WebhookEndpointCreateParameters(
                url: receiver.baseURL.absoluteString + "/hook", events: ["*"]))
            let intent = try await client.createPaymentIntent(PaymentIntentCreateParameters(
                amount: decimal("1.005"), currency: .bhd, merchantOrderId: "it-hook", confirm: false))
            _ = try await client.confirmPaymentIntent(id: intent.id, PaymentIntentConfirmParameters(paymentMethodData: .card(Self.goodCard)))
            let verifier = try WebhookVerifier(publicKeyPEM: sandbox.publicKeyPEM)
            let deliveries = try await eventually({ receiver.requests }, until: { requests in
                requests.contains { $0.body.contains("payment_intent.succeeded") }
            })
            let delivery = try XCTUnwrap(deliveries.first { $0.body.contains("payment_intent.succeeded") })
            let event = try verifier.verifyAndParse(body: Data(delivery.body.utf8), contentType: delivery.headers["content-type"],
                                                    signature: delivery.headers["sign"])
            XCTAssertEqual(event.name, "payment_intent.succeeded")
            guard case .paymentIntent(let delivered) = event.data else { return XCTFail("\(event.data)") }
            XCTAssertEqual(delivered.id, intent.id)
            XCTAssertEqual(delivered.amount, decimal("1.005"))
            let tampered = delivery.body.replacingOccurrences(of: "1.005", with: "9.005")
            XCTAssertThrowsError(try verifier.verifyAndParse(body: Data(tampered.utf8), contentType: "application/json",
                                                             signature: delivery.headers["sign"]))
        }
        await receiver.stop()
        await sandbox.stop()
    }
}
