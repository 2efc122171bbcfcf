import Foundation

/// What a list needs from the objects it holds: an id to follow, text for `/`, a status for quick
/// filters, and a value per sortable column. Conformances for the API models live beside the screens'
/// column definitions.
public protocol ListRow: Identifiable, Sendable, Equatable where ID: Sendable {
    /// Lowercased text that `/` matches against (ids, names, emails, order ids...).
    var searchText: String { get }
    /// The status string quick filters compare with (wire spelling, e.g. "requires_capture").
    var statusKey: String { get }
    func sortKey(_ column: String) -> SortKey
}

public enum SortKey: Sendable, Comparable {
    case missing
    case number(Decimal)
    case date(Date)
    case text(String)
}

public struct ListSort: Sendable, Hashable {
    public var column: String
    public var descending: Bool

    public init(column: String, descending: Bool) {
        self.column = column
        self.descending = descending
    }
}

/// Where a list's loading stands. A failure keeps everything already loaded and says which page failed.
public enum LoadPhase: Sendable, Hashable {
    case idle
    case loading(page: Int)
    case failed(page: Int, ConsoleFailure)

    public var isLoading: Bool { if case .loading = self { return true } else { return false } }
}

/// Briefly marks rows that a live refresh brought in or changed.
public enum RowHighlight: Sendable, Hashable {
    case new(untilTick: Int)
    case changed(untilTick: Int)

    var untilTick: Int {
        switch self {
        case .new(let t), .changed(let t): return t
        }
    }
}

/// A marked row as the list remembers it: enough for a bulk action (id, label, amount with currency,
/// status) and for the filter, so the mark outlives its row's page being dropped from the window.
public struct ListMark: Sendable, Hashable {
    public var target: ActionTarget
    var searchText: String
    /// Row in the whole list when marked: bulk dialogs list marks top to bottom.
    public var position: Int
}
