import Foundation
import XCTest
@testable import UseePay

/// What the client puts on the wire, checked against a real HTTP server on loopback.
final class ClientRequestTests: XCTestCase {
    private func decimal(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

    /// Answers every object call with a minimal object and every list call with an empty page.
    private func startEchoServer() async throws -> RecordingServer {
        try await RecordingServer.start { request, _ in
            let isList = request.method == "GET" && ["/api/v1/payment_intents", "/api/v1/customers", "/api/v1/subscriptions",
                                                     "/api/v1/refunds", "/api/v1/invoices", "/api/v1/webhooks"].contains(request.path)
            return .json(isList ? #"{"items":[],"has_more":false}"# : #"{"id":"obj_1","status":"succeeded"}"#)
        }
    }

    func testHeadersOnEveryRequest() async throws {
        let server = try await startEchoServer()
        try await withClient(server.baseURL) { client in
            _ = try await client.retrievePaymentIntent(id: "pi_1")
            _ = try await client.cancelPaymentIntent(id: "pi_1")
        }
        let requests = server.requests
        XCTAssertEqual(requests.count, 2)
        for request in requests {
            XCTAssertEqual(request.headers["x-merchant-no"], TestCredentials.merchantNo)
            XCTAssertEqual(request.headers["x-api-key"], TestCredentials.secret)
            XCTAssertEqual(request.headers["x-app-id"], TestCredentials.appId)
            XCTAssertNil(request.headers["x-api-version"], "no x-api-version unless configured")
            XCTAssertEqual(request.headers["user-agent"], "useepay/\(UseePayVersion.current)")
            XCTAssertNil(request.headers["authorization"])
        }
        XCTAssertNil(requests[0].headers["content-type"], "a GET has no body")
        XCTAssertEqual(requests[1].headers["content-type"], "application/json")
        await server.stop()
    }

    func testConnectionsAreReused() async throws {
        let server = try await startEchoServer()
        try await withClient(server.baseURL) { client in
            for _ in 0..<5 { _ = try await client.retrievePaymentIntent(id: "pi_1") }
            _ = try await client.capturePaymentIntent(id: "pi_1")
        }
        let ports = Set(server.requests.compactMap(\.clientPort))
        XCTAssertEqual(server.requestCount, 6)
        XCTAssertEqual(ports.count, 1, "all requests went over one pooled connection")
        await server.stop()
    }

    func testAPIVersionHeaderWhenConfigured() async throws {
        let server = try await startEchoServer()
        try await withClient(server.baseURL, apiVersion: "2024-10-10") { client in
            _ = try await client.retrieveCustomer(id: "cus_1")
        }
        XCTAssertEqual(server.requests.first?.headers["x-api-version"], "2024-10-10")
        await server.stop()
    }

    /// Every operation: method, path and JSON body exactly.
    func testOperationsMethodsPathsAndBodies() async throws {
        let server = try await startEchoServer()
        let createdAt = Date(timeIntervalSince1970: 1_729_840_449)
        try await withClient(server.baseURL) { client in
            _ = try await client.createPaymentIntent(PaymentIntentCreateParameters(
                amount: decimal("12.5"), currency: .usd, merchantOrderId: "order-1", customerId: "cus_1",
                autoCapture: false, description: "T-shirt", metadata: ["k": .string("v")],
                order: Order(products: [Product(name: "Shirt", quantity: 2, price: decimal("6.25"))])))
            _ = try await client.retrievePaymentIntent(id: "pi_1")
            _ = try await client.updatePaymentIntent(id: "pi_1", PaymentIntentUpdateParameters(description: "new"))
            _ = try await client.confirmPaymentIntent(id: "pi_1", PaymentIntentConfirmParameters(
                paymentMethodData: .card(CardDetails(number: "4111111111111111", expiryMonth: "12", expiryYear: "2030", cvc: "123")),
                returnUrl: "https://shop.example/return"))
            _ = try await client.capturePaymentIntent(id: "pi_1")
            _ = try await client.capturePaymentIntent(id: "pi_1", amount: decimal("5.5"), currency: .usd)
            _ = try await client.cancelPaymentIntent(id: "pi_1", reason: "Order canceled")
            _ = try await client.listPaymentIntents(PaymentIntentListQuery())
            _ = try await client.createCustomer(CustomerCreateParameters(merchantCustomerId: "m-1", email: "a@b.c",
                                                                         address: Address(country: "US", postcode: "10001")))
            _ = try await client.retrieveCustomer(id: "cus_1")
            _ = try await client.updateCustomer(id: "cus_1", CustomerUpdateParameters(phone: "+100"))
            _ = try await client.listCustomers(CustomerListQuery())
            _ = try await client.createSubscription(SubscriptionCreateParameters(
                customerId: "cus_1", currency: .jpy, recurring: Recurring(interval: "month", intervalCount: 1, unitAmount: 112)))
            _ = try await client.retrieveSubscription(id: "sub_1")
            _ = try await client.updateSubscription(id: "sub_1", SubscriptionUpdateParameters(description: "d"))
            _ = try await client.cancelSubscription(id: "sub_1", atPeriodEnd: true, comment: "bye")
            _ = try await client.listSubscriptions(SubscriptionListQuery())
            _ = try await client.createRefund(RefundCreateParameters(paymentIntentId: "pi_1", amount: decimal("1.5"), currency: .bhd,
                                                                     reason: "damaged", consoleRequestId: "req-123"))
            _ = try await client.retrieveRefund(id: "re_1")
            _ = try await client.listRefunds(RefundListQuery())
            _ = try await client.createInvoice(InvoiceCreateParameters(customerId: "cus_1", currency: .usd, totalAmount: 112))
            _ = try await client.retrieveInvoice(id: "inv_1")
            _ = try await client.listInvoices(InvoiceListQuery())
            _ = try await client.payInvoice(id: "inv_1", InvoicePayParameters(acceptedAt: createdAt, ipAddress: "192.168.12.1", userAgent: "ua"))
            _ = try await client.createWebhookEndpoint(WebhookEndpointCreateParameters(url: "https://x/h", events: ["*"]))
            _ = try await client.retrieveWebhookEndpoint(id: "wek_1")
            _ = try await client.updateWebhookEndpoint(id: "wek_1", WebhookEndpointUpdateParameters(status: "disabled"))
            _ = try await client.listWebhookEndpoints()
        }
        let expected: [(String, String, String)] = [
            ("POST", "/api/v1/payment_intents/create",
             #"{"amount":12.50,"currency":"USD","merchant_order_id":"order-1","customer_id":"cus_1","auto_capture":false,"description":"T-shirt","metadata":{"k":"v"},"order":{"products":[{"name":"Shirt","quantity":2,"price":6.25}]}}"#),
            ("GET", "/api/v1/payment_intents/pi_1", ""),
            ("POST", "/api/v1/payment_intents/pi_1", #"{"description":"new"}"#),
            ("POST", "/api/v1/payment_intents/pi_1/confirm",
             #"{"payment_method_data":{"type":"card","card":{"number":"4111111111111111","expiry_month":"12","expiry_year":"2030","cvc":"123","number_type":"pan"}},"return_url":"https://shop.example/return"}"#),
            ("POST", "/api/v1/payment_intents/pi_1/capture", "{}"),
            ("POST", "/api/v1/payment_intents/pi_1/capture", #"{"amount":5.50}"#),
            ("POST", "/api/v1/payment_intents/pi_1/cancel", #"{"cancellation_reason":"Order canceled"}"#),
            ("GET", "/api/v1/payment_intents?page_num=0&page_size=20", ""),
            ("POST", "/api/v1/customers/create",
             #"{"merchant_customer_id":"m-1","email":"a@b.c","address":{"country":"US","postcode":"10001"}}"#),
            ("GET", "/api/v1/customers/cus_1", ""),
            ("POST", "/api/v1/customers/cus_1", #"{"phone":"+100"}"#),
            ("GET", "/api/v1/customers?page_num=0&page_size=20", ""),
            ("POST", "/api/v1/subscriptions/create",
             #"{"customer_id":"cus_1","currency":"JPY","recurring":{"interval":"month","interval_count":1,"unit_amount":112}}"#),
            ("GET", "/api/v1/subscriptions/sub_1", ""),
            ("POST", "/api/v1/subscriptions/sub_1", #"{"description":"d"}"#),
            ("POST", "/api/v1/subscriptions/sub_1/cancel", #"{"at_period_end":true,"comment":"bye"}"#),
            ("GET", "/api/v1/subscriptions?page_num=0&page_size=20", ""),
            ("POST", "/api/v1/refunds/create",
             #"{"payment_intent_id":"pi_1","amount":1.500,"currency":"BHD","reason":"damaged","metadata":{"console_request_id":"req-123"}}"#),
            ("GET", "/api/v1/refunds/re_1", ""),
            ("GET", "/api/v1/refunds?page_num=0&page_size=20", ""),
            ("POST", "/api/v1/invoices/create", #"{"customer_id":"cus_1","currency":"USD","total_amount":112.00}"#),
            ("GET", "/api/v1/invoices/inv_1", ""),
            ("GET", "/api/v1/invoices?page_num=0&page_size=20", ""),
            ("POST", "/api/v1/invoices/inv_1/pay",
             #"{"mandate_data":{"customer_acceptance":{"type":"online","accepted_at":"2024-10-25T07:14:09Z","online":{"ip_address":"192.168.12.1","user_agent":"ua"}}}}"#),
            ("POST", "/api/v1/webhooks/create", #"{"url":"https://x/h","events":["*"]}"#),
            ("GET", "/api/v1/webhooks/wek_1", ""),
            ("POST", "/api/v1/webhooks/wek_1", #"{"status":"disabled"}"#),
            ("GET", "/api/v1/webhooks?page_num=0&page_size=20", ""),
        ]
        let requests = server.requests
        XCTAssertEqual(requests.count, expected.count)
        for (request, (method, target, body)) in zip(requests, expected) {
            XCTAssertEqual(request.method, method, target)
            XCTAssertEqual(request.target, target)
            XCTAssertEqual(request.body, body, target)
        }
        await server.stop()
    }

    func testRefundKeepsCallerMetadataAndAddsRequestId() async throws {
        let server = try await startEchoServer()
        try await withClient(server.baseURL) { client in
            _ = try await client.createRefund(RefundCreateParameters(paymentIntentId: "pi_9", metadata: ["ticket": .number(42)],
                                                                     consoleRequestId: "c0ffee"))
        }
        let body = try JSONValue.parse(server.requests[0].body)
        XCTAssertEqual(body["metadata"], .object(["ticket": .number(42), "console_request_id": .string("c0ffee")]))
        XCTAssertNil(body["amount"], "no amount = refund everything left")
        await server.stop()
    }

    func testListQueryStrings() async throws {
        let server = try await startEchoServer()
        let from = Date(timeIntervalSince1970: 1_727_595_890)
        let to = Date(timeIntervalSince1970: 1_727_682_290)
        try await withClient(server.baseURL) { client in
            _ = try await client.listPaymentIntents(PaymentIntentListQuery(
                window: ListWindow(pageNum: 2, pageSize: 50, fromCreatedAt: from, toCreatedAt: to),
                statuses: [.requiresCapture, .cancelled], customerId: "cus_1", merchantOrderId: "a&b=c d+e"))
            _ = try await client.listCustomers(CustomerListQuery(window: ListWindow(pageSize: 500), email: "x+y@z.com",
                                                                 merchantCustomerId: "m1", phone: "+86 138"))
            _ = try await client.listSubscriptions(SubscriptionListQuery(customerId: "cus_2", statuses: [.active, .pastDue]))
            _ = try await client.listRefunds(RefundListQuery(paymentIntentId: "pi_7", statuses: [.failed]))
            _ = try await client.listInvoices(InvoiceListQuery(customerId: "cus_3", subscriptionId: "sub_3", statuses: [.open]))
            _ = try await client.listWebhookEndpoints(WebhookEndpointListQuery(status: "enabled"))
        }
        let r = server.requests
        XCTAssertEqual(r[0].target, "/api/v1/payment_intents?page_num=2&page_size=50&from_created_at=2024-09-29T07:44:50Z"
                       + "&to_created_at=2024-09-30T07:44:50Z&status=requires_capture&status=canceled&customer_id=cus_1"
                       + "&merchant_order_id=a%26b%3Dc%20d%2Be")
        XCTAssertEqual(r[0].queryItems.last?.1, "a&b=c d+e")
        XCTAssertEqual(r[1].queryItems.map(\.0), ["page_num", "page_size", "email", "merchant_customer_id", "phone"])
        XCTAssertEqual(r[1].queryItems[1].1, "100", "page size is capped at the API maximum")
        XCTAssertEqual(r[1].queryItems[2].1, "x+y@z.com")
        XCTAssertEqual(r[1].queryItems[4].1, "+86 138")
        XCTAssertEqual(r[2].query, "page_num=0&page_size=20&customer_id=cus_2&status=active&status=past_due")
        XCTAssertEqual(r[3].query, "page_num=0&page_size=20&payment_intent_id=pi_7&status=failed")
        XCTAssertEqual(r[4].query, "page_num=0&page_size=20&customer_id=cus_3&subscription_id=sub_3&status=open")
        XCTAssertEqual(r[5].query, "page_num=0&page_size=20&status=enabled")
        await server.stop()
    }

    func testIdsCannotEscapeTheirPathSegment() async throws {
        let server = try await startEchoServer()
        try await withClient(server.baseURL) { client in
            _ = try await client.retrievePaymentIntent(id: "../customers/cus_1?x=1")
            let error = await expectUseePayError { try await client.retrieveRefund(id: "  ") }
            XCTAssertEqual(error?.code, "invalid_argument")
        }
        XCTAssertEqual(server.requests.count, 1, "an empty id is rejected before any request")
        XCTAssertEqual(server.requests[0].target, "/api/v1/payment_intents/..%2Fcustomers%2Fcus_1%3Fx%3D1")
        await server.stop()
    }

    func testListEnvelopeFromItemsOrData() async throws {
        let server = try await RecordingServer.start { _, index in
            index == 0
                ? .json(#"{"items":[{"id":"a","status":"succeeded","amount":1.5,"currency":"USD"},{"id":"b"}],"has_more":true,"total":99}"#)
                : .json(#"{"data":[{"id":"c"},{"no_id":true}],"has_more":false,"total_count":3}"#)
        }
        try await withClient(server.baseURL) { client in
            let first = try await client.listPaymentIntents(PaymentIntentListQuery())
            XCTAssertEqual(first.items.map(\.id), ["a", "b"])
            XCTAssertTrue(first.hasMore)
            XCTAssertEqual(first.items[0].amount, decimal("1.5"))
            let second = try await client.listPaymentIntents(PaymentIntentListQuery(window: ListWindow(pageNum: 1)))
            XCTAssertEqual(second.items.map(\.id), ["c"], "an item without an id is skipped, not fatal")
            XCTAssertFalse(second.hasMore)
            XCTAssertEqual(second.pageNum, 1)
        }
        await server.stop()
    }

    func testFindRefundMatchesConsoleRequestId() async throws {
        let server = try await RecordingServer.start { request, _ in
            let page = request.queryItems.first { $0.0 == "page_num" }?.1 ?? "0"
            if page == "0" {
                return .json(#"{"items":[{"id":"re_a","payment_intent_id":"pi_1","metadata":{"console_request_id":"other"}}],"has_more":true}"#)
            }
            return .json(#"{"items":[{"id":"re_b","payment_intent_id":"pi_1","status":"received","metadata":{"console_request_id":"want"}}],"has_more":false}"#)
        }
        try await withClient(server.baseURL) { client in
            let found = try await client.findRefund(paymentIntentId: "pi_1", consoleRequestId: "want")
            XCTAssertEqual(found?.id, "re_b")
            XCTAssertEqual(found?.consoleRequestId, "want")
            let missing = try await client.findRefund(paymentIntentId: "pi_1", consoleRequestId: "never-sent")
            XCTAssertNil(missing)
        }
        XCTAssertEqual(server.requests.first?.queryItems.first { $0.0 == "payment_intent_id" }?.1, "pi_1")
        XCTAssertEqual(server.requests.count, 4)
        await server.stop()
    }

    func testRequestObserverSeesEveryExchange() async throws {
        let server = try await startEchoServer()
        let collector = RecordCollector()
        try await withClient(server.baseURL, observer: collector.observer) { client in
            _ = try await client.listRefunds(RefundListQuery(paymentIntentId: "pi_1"))
            _ = try await client.createRefund(RefundCreateParameters(paymentIntentId: "pi_1"))
        }
        let records = collector.records
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(records[0].method, "GET")
        XCTAssertEqual(records[0].path, "/api/v1/refunds?page_num=0&page_size=20&payment_intent_id=pi_1")
        XCTAssertEqual(records[0].statusCode, 200)
        XCTAssertNil(records[0].errorSummary)
        XCTAssertEqual(records[1].method, "POST")
        XCTAssertEqual(records[1].path, "/api/v1/refunds/create")
        await server.stop()
    }
}
