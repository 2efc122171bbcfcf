import XCTest
import Foundation
import UseePay
import UseePaySandbox
import TestSupport
@testable import ConsoleCore

/// The summary line's figures against the real sandbox over loopback HTTP: a known day is made
/// through the API, the console scans it in the background, and every figure must equal what the
/// sandbox lists, also after live refresh has brought new payments, captures, cancels and settled refunds.
final class DaySummarySandboxTests: XCTestCase {
    private func summaryMatches(_ summary: PaymentSummary, _ feed: AggregateFeed, _ truth: ServerTruth,
                                file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(summary.count, truth.count, "count", file: file, line: line)
        XCTAssertEqual(summary.byStatus, truth.byStatus, "by status", file: file, line: line)
        XCTAssertEqual(summary.succeededVolume.byCode, truth.succeeded, "succeeded volume", file: file, line: line)
        XCTAssertEqual(summary.awaitingCaptureCount, truth.awaitingCount, "awaiting capture count", file: file, line: line)
        XCTAssertEqual(summary.awaitingCapture.byCode, truth.awaiting, "awaiting capture sums", file: file, line: line)
        XCTAssertEqual(summary.failedCount, truth.failed, "failed", file: file, line: line)
        XCTAssertEqual(summary.refunded.byCode, truth.refunded, "refunded", file: file, line: line)
        XCTAssertEqual(feed.refunds.inFlight.sums.byCode, truth.refundsInFlight, "refunds in flight", file: file, line: line)
        XCTAssertEqual(feed.refunds.failed.sums.byCode, truth.refundsFailed, "refunds failed", file: file, line: line)
        XCTAssertEqual(feed.payments.declineCodes.counts, truth.declineCodes, "decline codes", file: file, line: line)
    }

    func testSummaryEqualsTheSandboxsOwnFiguresAcrossLiveRefresh() async throws {
        let server = try await TestSandbox.start { options in
            // Refunds stay in flight until the test moves the sandbox clock.
            options.refundSettleDelay = .seconds(3600)
        }
        let relay = APIRequestRelay()
        let client = try TestSandbox.client(for: server, requestObserver: relay.observer)
        let utc = TimeZone(identifier: "UTC")!
        let store = ConsoleStore(state: ConsoleState(mode: .sandbox, profileName: "sandbox", merchantTimeZone: utc,
                                                     size: TerminalSize(columns: 120, rows: 40), sessionTag: "sum"),
                                 runner: EffectRunner(client: client, journal: InMemoryActionJournal()), relay: relay)
        addTeardownBlock {
            await store.stop()
            try? await client.shutdown()
            await server.stop()
        }
        // 220 payments: three pages of 100 for the scan.
        let authorised = try await KnownDay.seed(client, count: 220)
        await store.start(journal: nil)
        await store.waitUntilIdle()

        var state = await store.state
        let day = DateRange.today.interval(now: state.now, timeZone: utc)
        var truth = try await ServerTruth.read(client, from: day.from, to: day.to)
        XCTAssertEqual(truth.count, 220)
        XCTAssertEqual(Set(truth.succeeded.keys), ["BHD", "EUR", "JPY", "KRW", "USD"])
        XCTAssertFalse(truth.refundsInFlight.isEmpty)
        var summary = state.paymentSummary
        XCTAssertTrue(summary.isFinal, "\(summary.progress)")
        XCTAssertEqual(summary.scope, "today's payments")
        summaryMatches(summary, state.feeds[.summary]!, truth)

        // Live refresh: new payments arrive, one of today's authorisations is captured and another cancelled
        // (elsewhere, not by this console), and the refunds in flight settle (some fail).
        _ = try await KnownDay.seed(client, count: 30, first: 1000)
        _ = try await client.capturePaymentIntent(id: authorised[authorised.count - 1])
        _ = try await client.cancelPaymentIntent(id: authorised[authorised.count - 2])
        // Each step (received -> accepted -> succeeded or failed) waits one settle delay.
        try await KnownDay.advanceClock(server, seconds: 3700)
        try await KnownDay.advanceClock(server, seconds: 3700)
        // On the API log screen the payments list itself does not refresh, so every list read below is the summary's.
        for key in ":log" { store.enqueue(.key(.char(key))) }
        store.enqueue(.key(KeyPress(.enter)))
        await store.waitUntilIdle()
        let requestsBefore = await store.state.apiLog.count
        store.enqueue(.refreshTick)
        await store.waitUntilIdle()
        // What the refresh read (before this test's own reading of the truth adds to the same log).
        let refreshRequests = await store.state.apiLog.dropFirst(requestsBefore)

        state = await store.state
        truth = try await ServerTruth.read(client, from: day.from, to: day.to)
        XCTAssertEqual(truth.count, 250)
        XCTAssertTrue(truth.refundsInFlight.isEmpty)
        XCTAssertFalse(truth.refundsFailed.isEmpty)
        summary = state.paymentSummary
        XCTAssertTrue(summary.isFinal)
        summaryMatches(summary, state.feeds[.summary]!, truth)

        // Without rescanning the day (250 payments: pages 0-2): the newest page, and the next one only because
        // the newest brought new ids.
        let pagesRead = refreshRequests.compactMap { entry -> String? in
            guard entry.method == "GET", entry.path.contains("payment_intents") else { return nil }
            return entry.path.split(separator: "&").first { $0.hasSuffix("page_num=0") || $0.contains("page_num=") }
                .map { String($0.split(separator: "=").last ?? "") }
        }
        XCTAssertEqual(pagesRead, ["0", "1"], "a refresh must not read the whole day again")
    }
}
