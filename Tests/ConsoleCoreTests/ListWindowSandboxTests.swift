import XCTest
import Foundation
import UseePay
import UseePaySandbox
import TestSupport
@testable import ConsoleCore

/// The windowed list against a live sandbox over loopback HTTP: the end of a busy day in a handful of
/// reads (counted in the console's own API log), and a bulk capture of marks whose pages have left
/// the window, checked against the sandbox.
final class ListWindowSandboxTests: XCTestCase {
    struct World: Sendable {
        let server: SandboxServer
        let client: UseePayClient
        let store: ConsoleStore
    }

    private func makeWorld(seed: UInt64) async throws -> World {
        let server = try await TestSandbox.start { options in
            options.seed = seed
            options.seedDays = 0
        }
        let relay = APIRequestRelay()
        let client = try TestSandbox.client(for: server, requestObserver: relay.observer)
        let runner = EffectRunner(client: client, journal: InMemoryActionJournal())
        let state = ConsoleState(mode: .sandbox, profileName: "sandbox", merchantTimeZone: TimeZone(identifier: "UTC")!,
                                 size: TerminalSize(columns: 120, rows: 40), sessionTag: "window")
        let store = ConsoleStore(state: state, runner: runner, relay: relay)
        await store.start()
        await store.waitUntilIdle()
        return World(server: server, client: client, store: store)
    }

    private static func shutdown(_ world: World) async {
        await world.store.stop()
        try? await world.client.shutdown()
        await world.server.stop()
    }

    private func listReads(_ store: ConsoleStore) async -> Int {
        await store.state.apiLog.filter { $0.method == "GET" && $0.path.hasPrefix("/api/v1/payment_intents?") }.count
    }

    /// Today's payments as the API pages them, oldest last.
    private func oldestToday(_ client: UseePayClient, count: Int) async throws -> String? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.startOfDay(for: Date())
        var query = PaymentIntentListQuery()
        query.window = ListWindow(pageNum: (count - 1) / 100, pageSize: 100, fromCreatedAt: start,
                                  toCreatedAt: calendar.date(byAdding: .day, value: 1, to: start))
        let page = try await client.listPaymentIntents(query)
        XCTAssertFalse(page.hasMore)
        return page.items.last?.id
    }

    func testEndOfADayOfTenThousandInAtMostTwentyListReads() async throws {
        let world = try await makeWorld(seed: 10_000)
        do {
            let before = await listReads(world.store)
            await press(world.store, .char("G"))
            let reads = await listReads(world.store) - before
            let state = await world.store.state
            let oldest = try await oldestToday(world.client, count: 10_000)
            XCTAssertEqual(state.payments.cursorID, oldest, "the day's oldest payment is selected")
            XCTAssertEqual(state.payments.cursorRow, 10_000)
            XCTAssertEqual(state.payments.totalText, "10,000")
            XCTAssertLessThanOrEqual(reads, 20, "list reads for G, from the console's API log")
            XCTAssertGreaterThan(reads, 0)
            XCTAssertLessThanOrEqual(state.payments.items.count, 500)
        } catch {
            await Self.shutdown(world)
            throw error
        }
        await Self.shutdown(world)
    }

    func testBulkCaptureOfMarksOnPagesThatLeftTheWindowCapturesExactlyThoseIds() async throws {
        let world = try await makeWorld(seed: 1_500)
        do {
            var marked: [String] = []
            // Two marks near the top, two far below: by then the top pages have left the window.
            for stretch in [0..<200, 900..<1_100] {
                var inStretch = 0
                for _ in stretch {
                    let state = await world.store.state
                    if inStretch < 2, let payment = state.payments.selected?.payment, payment.status == .requiresCapture {
                        marked.append(payment.id)
                        inStretch += 1
                        await press(world.store, .char(" "))
                    } else {
                        await press(world.store, .char("j"))
                    }
                }
                if stretch.lowerBound == 0 {
                    for _ in 200..<900 { await press(world.store, .char("j")) }
                }
            }
            XCTAssertEqual(marked.count, 4)
            let state = await world.store.state
            XCTAssertTrue(state.payments[marked[0]] == nil && state.payments[marked[1]] == nil, "the first marks' page was dropped")
            let awaitingBefore = Set(try await world.client.paymentIntents(PaymentIntentListQuery(
                window: ListWindow(pageSize: 100), statuses: [.requiresCapture])).collect().map(\.id))
            await press(world.store, .char("A"))
            let dialog = await world.store.state.dialog
            XCTAssertEqual(dialog?.targets.map(\.id), marked)
            await press(world.store, KeyPress(.tab))
            await press(world.store, KeyPress(.enter))
            for id in marked {
                let payment = try await world.client.retrievePaymentIntent(id: id)
                XCTAssertEqual(payment.status, .succeeded, id)
                XCTAssertEqual(payment.capturedAmount, payment.amount, id)
            }
            let awaitingAfter = Set(try await world.client.paymentIntents(PaymentIntentListQuery(
                window: ListWindow(pageSize: 100), statuses: [.requiresCapture])).collect().map(\.id))
            XCTAssertEqual(awaitingBefore.subtracting(awaitingAfter), Set(marked), "exactly the marked ids were captured")
        } catch {
            await Self.shutdown(world)
            throw error
        }
        await Self.shutdown(world)
    }
}
