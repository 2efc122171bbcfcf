import XCTest
import Foundation
import UseePay
import UseePaySandbox
import TestSupport
@testable import ConsoleCore

/// Summary scans read the next page while the current one is folded in (`FeedReadAhead`), against
/// the real sandbox over loopback. A page read ahead is served when asked for soon, and never once
/// it is older than `freshFor`: then the page is read again and shows what the server holds now.
final class FeedReadAheadSandboxTests: XCTestCase {
    private final class Paths: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: [String] = []
        func add(_ path: String) { lock.withLock { paths.append(path) } }
        func count(containing text: String) -> Int { lock.withLock { paths.filter { $0.contains(text) }.count } }
    }

    private func start() async throws -> (SandboxServer, UseePayClient, Paths) {
        let server = try await TestSandbox.start()
        let paths = Paths()
        let client = try TestSandbox.client(for: server, requestObserver: { record in
            if record.attempt == 1 || record.retryingIn == nil { paths.add(record.path) }
        })
        addTeardownBlock {
            try? await client.shutdown()
            await server.stop()
        }
        _ = try await KnownDay.seed(client, count: 150)
        return (server, client, paths)
    }

    /// Page 0 of a scan's first pass, and its page 1 (which reads ahead: page 0 said there is more).
    private func firstPages() -> (FeedPageRequest, FeedPageRequest) {
        let feed = AggregateFeed(payments: PaymentIntentListQuery(), refunds: nil, generation: 1, startedAt: Date())
        let page0 = feed.request(.summary, refunds: false, page: 0)
        let page1 = feed.request(.summary, refunds: false, page: 1)
        XCTAssertFalse(page0.readsAhead, "most ranges are one page")
        XCTAssertTrue(page1.readsAhead, "a scan's first pass reads ahead from page 1")
        return (page0, page1)
    }

    func testTheNextPageIsReadOnceAndServedFromTheReadAhead() async throws {
        let (_, client, paths) = try await start()
        _ = try await KnownDay.seed(client, count: 100, first: 300)   // 250 in all: pages 0, 1 and 2
        let readAhead = FeedReadAhead(client: client, freshFor: .seconds(60))
        let (_, second) = firstPages()
        let page1 = try await readAhead.page(second)
        XCTAssertEqual(page1.payments.count, 100)
        let page2 = try await readAhead.page(second.following)
        XCTAssertEqual(page2.payments.count, 50)
        let direct = try await FeedScanner.page(second.following, client: client)
        XCTAssertEqual(page2, direct, "nothing changed: the same page")
        // Page 2 went out once for the read-ahead and once for the comparison above, never a second time for the scan.
        XCTAssertEqual(paths.count(containing: "page_num=2&"), 2)
        XCTAssertEqual(Set(page1.payments.map(\.id)).intersection(page2.payments.map(\.id)), [])
    }

    func testCatchingUpReadsNothingAhead() async throws {
        let (_, client, paths) = try await start()
        var feed = AggregateFeed(payments: PaymentIntentListQuery(), refunds: nil, generation: 1, startedAt: Date())
        try await FeedScanner.scan(&feed, client: client)
        XCTAssertTrue(feed.isComplete)
        let refresh = try XCTUnwrap(feed.refresh(.summary).first)
        XCTAssertFalse(refresh.readsAhead)
        let before = paths.count(containing: "page_num=1&")
        _ = try await FeedReadAhead(client: client).page(refresh)
        // Asking for page 0 of a refresh sends page 0 only; were page 1 read ahead it would be sent too
        // (given time: the scan below waits for the client to go quiet by reading page 0 once more).
        _ = try await FeedScanner.page(refresh, client: client)
        XCTAssertEqual(paths.count(containing: "page_num=1&"), before)
    }

    func testAStaleReadAheadIsNeverServed() async throws {
        let (_, client, _) = try await start()
        // Every read-ahead is stale at once: the next page must be read again when asked for.
        _ = try await KnownDay.seed(client, count: 100, first: 300)   // 250 in all: pages 0, 1 and 2
        let readAhead = FeedReadAhead(client: client, freshFor: .zero)
        let (_, second) = firstPages()
        let page1 = try await readAhead.page(second)
        // 30 new payments push page 1's last 30 onto page 2. A page 2 read ahead before they came would
        // not show them there.
        _ = try await KnownDay.seed(client, count: 30, first: 500)
        let page2 = try await readAhead.page(second.following)
        let direct = try await FeedScanner.page(second.following, client: client)
        XCTAssertEqual(page2, direct)
        XCTAssertEqual(Array(page2.payments.prefix(30).map(\.id)), Array(page1.payments.suffix(30).map(\.id)))
    }
}
