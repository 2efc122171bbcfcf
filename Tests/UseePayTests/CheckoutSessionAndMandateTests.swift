import Foundation
import XCTest
@testable import UseePay

/// Checkout sessions and mandates: decoding the docs' examples (copied into Fixtures/), the bodies the
/// client writes, and the requests it makes, checked on a real loopback HTTP server.
final class CheckoutSessionAndMandateTests: XCTestCase {
    private func decimal(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

    /// The example with `field` replaced (or removed when `value` is nil).
    private func example(_ text: String, replacing field: String, with value: JSONValue?) throws -> JSONValue {
        guard case .object(var object) = try JSONValue.parse(text) else { throw XCTSkip("not an object") }
        object[field] = value
        return .object(object)
    }

    // MARK: - Decoding

    func testCheckoutSessionExampleDecodesEveryDocumentedField() throws {
        let session = try CheckoutSession.decode(Data(CheckoutAndMandateExamples.checkoutSessionCreateResponse.utf8))
        XCTAssertEqual(session.id, "cs_1A2B3C4D5E6F7G8H")
        XCTAssertEqual(session.status, .open)
        XCTAssertEqual(session.mode, .subscription)
        XCTAssertEqual(session.uiMode, "custom")
        XCTAssertEqual(session.amount, decimal("99.99"))
        XCTAssertEqual(session.money, Money(amount: decimal("99.99"), currency: .usd))
        XCTAssertEqual(session.merchantOrderId, "sub_order_jkl345mno678")
        XCTAssertEqual(session.customerId, "cus_9Z8Y7X6W5V4U3T", "the customer id comes from the embedded customer")
        XCTAssertEqual(session.customer?.email, "trial@example.com")
        XCTAssertEqual(session.customer?.merchantCustomerId, "cust_trial_merchant_345678")
        XCTAssertEqual(session.lineItems.count, 1)
        XCTAssertEqual(session.lineItems.first?.name, "Premium Monthly Plan")
        XCTAssertEqual(session.lineItems.first?.unitAmount, decimal("99.99"))
        XCTAssertEqual(session.lineItems.first?.currency, .usd)
        XCTAssertEqual(session.lineItems.first?.recurring?.interval, "month")
        XCTAssertEqual(session.lineItems.first?.recurring?.totalBillingCycles, 12)
        XCTAssertEqual(session.subscriptionData?.discountPeriodCount, 1)
        XCTAssertEqual(session.subscriptionData?.discountPeriodAmount, decimal("0.01"))
        XCTAssertEqual(session.collectionMethod, "auto_charge")
        XCTAssertEqual(session.paymentMethodTypes, ["card", "apple_pay", "google_pay"])
        XCTAssertEqual(session.metadata?["trial_offer"], .string("first_month_99_percent_off"))
        // Unix seconds, unlike the ISO create_at of the other objects.
        XCTAssertEqual(session.createAt, Date(timeIntervalSince1970: 1_705_228_800))
        XCTAssertEqual(session.expiresAt, Date(timeIntervalSince1970: 1_705_315_200))
        XCTAssertNil(session.paymentIntentId)
        XCTAssertNil(session.paymentStatus, "the example has no payment_status")
    }

    func testCheckoutSessionIsLenient() throws {
        let text = CheckoutAndMandateExamples.checkoutSessionCreateResponse
        let unknown = try CheckoutSession(json: example(text, replacing: "status", with: .string("awaiting_review")))
        XCTAssertEqual(unknown.status, .other("awaiting_review"), "an unknown status is kept, not a decode failure")
        XCTAssertEqual(unknown.status.rawValue, "awaiting_review")
        let stringAmount = try CheckoutSession(json: example(text, replacing: "amount", with: .string("1234.50")))
        XCTAssertEqual(stringAmount.amount, decimal("1234.50"), "numeric strings read exactly")
        let iso = try CheckoutSession(json: example(text, replacing: "created", with: .string("2026-11-22T03:25:17Z")))
        XCTAssertEqual(iso.createAt, Date(timeIntervalSince1970: 1_795_317_917))
        let paid = try CheckoutSession(json: example(text, replacing: "payment_status", with: .string("paid")))
        XCTAssertEqual(paid.paymentStatus, .paid)
        let byId = try CheckoutSession(json: example(text, replacing: "customer", with: .string("cus_plain")))
        XCTAssertEqual(byId.customerId, "cus_plain", "customer given as an id")
        XCTAssertThrowsError(try CheckoutSession(json: example(text, replacing: "id", with: nil)), "an object without id is not a session")
        // A huge fraction stays exact (no Double anywhere).
        let exact = try CheckoutSession(json: JSONValue.parse(#"{"id":"cs_x","amount":12345678901234567.89,"currency":"USD"}"#))
        XCTAssertEqual(exact.amount, decimal("12345678901234567.89"))
        XCTAssertEqual(exact.lineItems, [])
    }

    func testMandateExampleDecodes() throws {
        let mandate = try Mandate.decode(Data(CheckoutAndMandateExamples.mandateCreateResponse.utf8))
        XCTAssertEqual(mandate.id, "man_1JARUC40K0800")
        XCTAssertEqual(mandate.customerId, "{{customer-id}}", "placeholders are kept as published")
        XCTAssertEqual(mandate.paymentIntentId, "{{payment-intent-id}}")
        XCTAssertEqual(mandate.customerAcceptance?.type, "online")
        XCTAssertEqual(mandate.customerAcceptance?.acceptedAt, Date(timeIntervalSince1970: 1_728_212_181))
        XCTAssertEqual(mandate.customerAcceptance?.ipAddress, "192.168.12.1")
        XCTAssertEqual(mandate.customerAcceptance?.userAgent, "user agent")
        XCTAssertEqual(mandate.merchantNo, "500000000007264")
        XCTAssertEqual(mandate.createAt, Date(timeIntervalSince1970: 1_729_840_449))
        XCTAssertNil(mandate.status)
        let withStatus = try Mandate(json: example(CheckoutAndMandateExamples.mandateCreateResponse, replacing: "status", with: .string("revoked")))
        XCTAssertEqual(withStatus.status, "revoked")
    }

    // MARK: - Request bodies

    func testOneTimePaymentBodyMatchesTheDocsExample() throws {
        let parameters = CheckoutSessionCreateParameters(
            mode: .payment, amount: decimal("99.99"), currency: .usd, merchantOrderId: "order_abc123xyz456",
            lineItems: [CheckoutLineItem(quantity: 1, name: "Premium Product", desc: "High quality product with premium features",
                                         unitAmount: decimal("99.99"), currency: .usd)],
            customer: CheckoutCustomer(email: "customer@example.com", name: "John Doe", phone: "+1234567890",
                                       merchantCustomerId: "cust_merchant_123456"),
            uiMode: "custom", paymentMethodTypes: ["card", "apple_pay", "google_pay"],
            metadata: ["order_type": .string("online"), "source": .string("web"), "campaign": .string("summer_sale")])
        XCTAssertEqual(try JSONValue.parse(parameters.wire.serialized()),
                       try JSONValue.parse(CheckoutAndMandateExamples.checkoutSessionCreateRequestOneTimePayment))
        XCTAssertEqual(parameters.lineItemsTotal, decimal("99.99"))
    }

    func testSubscriptionBodyMatchesTheDocsExample() throws {
        let parameters = CheckoutSessionCreateParameters(
            mode: .subscription, amount: decimal("99.99"), currency: .usd, merchantOrderId: "sub_order_jkl345mno678",
            lineItems: [CheckoutLineItem(quantity: 1, name: "Premium Monthly Plan", desc: "Unlimited access with first month discount",
                                         unitAmount: decimal("99.99"), currency: .usd,
                                         recurring: Recurring(interval: "month", intervalCount: 1, totalBillingCycles: 12))],
            customer: CheckoutCustomer(email: "trial@example.com", name: "Trial User", phone: "+1234567890",
                                       merchantCustomerId: "cust_trial_merchant_345678"),
            uiMode: "custom", paymentMethodTypes: ["card", "apple_pay", "google_pay"],
            subscriptionData: CheckoutSubscriptionData(discountPeriodCount: 1, discountPeriodAmount: decimal("0.01")),
            collectionMethod: "auto_charge",
            metadata: ["subscription_type": .string("premium"), "billing_cycle": .string("monthly"),
                       "trial_offer": .string("first_month_99_percent_off")])
        XCTAssertEqual(try JSONValue.parse(parameters.wire.serialized()),
                       try JSONValue.parse(CheckoutAndMandateExamples.checkoutSessionCreateRequestSubscriptionWithDiscount))
    }

    func testAmountsAreWrittenWithTheCurrencyDecimals() throws {
        let parameters = CheckoutSessionCreateParameters(
            mode: .payment, amount: decimal("15000"), currency: CurrencyCode("KRW"), merchantOrderId: "o-1",
            lineItems: [CheckoutLineItem(quantity: 2, name: "Tea", unitAmount: decimal("7500"))])
        let text = parameters.wire.serialized()
        XCTAssertTrue(text.contains(#""amount":15000,"#), text)
        XCTAssertTrue(text.contains(#""unit_amount":7500,"currency":"KRW""#), "line items inherit the session currency: \(text)")
        XCTAssertEqual(parameters.lineItemsTotal, decimal("15000"))
        let usd = CheckoutSessionCreateParameters(mode: .payment, amount: decimal("12.5"), currency: .usd, merchantOrderId: "o-2", lineItems: [])
        XCTAssertTrue(usd.wire.serialized().contains(#""amount":12.50"#))
    }

    func testMandateBodyMatchesTheDocsExample() throws {
        let acceptedAt = try XCTUnwrap(ISOTimestamp.parse(.string("2024-10-06T10:56:21Z")))
        let parameters = MandateCreateParameters(
            customerId: "{{customer-id}}", paymentIntentId: "{{payment-intent-id}}",
            acceptance: CustomerAcceptance(type: "online", acceptedAt: acceptedAt, ipAddress: "192.168.12.1", userAgent: "user agent"))
        XCTAssertEqual(try JSONValue.parse(parameters.wire.serialized()),
                       try JSONValue.parse(CheckoutAndMandateExamples.mandateCreateRequest))
    }

    // MARK: - Requests on the wire

    func testPathsAndQueries() async throws {
        let server = try await RecordingServer.start { request, _ in
            if request.method == "GET", request.path == "/api/v1/mandates" || request.path == "/api/v1/checkout_sessions" {
                return .json(#"{"items":[],"has_more":false}"#)
            }
            return .json(request.path.contains("mandates") ? CheckoutAndMandateExamples.mandateCreateResponse
                                                            : CheckoutAndMandateExamples.checkoutSessionCreateResponse)
        }
        let from = try XCTUnwrap(ISOTimestamp.parse(.string("2024-09-29T07:44:50Z")))
        try await withClient(server.baseURL) { client in
            _ = try await client.createCheckoutSession(CheckoutSessionCreateParameters(
                mode: .payment, amount: 1, currency: .usd, merchantOrderId: "o", lineItems: [CheckoutLineItem(unitAmount: 1)]))
            _ = try await client.retrieveCheckoutSession(id: "cs_1")
            _ = try await client.listCheckoutSessions(CheckoutSessionListQuery(customerId: "cus_1", statuses: [.complete]))
            _ = try await client.createMandate(MandateCreateParameters(customerId: "cus_1", paymentIntentId: "pi_1"))
            _ = try await client.retrieveMandate(id: "man_1")
            _ = try await client.listMandates(MandateListQuery(
                window: ListWindow(pageNum: 0, pageSize: 3, fromCreatedAt: from), customerId: "cus_1JA7UDDQG3800"))
        }
        let requests = server.requests
        XCTAssertEqual(requests.map { "\($0.method) \($0.path)" }, [
            "POST /api/v1/checkout_sessions", "GET /api/v1/checkout_sessions/cs_1", "GET /api/v1/checkout_sessions",
            "POST /api/v1/mandates/create", "GET /api/v1/mandates/man_1", "GET /api/v1/mandates",
        ])
        XCTAssertEqual(requests[2].queryItems.map { "\($0.0)=\($0.1)" }, ["page_num=0", "page_size=20", "customer_id=cus_1", "status=complete"])
        // The documented sample: page_num=0&page_size=3&from_created_at=…&customer_id=cus_1JA7UDDQG3800
        XCTAssertEqual(requests[5].queryItems.map(\.0), ["page_num", "page_size", "from_created_at", "customer_id"])
        XCTAssertEqual(requests[5].queryItems.last?.1, "cus_1JA7UDDQG3800")
        XCTAssertTrue(CheckoutAndMandateExamples.mandateListRequestCurl.contains("page_num=0&page_size=3&from_created_at="))
        let mandateBody = try JSONValue.parse(requests[3].body)
        XCTAssertEqual(mandateBody["customer_acceptance"]?["type"], .string("online"))
        await server.stop()
    }

    func testAutoPagingMandatesAndTheSessionOfAPayment() async throws {
        let server = try await RecordingServer.start { request, _ in
            let items = Dictionary(request.queryItems, uniquingKeysWith: { a, _ in a })
            if request.path == "/api/v1/mandates" {
                let page = Int(items["page_num"] ?? "0") ?? 0
                let ids = page == 0 ? ["man_3", "man_2"] : ["man_2", "man_1"]  // man_2 shifted onto page 1
                let objects = ids.map { #"{"id":"\#($0)","customer_id":"cus_1"}"# }.joined(separator: ",")
                return .json(#"{"items":[\#(objects)],"has_more":\#(page == 0)}"#)
            }
            // A server that ignores the payment_intent_id filter: the client must still pick the right one.
            return .json(#"{"data":[{"id":"cs_other","payment_intent_id":"pi_other"},{"id":"cs_mine","payment_intent_id":"pi_mine","status":"complete"}],"has_more":false}"#)
        }
        try await withClient(server.baseURL) { client in
            let ids = try await client.mandates(MandateListQuery(window: ListWindow(pageSize: 2), customerId: "cus_1")).collect().map(\.id)
            XCTAssertEqual(ids, ["man_3", "man_2", "man_1"])
            let session = try await client.checkoutSession(forPaymentIntent: "pi_mine")
            XCTAssertEqual(session?.id, "cs_mine")
            XCTAssertEqual(session?.status, .complete)
            let none = try await client.checkoutSession(forPaymentIntent: "pi_absent")
            XCTAssertNil(none)
        }
        let sessionQuery = server.requests.last?.queryItems ?? []
        XCTAssertTrue(sessionQuery.contains { $0 == ("payment_intent_id", "pi_absent") })
        await server.stop()
    }
}
