import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import UseePay
import UseePaySandbox
import XCTest
import TestSupport
@testable import ConsoleCore

/// Issue 11 §5, the console half (headless: the real store, reducer and effect runner against the sandbox
/// over loopback HTTP). Capture, cancel, refund and subscription cancel under dropped-after-commit
/// connections, 502 pages and 429s: what the console shows must be what happened on the server, and
/// nothing moves twice. Every wait is on the store's idle signal or its state stream, never a sleep.
final class FaultSuiteConsoleTests: XCTestCase {
    struct World: Sendable {
        let server: SandboxServer
        let client: UseePayClient
        let store: ConsoleStore
        let journal: InMemoryActionJournal
    }

    private func makeWorld() async throws -> World {
        let server = try await TestSandbox.start { options in
            options.refundSettleDelay = .milliseconds(20)
        }
        let relay = APIRequestRelay()
        let client = try TestSandbox.client(for: server, requestObserver: relay.observer)
        let journal = InMemoryActionJournal()
        let store = ConsoleStore(
            state: ConsoleState(mode: .sandbox, profileName: "sandbox", merchantTimeZone: TimeZone(identifier: "UTC")!,
                                size: TerminalSize(columns: 140, rows: 45), sessionTag: "faults"),
            runner: EffectRunner(client: client, journal: journal), relay: relay)
        return World(server: server, client: client, store: store, journal: journal)
    }

    private static func shutdown(_ world: World) async {
        await world.store.stop()
        try? await world.client.shutdown()
        await world.server.stop()
    }

    @discardableResult
    private func payment(_ world: World, _ amount: String, order: String, manualCapture: Bool = true) async throws -> String {
        try await world.client.createPaymentIntent(PaymentIntentCreateParameters(
            amount: Decimal(string: amount)!, currency: .usd, merchantOrderId: order,
            paymentMethodData: .card(CardDetails(number: "4111111111111111", expiryMonth: "12", expiryYear: "2030", cvc: "123")),
            confirm: true, autoCapture: !manualCapture)).id
    }

    private func subscription(_ world: World) async throws -> String {
        let customer = try await world.client.createCustomer(CustomerCreateParameters(
            merchantCustomerId: "fault-sub", name: "Fault Subscriber", email: "sub@example.com"))
        return try await world.client.createSubscription(SubscriptionCreateParameters(
            customerId: customer.id, currency: .usd, recurring: Recurring(interval: "month", intervalCount: 1, unitAmount: Decimal(string: "9.99")!))).id
    }

    private func filter(_ store: ConsoleStore, _ text: String) async {
        await press(store, .char("/"))
        let existing = await store.state.input?.text.count ?? 0
        for _ in 0..<existing { await press(store, KeyPress(.backspace)) }
        await type(store, text)
        await press(store, KeyPress(.enter))
    }

    private func palette(_ store: ConsoleStore, _ command: String) async {
        await press(store, .char(":"))
        await type(store, command)
        await press(store, KeyPress(.enter))
    }

    private func setFaults(_ server: SandboxServer, _ fields: [String: Any]) async throws {
        var request = URLRequest(url: server.baseURL.appendingPathComponent("__sandbox/faults"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: fields)
        let (_, response) = try await URLSession.shared.data(for: request)
        XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, 200)
    }

    /// The sandbox's record of changes to one object.
    private func eventNames(_ server: SandboxServer, _ id: String) async throws -> [String] {
        let url = URL(string: server.baseURL.absoluteString + "/__sandbox/events?limit=1000&object_id=" + id)!
        let (data, _) = try await URLSession.shared.data(from: url)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (object?["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }

    private func count(_ name: String, _ server: SandboxServer, _ id: String) async throws -> Int {
        try await eventNames(server, id).filter { $0 == name }.count
    }

    /// The first state of the stream that satisfies `predicate`, or nil when none comes within `limit`.
    static func first(of states: AsyncStream<ConsoleState>, within limit: Duration,
                      where predicate: @escaping @Sendable (ConsoleState) -> Bool) async -> ConsoleState? {
        await withTaskGroup(of: ConsoleState?.self) { group in
            group.addTask {
                for await state in states where predicate(state) { return state }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// Opens the money-move dialog for the selected row and presses its confirm button.
    private func confirm(_ store: ConsoleStore, with key: Character) async {
        await press(store, .char(key))
        let dialog = await store.state.dialog
        XCTAssertNotNil(dialog, "\(key) opened no dialog")
        await press(store, KeyPress(.right), KeyPress(.enter))
    }

    func testDroppedAfterCommitEveryMoveIsCheckedAndShownAsHappenedOnce() async throws {
        let world = try await makeWorld()
        addTeardownBlock { await Self.shutdown(world) }
        let toCapture = try await payment(world, "11.00", order: "FS-CAP")
        let toCancel = try await payment(world, "12.00", order: "FS-CAN")
        let toRefund = try await payment(world, "13.00", order: "FS-REF", manualCapture: false)
        let sub = try await subscription(world)
        let store = world.store
        await store.start(journal: world.journal)
        await store.waitUntilIdle()
        try await setFaults(world.server, ["drop_after_commit_rate": 1])

        await filter(store, "FS-CAP")
        await confirm(store, with: "A")
        var state = await store.state
        XCTAssertEqual(state.flash?.text.hasPrefix("Checked: capture of 11.00 USD on \(toCapture) did happen."), true, "\(String(describing: state.flash))")
        XCTAssertEqual(state.payment(toCapture)?.status, .succeeded)

        await filter(store, "FS-CAN")
        await confirm(store, with: "X")
        state = await store.state
        XCTAssertEqual(state.flash?.text.contains("did happen"), true, "\(String(describing: state.flash))")
        XCTAssertEqual(state.payment(toCancel)?.status, .cancelled)

        await filter(store, "FS-REF")
        await confirm(store, with: "R")
        state = await store.state
        XCTAssertEqual(state.flash?.text.hasPrefix("Checked: refund of 13.00 USD on \(toRefund) did happen."), true, "\(String(describing: state.flash))")

        await palette(store, "sub")
        await confirm(store, with: "X")
        state = await store.state
        XCTAssertEqual(state.flash?.text.contains("did happen"), true, "\(String(describing: state.flash))")
        XCTAssertTrue(state.pending.isEmpty)

        try await setFaults(world.server, ["reset": true])
        let captureEvents = try await count("payment_intent.succeeded", world.server, toCapture)
        let cancelEvents = try await count("payment_intent.cancelled", world.server, toCancel)
        XCTAssertEqual([captureEvents, cancelEvents], [1, 1], "each moved exactly once")
        var refunds = RefundListQuery()
        refunds.paymentIntentId = toRefund
        let refundCount = try await world.client.listRefunds(refunds).items.count
        XCTAssertEqual(refundCount, 1, "refunded once")
        // The dialog's default for a subscription is "at period end" (the gentler choice).
        let serverSubscription = try await world.client.retrieveSubscription(id: sub)
        XCTAssertEqual(serverSubscription.cancelAtPeriodEnd, true)
        let moves = state.apiLog.filter { $0.method == "POST" && ($0.path.hasSuffix("/capture") || $0.path.hasSuffix("/cancel") || $0.path == "/api/v1/refunds/create") }
        XCTAssertEqual(moves.count, 4, "no move was sent twice: \(moves.map(\.path))")
        let phases = await world.journal.entries.map(\.phase)
        XCTAssertEqual(phases.filter { $0 == .settledHappened }.count, 4)
    }

    /// A 502 page answers everything, checking included: the console says it could not check (it never
    /// claims either way). Once the sandbox is healthy, ctrl-r checks again and says it did NOT happen,
    /// which is what the sandbox shows.
    func testGatewayErrorsAreShownAsUncheckedUntilCheckedThenNotHappened() async throws {
        let world = try await makeWorld()
        addTeardownBlock { await Self.shutdown(world) }
        let toCapture = try await payment(world, "21.00", order: "FS-CAP")
        let toRefund = try await payment(world, "22.00", order: "FS-REF", manualCapture: false)
        let toCancel = try await payment(world, "23.00", order: "FS-CAN")
        let sub = try await subscription(world)
        let store = world.store
        await store.start(journal: world.journal)
        await store.waitUntilIdle()

        for (order, key, id) in [("FS-CAP", Character("A"), toCapture), ("FS-CAN", "X", toCancel), ("FS-REF", "R", toRefund), ("", "X", sub)] {
            if order.isEmpty { await palette(store, "sub") } else { await filter(store, order) }
            await press(store, .char(key))
            try await setFaults(world.server, ["rate_502_html": 1])
            await press(store, KeyPress(.right), KeyPress(.enter))
            var state = await store.state
            XCTAssertEqual(state.flash?.text.hasPrefix("Could not check"), true, "\(String(describing: state.flash))")
            if case .checkFailed = state.pending[id]?.phase {} else { XCTFail("\(id): \(String(describing: state.pending[id]))") }
            try await setFaults(world.server, ["reset": true])
            await press(store, .ctrl("r"))
            state = await store.state
            XCTAssertEqual(state.flash?.text.contains("did NOT happen"), true, "\(String(describing: state.flash))")
            XCTAssertNil(state.pending[id])
        }
        let intent = try await world.client.retrievePaymentIntent(id: toCapture)
        XCTAssertEqual(intent.status, .requiresCapture)
        let notCancelled = try await world.client.retrievePaymentIntent(id: toCancel)
        XCTAssertEqual(notCancelled.status, .requiresCapture)
        var refunds = RefundListQuery()
        refunds.paymentIntentId = toRefund
        let refundCount = try await world.client.listRefunds(refunds).items.count
        XCTAssertEqual(refundCount, 0)
        let subscription = try await world.client.retrieveSubscription(id: sub)
        XCTAssertNotEqual(subscription.status, .cancelled)
        XCTAssertNotEqual(subscription.cancelAtPeriodEnd, true)
    }

    /// A bulk capture while the sandbox answers 429 to 30% of calls: every marked payment ends captured,
    /// exactly once, and every row shows it.
    func testRateLimitedBulkCaptureCapturesEveryMarkedPaymentOnce() async throws {
        let world = try await makeWorld()
        addTeardownBlock { await Self.shutdown(world) }
        var ids: [String] = []
        for index in 0..<6 { ids.append(try await payment(world, "3\(index).00", order: "FS-BULK-\(index)")) }
        let store = world.store
        await store.start(journal: world.journal)
        await store.waitUntilIdle()
        await filter(store, "FS-BULK")
        for _ in ids { await press(store, .char(" ")) }
        try await setFaults(world.server, ["rate_429": 0.3, "retry_after_seconds": 0])
        await confirm(store, with: "A")
        let state = await store.state
        try await setFaults(world.server, ["reset": true])
        for id in ids {
            XCTAssertEqual(state.payment(id)?.status, .succeeded, id)
            XCTAssertNil(state.pending[id], id)
            let moves = try await count("payment_intent.succeeded", world.server, id)
            XCTAssertEqual(moves, 1, id)
        }
    }

    /// While the client waits out a Retry-After the console says so; the capture then goes through once.
    func testTheConsoleSaysItIsRetryingWhileRateLimited() async throws {
        let world = try await makeWorld()
        addTeardownBlock { await Self.shutdown(world) }
        let id = try await payment(world, "41.00", order: "FS-WAIT")
        let store = world.store
        await store.start(journal: world.journal)
        await store.waitUntilIdle()
        await filter(store, "FS-WAIT")
        await press(store, .char("A"), KeyPress(.right))
        try await setFaults(world.server, ["rate_429": 1, "retry_after_seconds": 1])
        // Watches every state the store publishes, as the terminal does.
        let (states, published) = AsyncStream<ConsoleState>.makeStream()
        await store.connect(onState: { published.yield($0) }, onTerminalEffect: { _ in })
        store.enqueue(.key(KeyPress(.enter)))
        // Bounded, so a console that never says it is waiting fails the test instead of hanging it.
        let noticed = await Self.first(of: states, within: .seconds(15)) { $0.flash?.text == "rate limited, retrying in 1 s" }
        XCTAssertNotNil(noticed, "the flash line never said it was retrying")
        // The client holds the request for the Retry-After second: lift the fault inside it.
        try await setFaults(world.server, ["reset": true])
        await store.waitUntilIdle()
        let state = await store.state
        XCTAssertEqual(state.flash?.text.hasPrefix("Captured 41.00 USD on \(id)"), true, "\(String(describing: state.flash))")
        XCTAssertTrue(state.apiLog.contains { $0.retryNotice == "rate limited, retrying in 1 s" && $0.statusCode == 429 })
        let moves = try await count("payment_intent.succeeded", world.server, id)
        XCTAssertEqual(moves, 1)
    }
}
