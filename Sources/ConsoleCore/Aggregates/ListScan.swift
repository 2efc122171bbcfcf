import Foundation

/// Which pages a whole-range scan reads next. The API pages by offset, newest first, and only says
/// `has_more`; objects created while the scan runs push older ones down a page (they are then read
/// twice and de-duplicated by id) and themselves sit above the pages already read. So a scan that
/// reached the end goes back to page 0 and reads on while pages still bring unknown ids ("catching
/// up"); only then are its figures complete. Live refresh is the same catching up, started again.
public struct ListScan: Sendable, Hashable {
    public enum Phase: Sendable, Hashable {
        case reading(page: Int, catchingUp: Bool)
        case idle
        case failed(page: Int, catchingUp: Bool, message: String)
    }

    public private(set) var phase: Phase = .reading(page: 0, catchingUp: false)
    /// The whole range has been read at least once (and caught up): the figures are final.
    public private(set) var isComplete = false
    public private(set) var pagesRead = 0
    /// When the figures were last known to match the server from page 0 down (their freshness).
    public private(set) var completedAt: Date?

    public init() {}

    public var isReading: Bool { if case .reading = phase { return true } else { return false } }
    /// Reading down the range for the first time (not catching up from page 0).
    public var isFirstPass: Bool { if case .reading(_, false) = phase { return true } else { return false } }
    public var failure: String? { if case .failed(_, _, let message) = phase { return message } else { return nil } }

    /// Records a page that was read; answers the next page to read, or nil when this pass is done.
    public mutating func pageRead(_ page: Int, newObjects: Int, hasMore: Bool, at now: Date) -> Int? {
        guard case .reading(let expected, let catchingUp) = phase, expected == page else { return nil }
        pagesRead += 1
        let next: Int?
        if catchingUp {
            next = hasMore && newObjects > 0 ? page + 1 : nil
        } else if hasMore {
            next = page + 1
        } else if page == 0 {
            next = nil  // one page was the whole range: nothing can have been pushed past it
        } else {
            phase = .reading(page: 0, catchingUp: true)
            return 0
        }
        if let next {
            phase = .reading(page: next, catchingUp: catchingUp)
        } else {
            phase = .idle
            isComplete = true
            completedAt = now
        }
        return next
    }

    public mutating func pageFailed(_ page: Int, message: String) {
        guard case .reading(let expected, let catchingUp) = phase, expected == page else { return }
        phase = .failed(page: page, catchingUp: catchingUp, message: message)
    }

    /// Live refresh: read from page 0 while pages bring new ids. Nil while a pass is already running.
    public mutating func refresh() -> Int? {
        guard phase == .idle else { return nil }
        phase = .reading(page: 0, catchingUp: true)
        return 0
    }

    /// ctrl-r after a failure: the failed page again.
    public mutating func retry() -> Int? {
        guard case .failed(let page, let catchingUp, _) = phase else { return nil }
        phase = .reading(page: page, catchingUp: catchingUp)
        return page
    }
}
