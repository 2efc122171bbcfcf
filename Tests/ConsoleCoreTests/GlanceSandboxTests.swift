import XCTest
import Foundation
import UseePay
import UseePaySandbox
import TestSupport
@testable import ConsoleCore

/// `:glance` against the real sandbox: every figure equals what the sandbox lists over HTTP, and one
/// key opens the group of authorisations behind a figure as a filtered payments list.
final class GlanceSandboxTests: XCTestCase {
    func testGlanceFiguresEqualTheSandboxsAndKeysOpenTheirLists() async throws {
        let utc = TimeZone(identifier: "UTC")!
        let (store, client) = try await glanceStore(refundSettleDelay: .seconds(3600))
        try await KnownDay.seed(client, count: 80)
        await store.start(journal: nil)
        for key in ":glance" { store.enqueue(.key(.char(key))) }
        store.enqueue(.key(KeyPress(.enter)))
        await store.waitUntilIdle()

        let state = await store.state
        XCTAssertEqual(state.screen, .glance)
        let day = DateRange.today.interval(now: state.now, timeZone: utc)
        let truth = try await ServerTruth.read(client, from: day.from, to: day.to)
        let f = GlanceFigures(state: state)
        guard case .asOf = f.todayFreshness, case .asOf = f.waitingFreshness, case .asOf = f.yesterdayFreshness else {
            return XCTFail("not final: \(f.todayFreshness) \(f.waitingFreshness) \(f.yesterdayFreshness)")
        }

        // Hourly attempts and successes, grouped here from the objects the sandbox lists.
        var attempts = Array(repeating: 0, count: f.today.count), successes = attempts
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        var declined = 0
        for try await p in client.paymentIntents(PaymentIntentListQuery(window: ListWindow(pageSize: 100, fromCreatedAt: day.from, toCreatedAt: day.to))) {
            let hour = calendar.component(.hour, from: p.createAt!)
            attempts[hour] += 1
            if p.status == .succeeded || p.status == .requiresCapture { successes[hour] += 1 }
            if p.status == .failed || p.lastPaymentError != nil { declined += 1 }
        }
        XCTAssertEqual(f.today.map(\.attempts), attempts)
        XCTAssertEqual(f.today.map(\.successes), successes)
        XCTAssertEqual(f.todayPayments, truth.count)
        XCTAssertEqual(f.succeededVolume.sums.byCode, truth.succeeded)
        let succeeded = truth.byStatus["succeeded"] ?? 0
        XCTAssertEqual(f.todaySucceeded, succeeded)
        XCTAssertEqual(f.todayDecided, succeeded + declined)
        XCTAssertEqual(f.todayRate, Decimal(succeeded) / Decimal(succeeded + declined))
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: f.topDeclines.map { ($0.code, $0.count) }), truth.declineCodes)
        // Everything was authorised just now: all of it is under a day old, none expires.
        XCTAssertEqual(f.waitingAll.sums.byCode, truth.awaiting)
        XCTAssertEqual(f.waiting[.underOneDay]?.count, truth.awaitingCount)
        XCTAssertNil(f.waiting[.expiresWithin24h])
        XCTAssertEqual(f.refundsInFlight.sums.byCode, truth.refundsInFlight)
        XCTAssertEqual(f.refundsFailed.sums.byCode, truth.refundsFailed)
        XCTAssertEqual(f.yesterday.map(\.attempts).reduce(0, +), 0)
        XCTAssertNil(f.yesterdayRate)

        // `1` opens the authorisations under a day old as a filtered list; its summary counts exactly them.
        store.enqueue(.key(.char("1")))
        await store.waitUntilIdle()
        let list = await store.state
        XCTAssertEqual(list.stack, [.glance, .list(.payments)])
        XCTAssertEqual(list.paymentFilter.statuses, ["requires_capture"])
        XCTAssertEqual(list.paymentSummary.count, truth.awaitingCount)
        XCTAssertEqual(list.paymentSummary.awaitingCapture.byCode, truth.awaiting)
        XCTAssertTrue(list.lists[.payments].count > 0 && list.paymentSummary.isFinal)
        store.enqueue(.key(KeyPress(.escape)))
        await store.waitUntilIdle()
        let back = await store.state
        XCTAssertEqual(back.screen, .glance)
    }

    /// An authorisation captured elsewhere (here: straight through the API, as the dashboard would) leaves
    /// "waiting for capture" at the next live refresh: the waiting scan is read again whole and swapped in.
    func testACaptureMadeElsewhereLeavesTheWaitingFiguresAtTheNextRefresh() async throws {
        let (store, client) = try await glanceStore()
        let authorised = try await KnownDay.seed(client, count: 30)
        XCTAssertGreaterThanOrEqual(authorised.count, 2)
        await store.start(journal: nil)
        for key in ":glance" { store.enqueue(.key(.char(key))) }
        store.enqueue(.key(KeyPress(.enter)))
        await store.waitUntilIdle()
        let before = GlanceFigures(state: await store.state)
        XCTAssertEqual(before.waitingAll.count, authorised.count)

        _ = try await client.capturePaymentIntent(id: authorised[0])
        store.enqueue(.refreshTick)
        await store.waitUntilIdle()
        let after = GlanceFigures(state: await store.state)
        XCTAssertEqual(after.waitingAll.count, authorised.count - 1, "the capture made elsewhere is no longer waiting")
        let rereads = await store.state.rereads
        XCTAssertTrue(rereads.isEmpty, "the reread replaced the feed on screen")
    }

    /// A sandbox (UTC, in memory) and a console store on it at 120×40, both stopped at teardown.
    private func glanceStore(refundSettleDelay: Duration? = nil) async throws -> (ConsoleStore, UseePayClient) {
        let server = try await TestSandbox.start { options in
            if let refundSettleDelay { options.refundSettleDelay = refundSettleDelay }
        }
        let client = try TestSandbox.client(for: server)
        let store = ConsoleStore(state: ConsoleState(mode: .sandbox, profileName: "sandbox", merchantTimeZone: TestSandbox.utc,
                                                     size: TerminalSize(columns: 120, rows: 40), sessionTag: "glance"),
                                 runner: EffectRunner(client: client, journal: InMemoryActionJournal()))
        addTeardownBlock {
            await store.stop()
            try? await client.shutdown()
            await server.stop()
        }
        return (store, client)
    }
}
