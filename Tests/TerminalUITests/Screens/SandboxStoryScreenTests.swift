import XCTest
import Foundation
import UseePay
import UseePaySandbox
import ConsoleCore
@testable import TerminalUI
import TestSupport

/// The story on a headless 80x24 screen against a live sandbox: what the screen says after each step
/// must be what the sandbox says over HTTP. Set SCREEN_DUMP_DIR to keep the frames.
final class SandboxStoryScreenTests: XCTestCase {
    private let size = TerminalSize(columns: 80, rows: 24)

    private func frame(_ store: ConsoleStore, _ name: String) async -> [String] {
        let lines = render(await store.state, size: size).lines()
        if let dir = ProcessInfo.processInfo.environment["SCREEN_DUMP_DIR"] {
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try? (lines.joined(separator: "\n") + "\n").write(toFile: "\(dir)/story-\(name).txt", atomically: true, encoding: .utf8)
        }
        return lines
    }

    private func press(_ store: ConsoleStore, _ keys: KeyPress...) async {
        for key in keys {
            store.enqueue(.key(key))
            await store.waitUntilIdle()
        }
    }

    private func type(_ store: ConsoleStore, _ text: String) async {
        for c in text { await press(store, .char(c)) }
    }

    private func filter(_ store: ConsoleStore, _ text: String) async {
        await press(store, .char("/"))
        let existing = await store.state.input?.text.count ?? 0
        for _ in 0..<existing { await press(store, KeyPress(.backspace)) }
        await type(store, text)
        await press(store, KeyPress(.enter))
    }

    private func row(_ lines: [String], containing text: String) -> String? {
        lines.first { $0.contains(text) }
    }

    func testStoryScreensMatchTheSandbox() async throws {
        let server = try await TestSandbox.start()
        let relay = APIRequestRelay()
        let client = try TestSandbox.client(for: server, requestObserver: relay.observer)
        let customer = try await client.createCustomer(CustomerCreateParameters(merchantCustomerId: "M-1", name: "김민지", email: "minji@example.kr"))
        var ids: [String] = []
        for (order, amount) in [("ORD-1", "120.00"), ("ORD-2", "35.50")] {
            let intent = try await TestSandbox.authorisedPayment(client, amount: Decimal(string: amount)!, order: order, customerId: customer.id)
            ids.append(intent.id)
        }
        let store = ConsoleStore(state: ConsoleState(mode: .sandbox, profileName: "sandbox", merchantTimeZone: TimeZone(identifier: "UTC")!,
                                                     size: size, sessionTag: "story"),
                                 runner: EffectRunner(client: client, journal: InMemoryActionJournal()), relay: relay)
        addTeardownBlock {
            await store.stop()
            try? await client.shutdown()
            await server.stop()
        }
        await store.start(journal: nil)
        await store.waitUntilIdle()

        var lines = await frame(store, "1-today")
        XCTAssertTrue(lines[0].hasPrefix("useepay  Payments · today"))
        XCTAssertEqual(lines[1], TerminalText.pad("2 pmts · ok 0 · capture 2: 155.50 USD · fail 0 · ref 0", toWidth: 80))
        XCTAssertTrue(row(lines, containing: "ORD-1")?.contains("120.00 USD awaiting capture 김민지") == true, lines.joined(separator: "\n"))

        // Find the authorised ORD-1 and capture it.
        await filter(store, "ORD-1")
        await press(store, .char("A"))
        lines = await frame(store, "2-capture-dialog")
        XCTAssertTrue(lines.contains { $0.contains("Payment         \(ids[0])") })
        XCTAssertTrue(lines.contains { $0.contains("Customer        김민지") })
        XCTAssertTrue(lines.contains { $0.contains("Mode            SANDBOX") })
        await press(store, KeyPress(.right), KeyPress(.enter))
        lines = await frame(store, "3-captured")
        let captured = try await client.retrievePaymentIntent(id: ids[0])
        XCTAssertEqual(captured.status, .succeeded)
        XCTAssertTrue(row(lines, containing: "ORD-1")?.contains("120.00 USD succeeded") == true)
        XCTAssertEqual(lines[22], TerminalText.pad("Captured 120.00 USD on \(ids[0]) — now succeeded", toWidth: 80))

        // Refund part of it.
        await press(store, .char("R"))
        await press(store, KeyPress(.backTab), KeyPress(.backTab))
        for _ in 0..<6 { await press(store, KeyPress(.backspace)) }
        await type(store, "20")
        lines = await frame(store, "4-refund-dialog")
        XCTAssertTrue(lines.contains { $0.contains("Refund amount   [20] USD (at most 120.00 USD)") }, lines.joined(separator: "\n"))
        await press(store, KeyPress(.tab), KeyPress(.tab), KeyPress(.tab), KeyPress(.enter))
        lines = await frame(store, "5-refunded")
        var query = RefundListQuery()
        query.paymentIntentId = ids[0]
        let refunds = try await client.listRefunds(query).items
        XCTAssertEqual(refunds.map(\.amount), [20])
        XCTAssertTrue(lines[22].hasPrefix("Refund \(refunds[0].id) of 20.00 USD on "), lines[22])
        XCTAssertTrue(lines[1].contains("ok 120.00 USD · capture 1: 35.50 USD · fail 0 · ref 20.00 USD"), lines[1])

        // Cancel the other one.
        await filter(store, "ORD-2")
        await press(store, .char("X"))
        lines = await frame(store, "6-cancel-dialog")
        XCTAssertTrue(lines.contains { $0.contains("Reason          < requested_by_customer >") })
        XCTAssertTrue(lines.contains { $0.contains("[ Keep payment ]      Cancel payment") }, lines.joined(separator: "\n"))
        await press(store, KeyPress(.right), KeyPress(.enter))
        lines = await frame(store, "7-cancelled")
        let cancelled = try await client.retrievePaymentIntent(id: ids[1])
        XCTAssertEqual(cancelled.status, .cancelled)
        XCTAssertTrue(row(lines, containing: "ORD-2")?.contains("35.50 USD canceled") == true)

        // Look up its customer.
        await press(store, KeyPress(.enter))
        lines = await frame(store, "8-payment-detail")
        XCTAssertTrue(lines.contains { $0.contains("Status          canceled") })
        await press(store, KeyPress(.enter))
        lines = await frame(store, "9-customer")
        let serverCustomer = try await client.retrieveCustomer(id: customer.id)
        XCTAssertTrue(lines.contains { $0.contains("Name            \(serverCustomer.name!)") })
        XCTAssertTrue(lines.contains { $0.contains("Email           \(serverCustomer.email!)") })
        XCTAssertTrue(lines.contains { $0.contains("Payments (2)") }, lines.joined(separator: "\n"))
        XCTAssertEqual(lines[1], TerminalText.pad("Payments > \(ids[1]) > \(customer.id)", toWidth: 80))

        await press(store, .char(":"))
        await type(store, "log")
        await press(store, KeyPress(.enter))
        lines = await frame(store, "10-api-log")
        XCTAssertTrue(lines.contains { $0.contains("POST   /api/v1/payment_intents/") && $0.contains("200") })
    }
}
