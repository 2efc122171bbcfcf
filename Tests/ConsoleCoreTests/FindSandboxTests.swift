import XCTest
import Foundation
import UseePay
import UseePaySandbox
import TestSupport
@testable import ConsoleCore

/// `:find` and `ObjectFinder` for each kind of text, against the real sandbox over loopback HTTP:
/// the result must be the object the sandbox holds, found with the requests `FindPlan` promises.
final class FindSandboxTests: XCTestCase {
    struct World: Sendable {
        let server: SandboxServer
        let client: UseePayClient
        let store: ConsoleStore
        let customer: Customer
        let twin: Customer
        let payment: PaymentIntent
        let retries: [PaymentIntent]
        let refund: Refund
        let subscription: Subscription
        let invoiceId: String
        let log: RequestLog
    }

    final class RequestLog: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        func append(_ record: APIRequestRecord) { lock.withLock { entries.append("\(record.method) \(record.path)") } }
        var all: [String] { lock.withLock { entries } }
        func reset() { lock.withLock { entries.removeAll() } }
    }

    private func makeWorld() async throws -> World {
        let server = try await TestSandbox.start()
        let relay = APIRequestRelay()
        let log = RequestLog()
        let observer = relay.observer
        let client = try TestSandbox.client(for: server, requestObserver: { record in
            log.append(record)
            observer(record)
        })
        let customer = try await client.createCustomer(CustomerCreateParameters(
            merchantCustomerId: "shop-cust-77", name: "김민지", email: "minji.find@example.com", phone: "+82 10-5555-0101"))
        // Two customers share an email: a find by that email shows a short list.
        let twin = try await client.createCustomer(CustomerCreateParameters(merchantCustomerId: "shop-cust-78", name: "Twin", email: "twins@example.com"))
        _ = try await client.createCustomer(CustomerCreateParameters(merchantCustomerId: "shop-cust-79", name: "Twin 2", email: "twins@example.com"))
        let card = CardDetails(number: "4111111111111111", expiryMonth: "12", expiryYear: "2030", cvc: "123")
        let payment = try await client.createPaymentIntent(PaymentIntentCreateParameters(
            amount: Decimal(string: "42.00")!, currency: .usd, merchantOrderId: "FIND-ORDER-1", customerId: customer.id,
            paymentMethodData: .card(card), confirm: true, autoCapture: true))
        var retries: [PaymentIntent] = []
        for _ in 0..<3 {
            retries.append(try await client.createPaymentIntent(PaymentIntentCreateParameters(
                amount: Decimal(string: "9.99")!, currency: .usd, merchantOrderId: "FIND-RETRIED", customerId: customer.id)))
        }
        let refund = try await client.createRefund(RefundCreateParameters(paymentIntentId: payment.id, amount: Decimal(string: "2.00")!))
        let subscription = try await client.createSubscription(SubscriptionCreateParameters(
            customerId: customer.id, currency: .usd, recurring: Recurring(interval: "month", intervalCount: 1, unitAmount: Decimal(string: "5.00")!)))
        let invoices = try await client.listInvoices(InvoiceListQuery(subscriptionId: subscription.id))
        let invoiceId = try XCTUnwrap(subscription.latestInvoice ?? invoices.items.first?.id, "the subscription's first invoice")

        let runner = EffectRunner(client: client, journal: InMemoryActionJournal())
        let state = ConsoleState(mode: .sandbox, profileName: "sandbox", merchantTimeZone: TimeZone(identifier: "UTC")!,
                                 size: TerminalSize(columns: 120, rows: 40), sessionTag: "find")
        let store = ConsoleStore(state: state, runner: runner, relay: relay)
        return World(server: server, client: client, store: store, customer: customer, twin: twin, payment: payment, retries: retries,
                     refund: refund, subscription: subscription, invoiceId: invoiceId, log: log)
    }

    private static func shutdown(_ world: World) async {
        await world.store.stop()
        try? await world.client.shutdown()
        await world.server.stop()
    }

    /// Types `:find TEXT` and enter, as a person would, and waits until the console is idle.
    private func find(_ store: ConsoleStore, _ text: String) async -> ConsoleState {
        await press(store, .char(":"))
        await type(store, "find " + text)
        await press(store, KeyPress(.enter))
        return await store.state
    }

    private func openedRef(_ state: ConsoleState) -> ObjectRef? {
        if case .detail(let detail) = state.screen, detail.object != nil { return detail.ref }
        return nil
    }

    func testFinderForEachKindOfText() async throws {
        let world = try await makeWorld()
        addTeardownBlock { await Self.shutdown(world) }
        let finder = ObjectFinder(client: world.client)

        func one(_ text: String, _ expected: ObjectRef, by step: String, requests: Int,
                 file: StaticString = #filePath, line: UInt = #line) async throws {
            world.log.reset()
            let outcome = try await finder.find(text)
            XCTAssertEqual(outcome.matches.map(\.ref), [expected], text, file: file, line: line)
            XCTAssertEqual(outcome.matchedBy?.description, step, text, file: file, line: line)
            XCTAssertEqual(world.log.all.count, requests, "requests for \(text): \(world.log.all)", file: file, line: line)
        }
        try await one(world.payment.id, ObjectRef(.payment, world.payment.id), by: "payment intent id", requests: 1)
        // A refund id has the payment intent's shape: one 404, then the refund.
        try await one(world.refund.id, ObjectRef(.refund, world.refund.id), by: "refund id", requests: 2)
        try await one(world.customer.id, ObjectRef(.customer, world.customer.id), by: "customer id", requests: 1)
        try await one(world.subscription.id, ObjectRef(.subscription, world.subscription.id), by: "subscription id", requests: 1)
        try await one(world.invoiceId, ObjectRef(.invoice, world.invoiceId), by: "invoice id", requests: 1)
        try await one("FIND-ORDER-1", ObjectRef(.payment, world.payment.id), by: "merchant order id", requests: 1)
        try await one("minji.find@example.com", ObjectRef(.customer, world.customer.id), by: "customer email", requests: 1)
        try await one("+82 10-5555-0101", ObjectRef(.customer, world.customer.id), by: "customer phone", requests: 1)
        try await one("shop-cust-77", ObjectRef(.customer, world.customer.id), by: "merchant customer id", requests: 2)
        XCTAssertEqual(world.log.all, ["GET /api/v1/payment_intents?page_num=0&page_size=20&merchant_order_id=shop-cust-77",
                                       "GET /api/v1/customers?page_num=0&page_size=20&merchant_customer_id=shop-cust-77"])

        let several = try await finder.find("FIND-RETRIED")
        XCTAssertEqual(Set(several.matches.map(\.ref.id)), Set(world.retries.map(\.id)))
        XCTAssertFalse(several.hasMore)

        world.log.reset()
        let unknown = try await finder.find("NO-SUCH-ORDER")
        XCTAssertTrue(unknown.matches.isEmpty)
        XCTAssertEqual(unknown.nothingFoundMessage, "Nothing found for \"NO-SUCH-ORDER\" (tried: merchant order id, merchant customer id)")
        XCTAssertEqual(world.log.all.count, 2)

        let unknownId = try await finder.find("ffffffffffffffffffffffffffffffff")
        XCTAssertEqual(unknownId.tried.map(\.description), ["payment intent id", "refund id", "merchant order id", "merchant customer id"])
        XCTAssertTrue(unknownId.matches.isEmpty)
    }

    func testFinderStopsOnAFailureThatIsNotNotFound() async throws {
        let world = try await makeWorld()
        addTeardownBlock { await Self.shutdown(world) }
        var badKey = TestSandbox.configuration(for: world.server)
        badKey.apiKey = APIKey("UseePay_SK_wrong")
        let client = try UseePayClient(configuration: badKey)
        do {
            _ = try await ObjectFinder(client: client).find("FIND-ORDER-1")
            XCTFail("a rejected key is not 'nothing found'")
        } catch let error as UseePayError {
            XCTAssertEqual(error.kind, .authentication)
        }
        try await client.shutdown()
    }

    func testConsoleFindOpensTheObjectOrAShortList() async throws {
        let world = try await makeWorld()
        addTeardownBlock { await Self.shutdown(world) }
        let store = world.store
        await store.start()
        await store.waitUntilIdle()

        // One match: its detail opens, with related rows loading as for any detail.
        var state = await find(store, "FIND-ORDER-1")
        XCTAssertEqual(openedRef(state), ObjectRef(.payment, world.payment.id))
        XCTAssertEqual(state.flash?.text, "Found payment \(world.payment.id) by merchant order id")
        if case .detail(let detail) = state.screen {
            let refunds = detail.related.first { $0.kind == .paymentRefunds }
            XCTAssertEqual(refunds?.objects.map(\.ref.id), [world.refund.id])
        }
        await press(store, KeyPress(.escape))

        for (text, ref) in [(world.customer.id, ObjectRef(.customer, world.customer.id)),
                            (world.subscription.id, ObjectRef(.subscription, world.subscription.id)),
                            (world.invoiceId, ObjectRef(.invoice, world.invoiceId)),
                            (world.refund.id, ObjectRef(.refund, world.refund.id)),
                            (world.payment.id, ObjectRef(.payment, world.payment.id)),
                            ("minji.find@example.com", ObjectRef(.customer, world.customer.id)),
                            ("+82 10-5555-0101", ObjectRef(.customer, world.customer.id)),
                            ("shop-cust-77", ObjectRef(.customer, world.customer.id))] {
            state = await find(store, text)
            XCTAssertEqual(openedRef(state), ref, "find \(text)")
            XCTAssertEqual(state.stack.count, 2, "one detail on top of the list for \(text)")
            await press(store, KeyPress(.escape))
        }

        // Several: a short list; enter opens the selected one, esc comes back to the list.
        state = await find(store, "twins@example.com")
        guard case .found(let list) = state.screen else { return XCTFail("expected the short list, got \(state.screen)") }
        XCTAssertEqual(list.objects.count, 2)
        XCTAssertEqual(list.matchedBy, "customer email")
        await press(store, .char("j"), KeyPress(.enter))
        state = await store.state
        XCTAssertEqual(openedRef(state), list.objects[1].ref)
        await press(store, KeyPress(.escape))
        state = await store.state
        XCTAssertEqual(state.screen, Screen.found(FoundList(text: list.text, matchedBy: list.matchedBy, objects: list.objects, hasMore: false)).withCursor(1))
        await press(store, KeyPress(.escape))

        // Nothing: a clear message with what was tried; the screen stays.
        state = await find(store, "NO-SUCH-ORDER")
        XCTAssertEqual(state.screen, .list(.payments))
        XCTAssertEqual(state.flash?.text, "Nothing found for \"NO-SUCH-ORDER\" (tried: merchant order id, merchant customer id)")
        XCTAssertEqual(state.flash?.kind, .error)
    }

    func testSlashOffersTheServerWhenNothingLoadedMatches() async throws {
        let world = try await makeWorld()
        addTeardownBlock { await Self.shutdown(world) }
        let store = world.store
        await store.start()
        await store.waitUntilIdle()
        var state = await store.state
        let loaded = state.payments.count
        XCTAssertGreaterThan(loaded, 0)

        // Loaded rows match: an ordinary filter, no search.
        await press(store, .char("/"))
        await type(store, "FIND-ORDER")
        state = await store.state
        XCTAssertFalse(state.filterOffersServerSearch)
        await press(store, KeyPress(.escape))

        // A merchant customer id is in no loaded row (the twin has no payments): enter searches the server.
        await press(store, .char("/"))
        await type(store, "shop-cust-78")
        state = await store.state
        XCTAssertTrue(state.filterOffersServerSearch)
        await press(store, KeyPress(.enter))
        state = await store.state
        XCTAssertEqual(openedRef(state), ObjectRef(.customer, world.twin.id))
        await press(store, KeyPress(.escape))
        state = await store.state
        XCTAssertEqual(state.payments.filterText, "", "the list got its rows back")
        XCTAssertEqual(state.payments.visible.count, loaded)
    }
}

private extension Screen {
    func withCursor(_ cursor: Int) -> Screen {
        guard case .found(var list) = self else { return self }
        list.cursor = cursor
        return .found(list)
    }
}
