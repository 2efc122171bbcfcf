import XCTest
import Foundation
import UseePay
import UseePaySandbox
import TestSupport
@testable import ConsoleCore

/// `:ctx` against two real sandboxes on different ports (two merchants): switching starts the console over
/// on the second one, with nothing of the first left on screen, and settles the second one's unfinished
/// journal entries as at start-up.
final class ProfileSwitchSandboxTests: XCTestCase {
    final class Merchant: Sendable {
        let server: SandboxServer
        let client: UseePayClient
        let journal = InMemoryActionJournal()
        let closed = ClosedFlag()

        init(server: SandboxServer, client: UseePayClient) {
            self.server = server
            self.client = client
        }

        static func start(relay: APIRequestRelay) async throws -> Merchant {
            let server = try await TestSandbox.start()
            return Merchant(server: server, client: try TestSandbox.client(for: server, requestObserver: relay.observer))
        }

        func pay(_ amount: String, order: String) async throws -> PaymentIntent {
            let card = CardDetails(number: "4111111111111111", expiryMonth: "12", expiryYear: "2030", cvc: "123")
            return try await client.createPaymentIntent(PaymentIntentCreateParameters(
                amount: Decimal(string: amount)!, currency: .usd, merchantOrderId: order,
                paymentMethodData: .card(card), confirm: true, autoCapture: false))
        }

        func opened(_ name: String, readOnly: Bool) -> OpenedProfile {
            let closed = self.closed
            return OpenedProfile(
                settings: ProfileSettings(name: name, mode: .sandbox, readOnly: readOnly, merchantTimeZone: TimeZone(identifier: "UTC")!,
                                          refreshIntervalSeconds: 0, keymap: .standard, dashboard: .none),
                runner: EffectRunner(client: client, journal: journal), journal: journal, close: { closed.set() })
        }

        func stop() async {
            try? await client.shutdown()
            await server.stop()
        }
    }

    final class ClosedFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }

    private func palette(_ store: ConsoleStore, _ line: String) async {
        await press(store, .char(":"))
        for c in line { await press(store, .char(c)) }
        await press(store, KeyPress(.enter))
    }

    func testSwitchingStartsOverOnTheOtherMerchantAndSettlesItsJournal() async throws {
        let relay = APIRequestRelay()
        let shop = try await Merchant.start(relay: relay)
        let outlet = try await Merchant.start(relay: relay)
        addTeardownBlock { await shop.stop(); await outlet.stop() }
        XCTAssertNotEqual(shop.server.baseURL.port, outlet.server.baseURL.port)
        let shopPayment = try await shop.pay("10.00", order: "ctx-shop-1")
        let outletPayment = try await outlet.pay("20.00", order: "ctx-outlet-1")
        // The outlet's earlier run wrote "sending" for a capture and died before the request left.
        let earlier = ActionRequest(consoleRequestId: "outlet-earlier", action: .capture, objectId: outletPayment.id, currency: "USD")
        try await outlet.journal.append(JournalEntry(request: earlier, phase: .sending, recordedAt: Date(), mode: .sandbox))

        let runner = ProfileSwitchingRunner(initial: shop.opened("shop", readOnly: false)) { name in
            guard name == "outlet" else { throw ConsoleFailure(message: "no profile \(name)") }
            return outlet.opened("outlet", readOnly: true)
        }
        var state = ConsoleState(mode: .sandbox, profileName: "shop", merchantTimeZone: TimeZone(identifier: "UTC")!,
                                 size: TerminalSize(columns: 120, rows: 40), sessionTag: "ctx")
        state.profiles = [ProfileDescription(name: "shop", mode: .sandbox, readOnly: false, merchantNo: "500000000001"),
                          ProfileDescription(name: "outlet", mode: .sandbox, readOnly: true, merchantNo: "500000000002")]
        let store = ConsoleStore(state: state, perform: { await runner.run($0) }, relay: relay)
        addTeardownBlock { await store.stop() }
        await store.start()
        await store.waitUntilIdle()

        // On the shop: its payment listed, marked, a filter typed, the capture dialog open.
        var before = await store.state
        XCTAssertNotNil(before.payments[shopPayment.id])
        await press(store, .char(" "))
        await palette(store, "ctx")
        before = await store.state
        XCTAssertEqual(before.contextPicker, ContextPicker(cursor: 0))
        XCTAssertEqual(before.lists[.payments].marks.count, 1)

        await press(store, .char("j"), KeyPress(.enter))
        let after = await store.state
        XCTAssertEqual(after.profileName, "outlet")
        XCTAssertTrue(after.readOnly)
        XCTAssertNil(after.contextPicker)
        XCTAssertEqual(after.stack, [.list(.payments)])
        XCTAssertNotNil(after.payments[outletPayment.id])
        XCTAssertNil(after.payments[shopPayment.id], "the shop's payment must not stay on screen")
        XCTAssertTrue(after.lists[.payments].marks.isEmpty)
        XCTAssertNil(after.dialog)
        // The summary counts the outlet's one payment awaiting capture (20.00), not the shop's 10.00.
        XCTAssertEqual(after.paymentSummary.awaitingCapture, [Money(amount: Decimal(string: "20.00")!, currency: .usd)])
        XCTAssertEqual(before.paymentSummary.awaitingCapture, [Money(amount: Decimal(string: "10.00")!, currency: .usd)])
        XCTAssertFalse(after.apiLog.contains { $0.path.contains(shopPayment.id) })
        XCTAssertTrue(shop.closed.isSet, "the shop's session is closed once the outlet's is open")
        XCTAssertFalse(outlet.closed.isSet)
        // Settled and reported as at start-up.
        XCTAssertEqual(after.flash, Flash("Checked: capture on \(outletPayment.id) did NOT happen; nothing changed. Press A to try again.", .error))
        let unfinished = try await outlet.journal.unfinishedEntries()
        XCTAssertTrue(unfinished.isEmpty)
        // Read-only now: money moves are gone from this profile.
        await press(store, .char("A"))
        let refused = await store.state
        XCTAssertNil(refused.dialog)
    }

    func testAProfileThatCannotBeOpenedLeavesTheCurrentOneAsItWas() async throws {
        let relay = APIRequestRelay()
        let shop = try await Merchant.start(relay: relay)
        addTeardownBlock { await shop.stop() }
        let payment = try await shop.pay("10.00", order: "ctx-shop-2")
        let runner = ProfileSwitchingRunner(initial: shop.opened("shop", readOnly: false)) { name in
            throw ConsoleFailure(message: "profile \"\(name)\" has no API key (set api_key_env)")
        }
        var state = ConsoleState(mode: .sandbox, profileName: "shop", merchantTimeZone: TimeZone(identifier: "UTC")!,
                                 size: TerminalSize(columns: 120, rows: 40), sessionTag: "ctx")
        state.profiles = [ProfileDescription(name: "broken", mode: .live, readOnly: false, merchantNo: nil),
                          ProfileDescription(name: "shop", mode: .sandbox, readOnly: false, merchantNo: "500000000001")]
        let store = ConsoleStore(state: state, perform: { await runner.run($0) }, relay: relay)
        addTeardownBlock { await store.stop() }
        await store.start()
        await store.waitUntilIdle()
        await palette(store, "ctx")
        await press(store, .char("k"), KeyPress(.enter))
        let after = await store.state
        XCTAssertEqual(after.profileName, "shop")
        XCTAssertEqual(after.mode, .sandbox)
        XCTAssertNotNil(after.payments[payment.id])
        XCTAssertEqual(after.flash, Flash("Could not open profile broken: profile \"broken\" has no API key (set api_key_env)", .error))
        XCTAssertFalse(shop.closed.isSet)
    }
}
