import Foundation

/// The cells of whole-width table lines a table drew lately, by everything they were drawn from.
///
/// Why: a cursor move redraws every visible line, and fitting each cell's text (widths, truncation,
/// one grid cell per glyph) was a third of a frame at 120×40 although only two lines change. A line
/// that spans the grid's whole width is a pure function of its key (a full-width fill, then writes
/// inside it), so its cells can be copied instead of drawn. Lines narrower than the grid are always
/// drawn: repairing a wide glyph at their edge may touch cells outside them.
final class TableLineMemo: @unchecked Sendable {
    struct Key: Hashable {
        var texts: [String]
        var widths: [Int?]
        var role: ThemeRole
        var cellRoles: [ThemeRole?]
        var attributes: CellAttributes
        var width: Int
    }

    private let lock = NSLock()
    private var lines: [Key: [Cell]] = [:]
    /// A few screens of lines; past it the memo starts again.
    private let capacity = 512

    func cells(_ key: Key) -> [Cell]? {
        lock.lock()
        defer { lock.unlock() }
        return lines[key]
    }

    func keep(_ cells: [Cell], for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        if lines.count >= capacity { lines.removeAll(keepingCapacity: true) }
        lines[key] = cells
    }
}
