import Foundation
import UseePay

/// Reads feed pages through the client and folds them into a feed. The console's effect runner reads
/// one page per effect (the reducer folds it in and asks for the next); scripts run `scan` to the end.
public enum FeedScanner {
    /// One page, reduced to facts before it leaves this function.
    public static func page(_ request: FeedPageRequest, client: UseePayClient) async throws -> FeedPage {
        switch request.query {
        case .payments(var q):
            q.window.pageNum = request.page
            let page = try await client.listPaymentIntents(q)
            return FeedPage(paymentIntents: page.items, hasMore: page.hasMore)
        case .refunds(var q):
            q.window.pageNum = request.page
            let page = try await client.listRefunds(q)
            return FeedPage(refundObjects: page.items, hasMore: page.hasMore)
        case .customers, .subscriptions, .mandates, .checkoutSessions:
            return FeedPage(hasMore: false)
        }
    }

    /// Reads every scan of `feed` to completion (caught up from page 0), calling `progress` after each page.
    /// Payments and refunds are read side by side.
    public static func scan(_ feed: inout AggregateFeed, id: FeedID = .summary, client: UseePayClient,
                            now: @Sendable () -> Date = { Date() },
                            progress: (AggregateFeed) -> Void = { _ in }) async throws {
        var pending = feed.firstRequests(id)
        while !pending.isEmpty {
            let batch = pending
            pending = []
            let pages = try await withThrowingTaskGroup(of: (Int, FeedPage).self) { group in
                for (index, request) in batch.enumerated() {
                    group.addTask { (index, try await page(request, client: client)) }
                }
                var pages: [(Int, FeedPage)] = []
                for try await answer in group { pages.append(answer) }
                return pages.sorted { $0.0 < $1.0 }.map(\.1)
            }
            for (request, page) in zip(batch, pages) {
                if let next = feed.apply(page, for: request, at: now()) { pending.append(next) }
            }
            progress(feed)
        }
    }
}
