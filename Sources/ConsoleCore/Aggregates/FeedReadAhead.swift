import Foundation
import UseePay

extension FeedPageRequest {
    /// The same scan's next page.
    public var following: FeedPageRequest {
        var next = self
        next.page = page + 1
        next.query = query.onPage(next.page)
        return next
    }
}

/// Reads a feed's next page while the current one is folded in.
///
/// Why: a scan asks for one page at a time (the reducer decides the next page from the last
/// answer), so the server and the console took turns: the server idle while the console decoded a
/// page, the console idle while the server wrote the next. A whole-day summary is a thousand such
/// turns. The runner now asks for page n+1 as soon as page n is asked for; when the reducer then asks
/// for n+1, the answer is already on its way. Only first passes read ahead (`readsAhead`): catching up
/// from page 0 usually stops after a page. The reducer's logic is untouched: a page read ahead
/// that nobody asks for soon (the scan ended, or went back to page 0 to catch up) is dropped, never
/// served late, so no figure is built from an answer older than `freshFor`.
actor FeedReadAhead {
    private struct Entry {
        var task: Task<FeedPage, any Error>
        var startedAt: ContinuousClock.Instant
    }

    private let client: UseePayClient
    private let clock = ContinuousClock()
    private var entries: [FeedPageRequest: Entry] = [:]
    /// An answer read ahead is used only this soon after it was asked for.
    let freshFor: Duration

    init(client: UseePayClient, freshFor: Duration = .seconds(2)) {
        self.client = client
        self.freshFor = freshFor
    }

    /// The page `request` asks for, read ahead if it was, and the next page of the same scan started.
    func page(_ request: FeedPageRequest) async throws -> FeedPage {
        let now = clock.now
        let ahead = entries.removeValue(forKey: request)
        // Whatever else this scan had read ahead is not what it wants now.
        for (key, entry) in entries where (key.feed == request.feed && key.isRefunds == request.isRefunds)
            || now - entry.startedAt > freshFor {
            entry.task.cancel()
            entries[key] = nil
        }
        let client = self.client
        let task: Task<FeedPage, any Error>
        if let ahead, now - ahead.startedAt <= freshFor {
            task = ahead.task
        } else {
            ahead?.task.cancel()
            task = Task { try await FeedScanner.page(request, client: client) }
        }
        if request.readsAhead {
            let next = request.following
            entries[next] = Entry(task: Task { try await FeedScanner.page(next, client: client) }, startedAt: now)
        }
        return try await task.value
    }
}
