import XCTest
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import UseePay
import UseePaySandbox
@testable import ConsoleCore
import TestSupport

/// The whole story against a live sandbox over loopback HTTP: open on today's payments, find an
/// authorised one, capture it, refund part of it, cancel another, look up its customer. After each
/// step the sandbox is asked over HTTP whether it agrees with what the console shows.
final class SandboxStoryTests: XCTestCase {
    struct World: Sendable {
        let server: SandboxServer
        let client: UseePayClient
        let store: ConsoleStore
        let journal: InMemoryActionJournal
        let authorised: [PaymentIntent]
        let customer: Customer
    }

    private func makeWorld(seed: UInt64 = 8) async throws -> World {
        let server = try await TestSandbox.start {
            $0.seed = seed
            $0.seedDays = 1
            $0.refundSettleDelay = .milliseconds(20)
        }
        let relay = APIRequestRelay()
        let client = try TestSandbox.client(for: server, requestObserver: relay.observer)
        let customer = try await client.createCustomer(CustomerCreateParameters(merchantCustomerId: "story-\(UUID().uuidString.prefix(8))",
                                                                                 name: "Story Customer 김민지", email: "story@example.com"))
        var authorised: [PaymentIntent] = []
        for (index, amount) in ["50.00", "75.25"].enumerated() {
            let intent = try await TestSandbox.authorisedPayment(client, amount: Decimal(string: amount)!, order: "STORY-\(index)",
                                                                 customerId: customer.id)
            XCTAssertEqual(intent.status, .requiresCapture)
            authorised.append(intent)
        }
        let journal = InMemoryActionJournal()
        let runner = EffectRunner(client: client, journal: journal)
        let state = ConsoleState(mode: .sandbox, profileName: "sandbox", merchantTimeZone: TimeZone(identifier: "UTC")!,
                                 size: TerminalSize(columns: 120, rows: 40), sessionTag: "story")
        let store = ConsoleStore(state: state, runner: runner, relay: relay)
        return World(server: server, client: client, store: store, journal: journal, authorised: authorised, customer: customer)
    }

    private static func shutdown(_ world: World) async {
        await world.store.stop()
        try? await world.client.shutdown()
        await world.server.stop()
    }

    /// `/` filter: replaces whatever filter text is there.
    private func filter(_ store: ConsoleStore, _ text: String) async {
        await press(store, .char("/"))
        let existing = await store.state.input?.text.count ?? 0
        for _ in 0..<existing { await press(store, KeyPress(.backspace)) }
        await type(store, text)
        await press(store, KeyPress(.enter))
    }

    private func setFaults(_ server: SandboxServer, _ json: String) async throws {
        var request = URLRequest(url: server.baseURL.appendingPathComponent("__sandbox/faults"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(json.utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, 200)
    }

    func testTheWholeStory() async throws {
        let world = try await makeWorld()
        addTeardownBlock { await Self.shutdown(world) }
        let store = world.store
        await store.start(journal: world.journal)
        await store.waitUntilIdle()

        // Open on today's payments.
        var state = await store.state
        XCTAssertEqual(state.screen, .list(.payments))
        XCTAssertEqual(state.paymentRange, .today)
        XCTAssertGreaterThanOrEqual(state.payments.count, 2)
        for id in world.authorised.map(\.id) { XCTAssertNotNil(state.payments[id], "today's list holds \(id)") }

        // Find an authorised one: quick filter 1 = requires_capture.
        await press(store, .char("1"))
        state = await store.state
        XCTAssertTrue(state.payments.visible.allSatisfy { state.payment($0)?.status == .requiresCapture })
        await filter(store, "STORY-0")
        state = await store.state
        let captureID = world.authorised[0].id
        XCTAssertEqual(state.payments.cursorID, captureID)

        // Capture it.
        await press(store, .char("A"))
        state = await store.state
        XCTAssertEqual(state.dialog?.targets.first?.id, captureID)
        XCTAssertEqual(state.dialog?.targets.first?.customerLabel, "Story Customer 김민지")
        await press(store, KeyPress(.right), KeyPress(.enter))
        state = await store.state
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.payment(captureID)?.status, .succeeded)
        XCTAssertEqual(state.flash, Flash("Captured 50.00 USD on \(captureID) — now succeeded", .success))
        let captured = try await world.client.retrievePaymentIntent(id: captureID)
        XCTAssertEqual(captured.status, .succeeded)
        XCTAssertEqual(captured.capturedAmount, 50)

        // Refund part of it: the dialog offers what is left (50.00); change it to 20.
        await press(store, .char("0"))
        await press(store, .char("R"))
        state = await store.state
        XCTAssertEqual(state.dialog?.amountText, "50.00")
        XCTAssertEqual(state.dialog?.focus, .cancelButton)
        await press(store, KeyPress(.backTab), KeyPress(.backTab))
        state = await store.state
        XCTAssertEqual(state.dialog?.focus, .amount)
        for _ in 0..<5 { await press(store, KeyPress(.backspace)) }
        await type(store, "20")
        await press(store, KeyPress(.tab), KeyPress(.tab), KeyPress(.tab))
        state = await store.state
        XCTAssertEqual(state.dialog?.focus, .confirmButton)
        await press(store, KeyPress(.enter))
        state = await store.state
        XCTAssertNil(state.dialog)
        XCTAssertTrue(state.flash?.text.hasPrefix("Refund ") == true, "\(String(describing: state.flash))")
        var refundQuery = RefundListQuery()
        refundQuery.paymentIntentId = captureID
        let refunds = try await world.client.listRefunds(refundQuery).items
        XCTAssertEqual(refunds.count, 1)
        XCTAssertEqual(refunds.first?.amount, 20)
        XCTAssertEqual(refunds.first?.consoleRequestId, "story-2")
        XCTAssertEqual(state.refundsByPayment[captureID]?.map(\.id), refunds.map(\.id))
        XCTAssertEqual(Capabilities.refundable(captured, refunds: refunds), 30)

        // Cancel another.
        let cancelID = world.authorised[1].id
        await filter(store, "STORY-1")
        state = await store.state
        XCTAssertEqual(state.payments.cursorID, cancelID)
        await press(store, .char("X"), KeyPress(.right), KeyPress(.enter))
        state = await store.state
        XCTAssertEqual(state.payment(cancelID)?.status, .cancelled)
        let cancelled = try await world.client.retrievePaymentIntent(id: cancelID)
        XCTAssertEqual(cancelled.status, .cancelled)
        XCTAssertEqual(cancelled.cancellationReason, "requested_by_customer")

        // Look up its customer: open the payment, then the related customer.
        await press(store, KeyPress(.enter))
        state = await store.state
        guard case .detail(let paymentDetail) = state.screen else { return XCTFail("no detail") }
        XCTAssertEqual(paymentDetail.selectedRelated?.ref, ObjectRef(.customer, world.customer.id))
        await press(store, KeyPress(.enter))
        state = await store.state
        guard case .detail(let customerDetail) = state.screen, case .customer(let shown)? = customerDetail.object else { return XCTFail("no customer detail") }
        XCTAssertEqual(state.breadcrumb, ["Payments", cancelID, world.customer.id])
        let serverCustomer = try await world.client.retrieveCustomer(id: world.customer.id)
        XCTAssertEqual(shown.name, serverCustomer.name)
        XCTAssertEqual(shown.email, serverCustomer.email)
        let relatedPayments = customerDetail.related.first { $0.kind == .customerPayments }?.objects.map(\.ref.id) ?? []
        XCTAssertEqual(Set(relatedPayments), Set(world.authorised.map(\.id)))

        // Journal: each money move written before sending and with its outcome.
        let entries = await world.journal.entries
        XCTAssertEqual(entries.map(\.phase), [.sending, .succeeded, .sending, .succeeded, .sending, .succeeded])
        XCTAssertEqual(entries.map(\.request.action), [.capture, .capture, .refund, .refund, .cancelPayment, .cancelPayment])
        let unfinished = try await world.journal.unfinishedEntries()
        XCTAssertTrue(unfinished.isEmpty)

        // The API log saw every call, the money moves included.
        state = await store.state
        XCTAssertTrue(state.apiLog.contains { $0.method == "POST" && $0.path.hasSuffix("/\(captureID)/capture") && $0.statusCode == 200 })
        XCTAssertTrue(state.apiLog.contains { $0.method == "POST" && $0.path.contains("refunds") })
    }

    func testDroppedCaptureIsSettledAsHappenedWithoutResending() async throws {
        let world = try await makeWorld(seed: 0)
        addTeardownBlock { await Self.shutdown(world) }
        let store = world.store
        await store.start(journal: world.journal)
        await store.waitUntilIdle()
        let id = world.authorised[1].id
        await filter(store, "STORY-1")
        try await setFaults(world.server, #"{"drop_after_commit_rate": 1}"#)
        await press(store, .char("A"), KeyPress(.right), KeyPress(.enter))
        let state = await store.state
        XCTAssertNil(state.pending[id])
        XCTAssertEqual(state.payment(id)?.status, .succeeded)
        XCTAssertEqual(state.flash?.text, "Checked: capture of 75.25 USD on \(id) did happen. Captured 75.25 USD on \(id) — now succeeded")
        let captures = state.apiLog.filter { $0.method == "POST" && $0.path.hasSuffix("/capture") }
        XCTAssertEqual(captures.count, 1, "never resent")
        let entries = await world.journal.entries
        XCTAssertEqual(entries.map(\.phase), [.sending, .unclear, .settledHappened])
        let server = try await world.client.retrievePaymentIntent(id: id)
        XCTAssertEqual(server.status, .succeeded)
    }

    func testDroppedRefundIsFoundByConsoleRequestId() async throws {
        let world = try await makeWorld(seed: 0)
        addTeardownBlock { await Self.shutdown(world) }
        let id = world.authorised[0].id
        _ = try await world.client.capturePaymentIntent(id: id)
        let store = world.store
        await store.start(journal: world.journal)
        await store.waitUntilIdle()
        await filter(store, "STORY-0")
        await press(store, .char("R"))
        try await setFaults(world.server, #"{"drop_after_commit_rate": 1}"#)
        await press(store, KeyPress(.right), KeyPress(.enter))
        let state = await store.state
        XCTAssertNil(state.pending[id])
        XCTAssertTrue(state.flash?.text.hasPrefix("Checked: refund of 50.00 USD on \(id) did happen.") == true, "\(String(describing: state.flash))")
        try await setFaults(world.server, #"{"reset": true}"#)
        var query = RefundListQuery()
        query.paymentIntentId = id
        let refunds = try await world.client.listRefunds(query).items
        XCTAssertEqual(refunds.count, 1, "refunded once, not twice")
        XCTAssertEqual(refunds.first?.consoleRequestId, "story-1")
    }

    func testUnfinishedJournalEntryFromAnEarlierRunIsSettledAsNotHappened() async throws {
        let world = try await makeWorld(seed: 0)
        addTeardownBlock { await Self.shutdown(world) }
        let id = world.authorised[0].id
        // A previous run wrote "sending" and died before the request left.
        let request = ActionRequest(consoleRequestId: "earlier-1", action: .capture, objectId: id, currency: "USD")
        try await world.journal.append(JournalEntry(request: request, phase: .sending, recordedAt: Date(), mode: .sandbox))
        await world.store.start(journal: world.journal)
        await world.store.waitUntilIdle()
        let state = await world.store.state
        XCTAssertEqual(state.flash, Flash("Checked: capture on \(id) did NOT happen; nothing changed. Press A to try again.", .error))
        XCTAssertNil(state.pending[id])
        let unfinished = try await world.journal.unfinishedEntries()
        XCTAssertTrue(unfinished.isEmpty)
        let server = try await world.client.retrievePaymentIntent(id: id)
        XCTAssertEqual(server.status, .requiresCapture)
    }
}

final class SandboxRefreshTests: XCTestCase {
    /// A scheduled refresh timer is not work: the store goes idle with live refresh on. A tick re-reads
    /// the newest page, merges the new payment on top and keeps the cursor on the selected id.
    func testRefreshTickMergesNewPaymentsWithoutMovingTheCursor() async throws {
        let server = try await TestSandbox.start()
        let client = try TestSandbox.client(for: server)
        func create(_ order: String) async throws -> PaymentIntent {
            try await TestSandbox.authorisedPayment(client, amount: 10, order: order)
        }
        let first = try await create("R-1")
        let second = try await create("R-2")
        let store = ConsoleStore(state: ConsoleState(mode: .sandbox, merchantTimeZone: TimeZone(identifier: "UTC")!, refreshIntervalSeconds: 3600, sessionTag: "r"),
                                 runner: EffectRunner(client: client, journal: InMemoryActionJournal()))
        addTeardownBlock {
            await store.stop()
            try? await client.shutdown()
            await server.stop()
        }
        await store.start()
        await store.waitUntilIdle()
        var state = await store.state
        XCTAssertTrue(state.payments.visible.contains(first.id) && state.payments.visible.contains(second.id))
        store.enqueue(.key(.char("G")))
        await store.waitUntilIdle()
        let selected = await store.state.payments.cursorID
        XCTAssertNotNil(selected)
        let third = try await create("R-3")
        store.enqueue(.refreshTick)
        await store.waitUntilIdle()
        state = await store.state
        XCTAssertEqual(state.payments.visible.first, third.id)
        XCTAssertEqual(state.payments.count, 3)
        XCTAssertEqual(state.payments.cursorID, selected)
        XCTAssertEqual(state.payments.highlights[third.id], .new(untilTick: 3))
        XCTAssertEqual(state.flash, Flash("1 new (marked)", .info))
        let scheduled = await store.refreshScheduled
        XCTAssertTrue(scheduled, "the next refresh is scheduled, and the store is idle all the same")
    }
}
