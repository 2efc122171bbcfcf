/// A list loaded page by page, de-duplicated by id, filtered and sorted locally, with a cursor that
/// follows the selected object's id rather than a row number.
///
/// Cost: cursor moves, marks and reads of the visible window are O(1) or O(visible rows). Work over all
/// loaded rows happens only when data or the filter/sort changes: a page load costs O(page) when the list
/// keeps the server's order, O(n log n) when a local sort is active; changing the filter costs O(n)
/// (O(shown) when the filter text only grows).
public struct ListModel<Item: ListRow>: Sendable, Equatable {
    public private(set) var items: [Item.ID: Item] = [:]
    /// Ids in the order the server returned them (newest first).
    public private(set) var loadedOrder: [Item.ID] = []
    /// Ids that pass the filters, in display order.
    public private(set) var visible: [Item.ID] = []
    public private(set) var cursorID: Item.ID?
    public private(set) var cursorIndex: Int = 0
    public var scrollOffset: Int = 0
    public private(set) var marks: Set<Item.ID> = []
    public private(set) var filterText: String = ""
    public private(set) var statusFilter: String?
    public private(set) var sort: ListSort?
    public var phase: LoadPhase = .idle
    public private(set) var nextPage: Int = 0
    public private(set) var hasMore: Bool = true
    public private(set) var highlights: [Item.ID: RowHighlight] = [:]
    /// Bumped whenever the list is emptied for a new query, so late pages of the old query are dropped.
    public private(set) var generation: Int = 0

    public init() {}

    public var count: Int { loadedOrder.count }
    public var allLoaded: Bool { !hasMore }
    public var selected: Item? { cursorID.flatMap { items[$0] } }
    public subscript(id: Item.ID) -> Item? { items[id] }

    public func visibleItems(from start: Int, count: Int) -> ArraySlice<Item.ID> {
        let lower = max(0, min(start, visible.count))
        let upper = max(lower, min(visible.count, start + count))
        return visible[lower..<upper]
    }

    // MARK: Loading

    /// Forgets everything for a new query (other date range, other server filter).
    public mutating func reset() {
        let keepFilter = filterText
        let keepStatus = statusFilter
        let keepSort = sort
        let nextGeneration = generation + 1
        self = ListModel()
        filterText = keepFilter
        statusFilter = keepStatus
        sort = keepSort
        generation = nextGeneration
    }

    public mutating func beginLoading(page: Int) { phase = .loading(page: page) }

    /// Appends a page (infinite scroll). Objects already present are updated in place, never duplicated.
    public mutating func appendPage(_ page: [Item], hasMore: Bool, page pageNumber: Int) {
        var appended: [Item.ID] = []
        var membershipChanged = false
        for item in page {
            if let old = items[item.id] {
                if old != item {
                    if matches(old) != matches(item) { membershipChanged = true }
                    items[item.id] = item
                }
            } else {
                items[item.id] = item
                loadedOrder.append(item.id)
                appended.append(item.id)
            }
        }
        self.hasMore = hasMore
        nextPage = pageNumber + 1
        phase = .idle
        if sort != nil || membershipChanged {
            recomputeVisible()
        } else {
            visible.append(contentsOf: appended.filter { matches(items[$0]!) })
            settleCursor()
        }
    }

    /// Merges a fresh first page from a live refresh: new objects go on top, changed ones update in
    /// place; both are highlighted until `untilTick`. The view keeps showing the same objects
    /// (the cursor and scroll position shift with what was inserted above them).
    @discardableResult
    public mutating func mergeNewest(_ page: [Item], untilTick: Int) -> (new: Int, changed: Int) {
        var fresh: [Item.ID] = []
        var changed = 0
        var membershipChanged = false
        for item in page {
            if let old = items[item.id] {
                if old != item {
                    if matches(old) != matches(item) { membershipChanged = true }
                    items[item.id] = item
                    highlights[item.id] = .changed(untilTick: untilTick)
                    changed += 1
                }
            } else {
                items[item.id] = item
                fresh.append(item.id)
                highlights[item.id] = .new(untilTick: untilTick)
            }
        }
        guard !fresh.isEmpty || membershipChanged || (changed > 0 && sort != nil) else { return (0, changed) }
        loadedOrder.insert(contentsOf: fresh, at: 0)
        if sort != nil || membershipChanged {
            recomputeVisible()
        } else {
            let shown = fresh.filter { matches(items[$0]!) }
            visible.insert(contentsOf: shown, at: 0)
            if cursorID != nil {
                cursorIndex += shown.count
                scrollOffset += shown.count
            }
            settleCursor()
        }
        return (fresh.count, changed)
    }

    /// Replaces one object with the server's newer answer (after an action). Unknown ids are ignored:
    /// the list shows what its query returned, not every object the console touched.
    public mutating func update(_ item: Item) {
        guard let old = items[item.id], old != item else { return }
        items[item.id] = item
        if matches(old) != matches(item) || sort != nil { recomputeVisible() }
    }

    public mutating func loadFailed(page: Int, _ failure: ConsoleFailure) {
        phase = .failed(page: page, failure)
    }

    public mutating func expireHighlights(atTick tick: Int) {
        guard !highlights.isEmpty else { return }
        highlights = highlights.filter { $0.value.untilTick > tick }
    }

    // MARK: Filtering and sorting

    public func matches(_ item: Item) -> Bool {
        if let statusFilter, item.statusKey != statusFilter { return false }
        if filterText.isEmpty { return true }
        return item.searchText.contains(filterText)
    }

    public mutating func setFilter(_ text: String) {
        let lowered = text.lowercased()
        guard lowered != filterText else { return }
        let narrowing = lowered.hasPrefix(filterText)
        filterText = lowered
        if narrowing {
            visible = visible.filter { matches(items[$0]!) }
            settleCursor()
        } else {
            recomputeVisible()
        }
    }

    public mutating func setStatusFilter(_ status: String?) {
        guard status != statusFilter else { return }
        statusFilter = status
        recomputeVisible()
    }

    public mutating func setSort(_ sort: ListSort?) {
        guard sort != self.sort else { return }
        self.sort = sort
        recomputeVisible()
    }

    private mutating func recomputeVisible() {
        var ids = loadedOrder.filter { matches(items[$0]!) }
        if let sort {
            // Ties keep the server's order so equal rows don't shuffle between refreshes.
            let position = Dictionary(uniqueKeysWithValues: loadedOrder.enumerated().map { ($1, $0) })
            let keys = Dictionary(uniqueKeysWithValues: ids.map { ($0, items[$0]!.sortKey(sort.column)) })
            ids.sort { a, b in
                let ka = keys[a]!, kb = keys[b]!
                if ka == kb { return position[a]! < position[b]! }
                return sort.descending ? kb < ka : ka < kb
            }
        }
        visible = ids
        settleCursor()
    }

    /// Keeps the cursor on the same object when it is still shown; otherwise on the row that took its
    /// place, so a vanished selection never silently becomes a far-away object.
    private mutating func settleCursor() {
        guard !visible.isEmpty else {
            // Nothing shown: remember the id so clearing the filter brings the cursor back to it.
            cursorIndex = 0
            scrollOffset = 0
            return
        }
        if let id = cursorID {
            if cursorIndex < visible.count, visible[cursorIndex] == id { return }
            if let found = visible.firstIndex(of: id) {
                cursorIndex = found
                return
            }
            cursorIndex = min(cursorIndex, visible.count - 1)
            cursorID = visible[cursorIndex]
        } else {
            cursorIndex = 0
            cursorID = visible[0]
        }
    }

    // MARK: Cursor and marks

    public mutating func moveCursor(by delta: Int) {
        guard !visible.isEmpty else { return }
        cursorIndex = max(0, min(visible.count - 1, cursorIndex + delta))
        cursorID = visible[cursorIndex]
    }

    public mutating func moveCursor(to index: Int) {
        moveCursor(by: index - cursorIndex)
    }

    /// Puts the cursor on an object if it is shown. Returns false when it is not.
    @discardableResult
    public mutating func select(_ id: Item.ID) -> Bool {
        if cursorID == id, cursorIndex < visible.count, visible[cursorIndex] == id { return true }
        guard let index = visible.firstIndex(of: id) else { return false }
        cursorIndex = index
        cursorID = id
        return true
    }

    /// Scrolls so the cursor row is inside a window of `rows` rows.
    public mutating func keepCursorVisible(rows: Int) {
        guard rows > 0 else { return }
        if cursorIndex < scrollOffset { scrollOffset = cursorIndex }
        if cursorIndex >= scrollOffset + rows { scrollOffset = cursorIndex - rows + 1 }
        scrollOffset = max(0, min(scrollOffset, max(0, visible.count - rows)))
        if cursorIndex < scrollOffset { scrollOffset = cursorIndex }
    }

    /// True when the cursor is near the loaded end and another page exists: time to load it.
    public func wantsNextPage(rows: Int) -> Bool {
        guard hasMore else { return false }
        if case .idle = phase {} else { return false }
        return cursorIndex >= visible.count - max(1, rows / 2) - 1
    }

    public mutating func toggleMark(_ id: Item.ID) {
        if marks.contains(id) { marks.remove(id) } else if items[id] != nil { marks.insert(id) }
    }

    public mutating func clearMarks() { marks.removeAll() }

    /// Marks that the current filter hides. O(marks).
    public var hiddenMarkCount: Int { marks.reduce(0) { $0 + (items[$1].map(matches) == true ? 0 : 1) } }
}
