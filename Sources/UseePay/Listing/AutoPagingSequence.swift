import Foundation

/// Walks pages until `has_more` is false or `maxPages` pages were read, yielding each id once.
///
/// Offset pages shift when new objects arrive at the top while paging, so the same object can
/// appear again on the next page; the sequence skips ids the previous page already yielded. It
/// remembers only the last two pages' ids, so a walk over a day of any size runs in constant memory.
public struct AutoPagingSequence<Item: Identifiable & Sendable>: AsyncSequence, Sendable where Item.ID: Sendable {
    public typealias Element = Item

    let firstPage: Int
    let maxPages: Int
    let fetch: @Sendable (Int) async throws -> Page<Item>

    public init(firstPage: Int = 0, maxPages: Int = 500, fetch: @escaping @Sendable (Int) async throws -> Page<Item>) {
        self.firstPage = firstPage
        self.maxPages = Swift.max(1, maxPages)
        self.fetch = fetch
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(nextPage: firstPage, pagesLeft: maxPages, fetch: fetch)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var nextPage: Int
        var pagesLeft: Int
        let fetch: @Sendable (Int) async throws -> Page<Item>
        var buffer: [Item] = []
        var bufferIndex = 0
        /// Ids of the page being yielded and of the one before it.
        var seen: Set<Item.ID> = []
        var previousPage: Set<Item.ID> = []
        var finished = false
        /// True when the walk stopped because of `maxPages` while the API still had more.
        public private(set) var stoppedAtPageCap = false

        init(nextPage: Int, pagesLeft: Int, fetch: @escaping @Sendable (Int) async throws -> Page<Item>) {
            self.nextPage = nextPage
            self.pagesLeft = pagesLeft
            self.fetch = fetch
        }

        public mutating func next() async throws -> Item? {
            while true {
                while bufferIndex < buffer.count {
                    let item = buffer[bufferIndex]
                    bufferIndex += 1
                    if !previousPage.contains(item.id), seen.insert(item.id).inserted { return item }
                }
                if finished { return nil }
                if pagesLeft <= 0 { finished = true; stoppedAtPageCap = true; return nil }
                try Task.checkCancellation()
                let page = try await fetch(nextPage)
                pagesLeft -= 1
                nextPage += 1
                buffer = page.items
                bufferIndex = 0
                // An empty page that claims more, or one that only repeats the page before, would loop
                // forever on a broken server.
                let repeatsOnly = !page.items.isEmpty && page.items.allSatisfy { seen.contains($0.id) }
                previousPage = seen
                seen = []
                seen.reserveCapacity(page.items.count)
                if !page.hasMore || page.items.isEmpty || repeatsOnly { finished = true }
            }
        }
    }

    /// Collects everything (up to the page cap) into an array.
    public func collect() async throws -> [Item] {
        var out: [Item] = []
        for try await item in self { out.append(item) }
        return out
    }
}
