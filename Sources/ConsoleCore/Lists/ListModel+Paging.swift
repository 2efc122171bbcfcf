// How pages enter and leave a list's window: reading on, dropping far pages, prefetching before the
// cursor needs a page, live refresh of the newest page, and jumps to either end.

extension ListModel {
    /// Forgets everything for a new query (other date range, other server filter). Marks go too:
    /// they belong to the rows of the old query.
    public mutating func reset() {
        var fresh = ListModel(pageSize: pageSize, pageLimit: pageLimit)
        fresh.filterText = filterText
        fresh.statusFilter = statusFilter
        fresh.sort = sort
        fresh.generation = generation + 1
        self = fresh
    }

    public mutating func beginLoading(page: Int) { phase = .loading(page: page) }

    public mutating func loadFailed(page: Int, _ failure: ConsoleFailure) {
        phase = .failed(page: page, failure)
    }

    /// Takes a page the server answered. Pages next to the window join it (and far pages leave); the
    /// page a jump or the end search was waiting for starts a new window; anything else is stale and
    /// dropped. Objects already held are updated in place, never duplicated. Returns the page to read
    /// next when the answer was a step of the end search (or a jump that must search again).
    @discardableResult
    public mutating func receive(_ page: [Item], page number: Int, hasMore: Bool, total: Int? = nil) -> Int? {
        phase = .idle
        if let total, total >= 0 {
            knownTotal = total
            lastPage = total == 0 ? 0 : (total - 1) / pageSize
        }
        if seek != nil { return answerSeek(page, page: number, hasMore: hasMore) }
        if let jump = pendingJump, jump.page == number {
            pendingJump = nil
            if page.isEmpty, number > 0 {
                // The list shrank under the jump: the end is earlier than thought; search for it again.
                lastPage = nil
                knownTotal = nil
                return startJump(to: .bottom)
            }
            startWindow(page, at: number, landing: jump.landing)
        } else if heldPages.isEmpty {
            startWindow(page, at: number, landing: .first)
        } else if number == nextPage {
            append(page, page: number)
        } else if number == firstHeldPage - 1 {
            prepend(page, page: number)
            return nil
        } else if heldPages.contains(where: { $0.number == number }) {
            page.forEach { update($0) }
            return nil
        } else {
            return nil
        }
        // `number` is now the last held page: what the server said about pages after it holds.
        self.hasMore = hasMore && !page.isEmpty
        if !self.hasMore {
            let last = page.isEmpty ? max(0, number - 1) : number
            lastPage = last
            if knownTotal == nil { knownTotal = page.isEmpty ? number * pageSize : number * pageSize + page.count }
        }
        if number == 0 { newestIDs = Set(page.map(\.id)) }
        return nil
    }

    /// Appends a page (scrolling down). Kept for callers that read a list from its first page on.
    public mutating func appendPage(_ page: [Item], hasMore: Bool, page pageNumber: Int) {
        receive(page, page: pageNumber, hasMore: hasMore)
    }

    mutating func startWindow(_ page: [Item], at number: Int, landing: JumpLanding) {
        items.removeAll(keepingCapacity: true)
        highlights.removeAll()
        var ids: [Item.ID] = []
        ids.reserveCapacity(page.count)
        for item in page where items[item.id] == nil {
            items[item.id] = item
            ids.append(item.id)
        }
        heldPages = [HeldPage(number: number, ids: ids)]
        loadedOrder = ids
        let keptCursor = cursorID.flatMap { items[$0] != nil ? $0 : nil }
        recomputeVisible()
        switch landing {
        case .first: moveCursor(to: 0)
        case .last: moveCursor(to: visible.count - 1)
        case .keep: if let keptCursor { select(keptCursor) } else { moveCursor(to: 0) }
        }
        if visible.isEmpty { cursorID = keptCursor }
        // Landing on the last row: scrolled as far down as the rows allow (keepCursorVisible clamps it).
        scrollOffset = landing == .last ? cursorIndex : 0
    }

    private mutating func absorb(_ page: [Item]) -> (fresh: [Item.ID], membershipChanged: Bool) {
        var fresh: [Item.ID] = []
        var membershipChanged = false
        for item in page {
            if let old = items[item.id] {
                if old != item {
                    if matches(old) != matches(item) { membershipChanged = true }
                    items[item.id] = item
                    refreshMark(item)
                }
            } else {
                items[item.id] = item
                fresh.append(item.id)
            }
        }
        return (fresh, membershipChanged)
    }

    private mutating func append(_ page: [Item], page number: Int) {
        let (fresh, membershipChanged) = absorb(page)
        heldPages.append(HeldPage(number: number, ids: fresh))
        loadedOrder.append(contentsOf: fresh)
        if sort != nil || membershipChanged {
            recomputeVisible()
        } else {
            visible.append(contentsOf: isPlainOrder ? fresh : fresh.filter { matches(items[$0]!) })
            settleCursor()
        }
        while heldPages.count > pageLimit, canDrop(heldPages[0]) { dropFirstPage() }
    }

    private mutating func prepend(_ page: [Item], page number: Int) {
        let (fresh, membershipChanged) = absorb(page)
        heldPages.insert(HeldPage(number: number, ids: fresh), at: 0)
        loadedOrder.insert(contentsOf: fresh, at: 0)
        showAtTop(fresh, membershipChanged: membershipChanged)
        while heldPages.count > pageLimit, canDrop(heldPages[heldPages.count - 1]) { dropLastPage() }
        if number == 0 { newestIDs = Set(page.map(\.id)) }
    }

    /// Rows newly held above all others (an older-page read going up, or new payments on a live refresh)
    /// join the visible rows at the top; the cursor and the scroll keep the row they were on.
    private mutating func showAtTop(_ fresh: [Item.ID], membershipChanged: Bool) {
        if sort != nil || membershipChanged {
            recomputeVisible()
            return
        }
        let shown = isPlainOrder ? fresh : fresh.filter { matches(items[$0]!) }
        visible.insert(contentsOf: shown, at: 0)
        if cursorID != nil {
            cursorIndex += shown.count
            scrollOffset += shown.count
        }
        settleCursor()
    }

    /// The cursor's own page stays, unless the filter hides every held row and the window would
    /// otherwise grow past its bound while reading on.
    private func canDrop(_ page: HeldPage<Item.ID>) -> Bool {
        guard let cursorID, page.ids.contains(cursorID) else { return true }
        return heldPages.count > pageLimit + 1
    }

    private mutating func forget(_ ids: [Item.ID]) {
        for id in ids {
            items[id] = nil
            highlights[id] = nil
        }
    }

    private mutating func dropFirstPage() {
        let page = heldPages.removeFirst()
        forget(page.ids)
        loadedOrder.removeFirst(page.ids.count)
        if sort != nil {
            recomputeVisible()
            return
        }
        // Unsorted, the dropped rows that were shown are a prefix of `visible`.
        let shown = isPlainOrder ? page.ids.count : visible.prefix { items[$0] == nil }.count
        visible.removeFirst(shown)
        if cursorID != nil {
            cursorIndex -= shown
            scrollOffset = max(0, scrollOffset - shown)
        }
        settleCursor()
    }

    private mutating func dropLastPage() {
        let page = heldPages.removeLast()
        forget(page.ids)
        loadedOrder.removeLast(page.ids.count)
        hasMore = true
        if sort != nil {
            recomputeVisible()
            return
        }
        var shown = 0
        if isPlainOrder { shown = page.ids.count } else { shown = visible.reversed().prefix { items[$0] == nil }.count }
        visible.removeLast(shown)
        settleCursor()
    }

    /// Merges a fresh first page from a live refresh: new objects go on top, changed ones update in
    /// place; both are highlighted until `untilTick`. The view keeps showing the same objects
    /// (the cursor and scroll position shift with what was inserted above them). Deep in the list,
    /// where the newest page is not held, held objects are updated and new ones only counted.
    @discardableResult
    public mutating func mergeNewest(_ page: [Item], untilTick: Int) -> (new: Int, changed: Int) {
        if heldPages.isEmpty {
            _ = receive(page, page: 0, hasMore: hasMore)
            return (page.count, 0)
        }
        var fresh: [Item.ID] = []
        var changed = 0
        var membershipChanged = false
        let holdsNewest = firstHeldPage == 0
        for item in page {
            if let old = items[item.id] {
                if old != item {
                    if matches(old) != matches(item) { membershipChanged = true }
                    items[item.id] = item
                    refreshMark(item)
                    highlights[item.id] = .changed(untilTick: untilTick)
                    changed += 1
                }
            } else if holdsNewest {
                items[item.id] = item
                fresh.append(item.id)
                highlights[item.id] = .new(untilTick: untilTick)
            } else if !newestIDs.contains(item.id) {
                fresh.append(item.id)
            }
        }
        newestIDs.formUnion(page.map(\.id))
        if let total = knownTotal { knownTotal = total + fresh.count }
        guard holdsNewest else {
            if membershipChanged || (changed > 0 && sort != nil) { recomputeVisible() }
            return (fresh.count, changed)
        }
        guard !fresh.isEmpty || membershipChanged || (changed > 0 && sort != nil) else { return (0, changed) }
        heldPages[0].ids.insert(contentsOf: fresh, at: 0)
        loadedOrder.insert(contentsOf: fresh, at: 0)
        showAtTop(fresh, membershipChanged: membershipChanged)
        return (fresh.count, changed)
    }

    /// Replaces one object with the server's newer answer (after an action). Objects not held are
    /// ignored (the list shows what its query returned), but a mark on them learns the new status.
    public mutating func update(_ item: Item) {
        refreshMark(item)
        guard let old = items[item.id], old != item else { return }
        items[item.id] = item
        if matches(old) != matches(item) || sort != nil { recomputeVisible() }
    }

    public mutating func expireHighlights(atTick tick: Int) {
        guard !highlights.isEmpty else { return }
        highlights = highlights.filter { $0.value.untilTick > tick }
    }

    // MARK: Prefetch

    /// The page to read now so the cursor never waits for one: the page after the window when fewer
    /// than a screen and half a page of held rows are left below the cursor, the page before it
    /// likewise above. `moving` is the direction of the key just pressed: pressing on at the last
    /// (first) shown row reads on even when the filter hides the held rows beyond it. Nil while a read
    /// is in flight or the window needs nothing.
    public func pageToRead(rows: Int, moving: Int = 0) -> Int? {
        guard case .idle = phase, seek == nil, pendingJump == nil, !heldPages.isEmpty else { return nil }
        let lead = rows + pageSize / 2
        let at = heldCursorIndex
        let atLastShown = visible.isEmpty || cursorIndex >= visible.count - 1
        let atFirstShown = visible.isEmpty || cursorIndex == 0
        if hasMore, count - 1 - at < lead || (moving > 0 && atLastShown) { return nextPage }
        if firstHeldPage > 0, at < lead || (moving < 0 && atFirstShown) { return firstHeldPage - 1 }
        return nil
    }

    /// Kept for callers that only scroll down.
    public func wantsNextPage(rows: Int) -> Bool { pageToRead(rows: rows) == nextPage && hasMore }

    // MARK: Jumps

    /// `gg` / `G`: moves to the first or last row of the whole list. Returns the page to read, or nil
    /// when the target row is already held (the cursor is there now).
    public mutating func startJump(to end: ListEnd) -> Int? {
        switch end {
        case .top:
            seek = nil
            if firstHeldPage == 0 || heldPages.isEmpty {
                pendingJump = nil
                moveCursor(to: 0)
                return nil
            }
            return beginJump(page: 0, landing: .first)
        case .bottom:
            if !hasMore, !heldPages.isEmpty {
                seek = nil
                pendingJump = nil
                moveCursor(to: visible.count - 1)
                return nil
            }
            if let lastPage { return beginJump(page: lastPage, landing: .last) }
            let low = heldPages.last.map { $0.number } ?? 0
            let lowItems = heldPages.last.map { $0.ids.compactMap { items[$0] } } ?? []
            generation += 1
            pendingJump = nil
            seek = EndSeek(low: low, lowItems: lowItems, high: nil)
            let probe = seek!.nextProbe
            phase = .loading(page: probe)
            return probe
        }
    }

    private mutating func beginJump(page: Int, landing: JumpLanding) -> Int {
        generation += 1
        seek = nil
        pendingJump = PendingJump(page: page, landing: landing)
        phase = .loading(page: page)
        return page
    }

    /// The page a failed read should try again: the end search's probe, the jump's page, or the page itself.
    public func retry(page: Int) -> Int {
        if let seek { return seek.nextProbe }
        if let pendingJump { return pendingJump.page }
        return page
    }

    /// An answer in the end search (exponential, then binary, on `page_num` with `has_more`). When it
    /// finds the last page, that page becomes the window with the cursor on its last row.
    private mutating func answerSeek(_ page: [Item], page number: Int, hasMore: Bool) -> Int? {
        guard var search = seek, number == search.nextProbe else { return nil }
        search.probes += 1
        if let lastPage, knownTotal != nil {
            // The server told the size: no more searching.
            seek = nil
            if lastPage == number, !page.isEmpty {
                finishSeek(page, at: number)
                return nil
            }
            return beginJump(page: lastPage, landing: .last)
        }
        if page.isEmpty {
            search.high = number
        } else if hasMore {
            search.low = number
            search.lowItems = page
        } else {
            seek = nil
            finishSeek(page, at: number)
            return nil
        }
        if let high = search.high, high <= search.low + 1 {
            seek = nil
            finishSeek(search.lowItems, at: search.low)
            return nil
        }
        seek = search
        phase = .loading(page: search.nextProbe)
        return search.nextProbe
    }

    private mutating func finishSeek(_ page: [Item], at number: Int) {
        startWindow(page, at: number, landing: .last)
        hasMore = false
        lastPage = number
        if knownTotal == nil { knownTotal = number * pageSize + page.count }
    }

    /// The page the current read is for, when one is in flight.
    public var pageInFlight: Int? {
        if case .loading(let page) = phase { return page }
        return nil
    }
}

/// One server page the window holds: its number and the ids it brought (duplicates of rows already
/// held, from offset pages shifting under new arrivals, are left out).
public struct HeldPage<ID: Hashable & Sendable>: Sendable, Equatable {
    public var number: Int
    public var ids: [ID]
}

public enum ListEnd: Sendable, Hashable { case top, bottom }

/// Where the cursor goes when a jump's page arrives.
public enum JumpLanding: Sendable, Hashable { case first, last, keep }

public struct PendingJump: Sendable, Hashable {
    public var page: Int
    public var landing: JumpLanding
}

/// The search for a list's last page when the server gives no total: double the page number while
/// pages have more after them, then halve the gap between the last page seen with more and the
/// first page seen empty. O(log pages) reads.
public struct EndSeek<Item: ListRow>: Sendable, Equatable {
    /// Highest page known to exist with more after it, and its objects (shown if it proves the last).
    public var low: Int
    var lowItems: [Item]
    /// Lowest page known to be past the end.
    public var high: Int?
    /// Answers received so far.
    public var probes: Int = 0

    public var nextProbe: Int {
        if let high { return low + max(1, (high - low) / 2) }
        return low * 2 + 1
    }
}
