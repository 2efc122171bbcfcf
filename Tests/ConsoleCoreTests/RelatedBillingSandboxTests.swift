import XCTest
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import UseePay
import UseePaySandbox
import TestSupport
@testable import ConsoleCore

/// Against the live sandbox: a payment made through a checkout session shows that session in its
/// detail, and a customer's detail lists the customer's mandates.
final class RelatedBillingSandboxTests: XCTestCase {
    private func startSandbox() async throws -> SandboxServer {
        return try await TestSandbox.start()
    }

    private func makeStore(_ server: SandboxServer) throws -> (UseePayClient, ConsoleStore) {
        let relay = APIRequestRelay()
        let client = try TestSandbox.client(for: server, requestObserver: relay.observer)
        let state = ConsoleState(mode: .sandbox, profileName: "sandbox", merchantTimeZone: TimeZone(identifier: "UTC")!,
                                 size: TerminalSize(columns: 120, rows: 40), sessionTag: "related")
        let store = ConsoleStore(state: state, runner: EffectRunner(client: client, journal: InMemoryActionJournal()), relay: relay)
        return (client, store)
    }

    /// The payer pressing "Complete" on the sandbox's hosted page.
    private func completeOnHostedPage(_ server: SandboxServer, _ id: String) async throws {
        var request = URLRequest(url: server.baseURL.appendingPathComponent("__sandbox/checkout/\(id)/complete"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"card_number":"4111111111111111"}"#.utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, 200)
    }

    private func find(_ store: ConsoleStore, _ text: String) async -> ConsoleState {
        let keys = [KeyPress.char(":")] + ("find " + text).map { KeyPress.char($0) } + [KeyPress(.enter)]
        for key in keys {
            store.enqueue(.key(key))
            await store.waitUntilIdle()
        }
        return await store.state
    }

    func testAPaymentShowsTheCheckoutSessionThatMadeIt() async throws {
        let server = try await startSandbox()
        let (client, store) = try makeStore(server)
        addTeardownBlock { await store.stop(); try? await client.shutdown(); await server.stop() }

        let created = try await client.createCheckoutSession(CheckoutSessionCreateParameters(
            mode: .payment, amount: Decimal(string: "12.00")!, currency: .usd, merchantOrderId: "REL-CO-1",
            lineItems: [CheckoutLineItem(quantity: 2, name: "Tea", unitAmount: Decimal(string: "6.00")!)],
            customer: CheckoutCustomer(email: "rel@example.com", name: "Rel Payer", merchantCustomerId: "rel-payer-1")))
        XCTAssertEqual(created.status, .open)
        try await completeOnHostedPage(server, created.id)
        let completed = try await client.retrieveCheckoutSession(id: created.id)
        XCTAssertEqual(completed.status, .complete)
        let paymentId = try XCTUnwrap(completed.paymentIntentId, "a completed payment session names its payment intent")
        let bySession = try await client.checkoutSession(forPaymentIntent: paymentId)
        XCTAssertEqual(bySession?.id, created.id)

        await store.start()
        await store.waitUntilIdle()
        let state = await find(store, paymentId)
        guard case .detail(let detail) = state.screen else { return XCTFail("the payment did not open: \(state.flash?.text ?? "")") }
        let section = try XCTUnwrap(detail.related.first { $0.kind == .paymentCheckoutSession })
        XCTAssertEqual(section.objects.map(\.ref), [ObjectRef(.checkoutSession, created.id)])
        XCTAssertTrue(section.isShown)

        // And the session itself is found by its id, with its payment as a field.
        let sessionState = await find(store, created.id)
        guard case .detail(let sessionDetail) = sessionState.screen, case .billing(.checkoutSession(let shown))? = sessionDetail.object else {
            return XCTFail("the session did not open")
        }
        XCTAssertEqual(shown.paymentIntentId, paymentId)
    }

    func testACustomerListsItsMandates() async throws {
        let server = try await startSandbox()
        let (client, store) = try makeStore(server)
        addTeardownBlock { await store.stop(); try? await client.shutdown(); await server.stop() }

        let customer = try await client.createCustomer(CustomerCreateParameters(merchantCustomerId: "rel-man-1", email: "mandate@example.com"))
        let other = try await client.createCustomer(CustomerCreateParameters(merchantCustomerId: "rel-man-2", email: "other@example.com"))
        let card = CardDetails(number: "4111111111111111", expiryMonth: "12", expiryYear: "2030", cvc: "123")
        var mine: [String] = []
        for (index, owner) in [customer, customer, other].enumerated() {
            let payment = try await client.createPaymentIntent(PaymentIntentCreateParameters(
                amount: 5, currency: .usd, merchantOrderId: "REL-MAN-\(index)", customerId: owner.id,
                paymentMethodData: .card(card), confirm: true, autoCapture: true))
            let mandate = try await client.createMandate(MandateCreateParameters(customerId: owner.id, paymentIntentId: payment.id))
            if owner.id == customer.id { mine.append(mandate.id) }
        }

        await store.start()
        await store.waitUntilIdle()
        let state = await find(store, customer.id)
        guard case .detail(let detail) = state.screen else { return XCTFail("the customer did not open: \(state.flash?.text ?? "")") }
        let section = try XCTUnwrap(detail.related.first { $0.kind == .customerMandates })
        XCTAssertEqual(Set(section.objects.map(\.ref.id)), Set(mine))
        XCTAssertEqual(section.objects.count, 2, "the other customer's mandate is not listed")
    }
}
