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

        /// Equality compares everything; the hash needs only to spread lines, and the last cell (a
        /// list row's id) does, without normalising every text as `String` hashing would.
        func hash(into hasher: inout Hasher) {
            hasher.combine(role)
            hasher.combine(width)
            hasher.combine(texts.count)
            if var last = texts.last { last.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) } }
        }
    }

    private let lock = NSLock()
    private var lines: [Key: [Cell]] = [:]
    /// The line last drawn at each screen row. Checked first: after a cursor move most rows show
    /// what they showed, and comparing keys whose texts share storage (`RowTextMemo`) costs a few
    /// pointer comparisons, where a dictionary lookup hashes every text.
    private var byRow: [(key: Key, cells: [Cell])?] = []
    /// A few screens of lines; past it the memo starts again.
    private let capacity = 512

    func cells(_ key: Key, row: Int) -> [Cell]? {
        lock.lock()
        defer { lock.unlock() }
        if row < byRow.count, let line = byRow[row], line.key == key { return line.cells }
        guard let cells = lines[key] else { return nil }
        remember(key, cells, row: row)
        return cells
    }

    func keep(_ cells: [Cell], for key: Key, row: Int) {
        lock.lock()
        defer { lock.unlock() }
        if lines.count >= capacity { lines.removeAll(keepingCapacity: true) }
        lines[key] = cells
        remember(key, cells, row: row)
    }

    private func remember(_ key: Key, _ cells: [Cell], row: Int) {
        guard row >= 0, row < 1_000 else { return }
        if row >= byRow.count { byRow += Array(repeating: nil, count: row + 1 - byRow.count) }
        byRow[row] = (key, cells)
    }
}
