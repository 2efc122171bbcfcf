import Foundation

/// Walks pages until `has_more` is false or `maxPages` pages were read, yielding each id once.
///
/// Offset pages shift when new objects arrive at the top while paging, so the same object can
/// appear on two pages; the sequence skips ids it has already yielded.
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
        var seen: Set<Item.ID> = []
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
                    if seen.insert(item.id).inserted { return item }
                }
                if finished { return nil }
                if pagesLeft <= 0 { finished = true; stoppedAtPageCap = true; return nil }
                try Task.checkCancellation()
                let page = try await fetch(nextPage)
                pagesLeft -= 1
                nextPage += 1
                buffer = page.items
                bufferIndex = 0
                // An empty page that claims more would loop forever on a broken server.
                if !page.hasMore || page.items.isEmpty { finished = true }
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
