/// One server list seen through a bounded window of pages, de-duplicated by id, filtered and sorted
/// locally, with a cursor that follows the selected object's id rather than a row number.
///
/// The server pages by `page_num` (random access) and says `has_more`. The model holds at most
/// `pageLimit` consecutive pages around the cursor (`heldPages`); pages far from the cursor are dropped
/// and read again when the cursor comes back, so memory does not grow with the day. Marks are kept
/// as ids with what a bulk action needs (`ListMark`), so they survive their page being dropped.
///
/// Cost: cursor moves, marks and reads of the visible rows are O(1) or O(visible rows). Work over all
/// held rows (at most `pageLimit * pageSize`) happens only when pages arrive or leave, or the
/// filter/sort changes. Paging, prefetch and the search for the end are in `ListModel+Paging.swift`.
public struct ListModel<Item: ListRow>: Sendable, Equatable {
    public internal(set) var items: [Item.ID: Item] = [:]
    /// Held rows in the server's order (newest first): the held pages' ids, concatenated.
    public internal(set) var loadedOrder: [Item.ID] = []
    /// The consecutive server pages the window holds, in page order.
    public internal(set) var heldPages: [HeldPage<Item.ID>] = []
    /// Ids that pass the filters, in display order.
    public internal(set) var visible: [Item.ID] = []
    public internal(set) var cursorID: Item.ID?
    public internal(set) var cursorIndex: Int = 0
    public var scrollOffset: Int = 0
    public private(set) var marks: [Item.ID: ListMark] = [:]
    public internal(set) var filterText: String = ""
    public internal(set) var statusFilter: String?
    public internal(set) var sort: ListSort?
    public var phase: LoadPhase = .idle
    /// Pages exist after the last held one.
    public internal(set) var hasMore: Bool = true
    /// The server's last page, once known (from `has_more: false`, an empty page, or a `total`).
    public internal(set) var lastPage: Int?
    /// How many rows the list has, once known.
    public internal(set) var knownTotal: Int?
    public internal(set) var highlights: [Item.ID: RowHighlight] = [:]
    /// Bumped whenever the window starts over (new query, jump), so late pages of the old one are dropped.
    public internal(set) var generation: Int = 0
    /// Rows per server page (the console asks for the documented maximum).
    public var pageSize: Int = ListModel.defaultPageSize
    /// Most pages held at once. Enough for a screen, a page of prefetch on each side and the page left behind.
    public var pageLimit: Int = ListModel.defaultPageLimit
    /// A `G` in progress: the search for the last page.
    public internal(set) var seek: EndSeek<Item>?
    /// A jump (`gg`, or `G` when the last page is known) waiting for its page.
    public internal(set) var pendingJump: PendingJump?
    /// Ids of the newest page as last read, so a refresh deep in the list can tell new rows from old.
    var newestIDs: Set<Item.ID> = []

    public static var defaultPageSize: Int { 100 }
    public static var defaultPageLimit: Int { 5 }

    public init(pageSize: Int = ListModel.defaultPageSize, pageLimit: Int = ListModel.defaultPageLimit) {
        self.pageSize = max(1, pageSize)
        self.pageLimit = max(2, pageLimit)
    }

    /// Held rows (not the whole list: see `totalText`).
    public var count: Int { loadedOrder.count }
    /// Everything the server has is held.
    public var allLoaded: Bool { !hasMore && firstHeldPage == 0 }
    public var selected: Item? { cursorID.flatMap { items[$0] } }
    public subscript(id: Item.ID) -> Item? { items[id] }

    public var firstHeldPage: Int { heldPages.first?.number ?? 0 }
    /// The page after the window (what scrolling down reads next).
    public var nextPage: Int { heldPages.last.map { $0.number + 1 } ?? 0 }
    /// Position in the server's list of the first held row.
    public var firstRow: Int { firstHeldPage * pageSize }

    public func visibleItems(from start: Int, count: Int) -> ArraySlice<Item.ID> {
        let lower = max(0, min(start, visible.count))
        let upper = max(lower, min(visible.count, start + count))
        return visible[lower..<upper]
    }

    var isPlainOrder: Bool { sort == nil && statusFilter == nil && filterText.isEmpty }

    /// The cursor's index among the held rows (server order). O(1) without a filter or sort, else O(held).
    var heldCursorIndex: Int {
        if isPlainOrder { return cursorIndex }
        guard let cursorID, let index = loadedOrder.firstIndex(of: cursorID) else { return 0 }
        return index
    }

    /// 1-based row of the cursor in the whole server list (nil when nothing is held).
    public var cursorRow: Int? {
        guard !visible.isEmpty else { return nil }
        return firstRow + heldCursorIndex + 1
    }

    /// "100,000" when the size is known, "12,300+" (rows known to exist) while more may follow.
    public var totalText: String {
        if let knownTotal { return RowCount.grouped(knownTotal) }
        let known = firstRow + count
        return RowCount.grouped(known) + (hasMore ? "+" : "")
    }

    // MARK: Filtering and sorting

    public func matches(_ item: Item) -> Bool { matches(status: item.statusKey, searchText: item.searchText) }

    func matches(status: String, searchText: @autoclosure () -> String) -> Bool {
        if let statusFilter, status != statusFilter { return false }
        if filterText.isEmpty { return true }
        return searchText().contains(filterText)
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

    mutating func recomputeVisible() {
        var ids = isPlainOrder ? loadedOrder : loadedOrder.filter { matches(items[$0]!) }
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
    mutating func settleCursor() {
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
            cursorIndex = max(0, min(cursorIndex, visible.count - 1))
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

    public func isMarked(_ id: Item.ID) -> Bool { marks[id] != nil }

    /// Marks or unmarks a held row. `target` is what a bulk action will need once the row's page is
    /// dropped (its id, label, amount and currency); without one, the mark knows the id and status.
    public mutating func toggleMark(_ id: Item.ID, target: ActionTarget? = nil) {
        if marks[id] != nil {
            marks[id] = nil
            return
        }
        guard let item = items[id] else { return }
        let position = firstRow + (loadedOrder.firstIndex(of: id) ?? 0)
        marks[id] = ListMark(target: target ?? ActionTarget(id: "\(id)", customerLabel: "", money: nil, status: item.statusKey),
                             searchText: item.searchText, position: position)
    }

    public mutating func clearMarks() { marks.removeAll() }

    /// Marks in list order (top to bottom), whether or not their rows are held.
    public var marksInOrder: [ListMark] {
        marks.values.sorted { $0.position != $1.position ? $0.position < $1.position : $0.target.id < $1.target.id }
    }

    /// Marks that the current filter hides. O(marks).
    public var hiddenMarkCount: Int {
        marks.reduce(0) { count, entry in
            let shown = items[entry.key].map(matches) ?? matches(status: entry.value.target.status, searchText: entry.value.searchText)
            return count + (shown ? 0 : 1)
        }
    }

    /// A newer version of a marked object (after an action) keeps its mark's status current.
    mutating func refreshMark(_ item: Item) {
        guard var mark = marks[item.id] else { return }
        mark.target.status = item.statusKey
        mark.searchText = item.searchText
        marks[item.id] = mark
    }
}

/// Groups digits the way the status line shows counts: 100,000.
public enum RowCount {
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }
}
