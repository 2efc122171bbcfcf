import Foundation
import ConsoleCore

/// A screen's worth of cells. Everything is drawn here first; a backend copies
/// the grid (or only the cells that changed) to the terminal, and tests read it
/// back line by line.
public struct CellGrid: Sendable, Equatable {
    /// Frames are compared whole to decide whether anything is sent. Rows whose bytes are identical
    /// are equal (same text storage or the same inline small string, same role and attributes) and
    /// are passed over with one memory comparison; only rows that differ in bytes (a changed row, or
    /// equal text in other storage) are compared cell by cell.
    public static func == (a: CellGrid, b: CellGrid) -> Bool {
        guard a.size == b.size else { return false }
        let columns = a.size.columns
        guard columns > 0 else { return true }
        let stride = MemoryLayout<Cell>.stride * columns
        return a.cells.withUnsafeBytes { left in
            b.cells.withUnsafeBytes { right in
                for y in 0..<a.size.rows {
                    if memcmp(left.baseAddress! + y * stride, right.baseAddress! + y * stride, stride) == 0 { continue }
                    let start = y * columns
                    for x in start..<(start + columns) where a.cells[x] != b.cells[x] { return false }
                }
                return true
            }
        }
    }

    public private(set) var size: TerminalSize
    public private(set) var cells: [Cell]

    public init(size: TerminalSize) {
        let clamped = TerminalSize(columns: max(0, size.columns), rows: max(0, size.rows))
        self.size = clamped
        self.cells = Array(repeating: .blank, count: clamped.columns * clamped.rows)
    }

    public var bounds: Rect { Rect(size: size) }

    /// Reads or replaces one cell. Reads outside the grid give a blank cell and
    /// writes outside are ignored, so a 1×1 terminal never traps. Replacing a
    /// cell directly does not repair wide glyphs; `write` does.
    public subscript(x x: Int, y y: Int) -> Cell {
        get {
            guard x >= 0, y >= 0, x < size.columns, y < size.rows else { return .blank }
            return cells[y * size.columns + x]
        }
        set {
            guard x >= 0, y >= 0, x < size.columns, y < size.rows else { return }
            cells[y * size.columns + x] = newValue
        }
    }

    /// Writes text from (x, y), at most `maxWidth` columns and never past the
    /// right edge, sanitising it on the way. A wide glyph that does not fit
    /// entirely is not drawn. Returns the number of columns used.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, maxWidth: Int, role: ThemeRole, attributes: CellAttributes = []
    ) -> Int {
        guard y >= 0, y < size.rows, x < size.columns, maxWidth > 0 else { return 0 }
        let limit = min(x + maxWidth, size.columns)
        if TerminalText.isPlainPrintableASCII(text) {
            return writeASCII(text, x: x, y: y, limit: limit, role: role, attributes: attributes)
        }
        if TerminalText.simpleTextWidth(text) != nil {
            return writeSimple(text, x: x, y: y, limit: limit, role: role, attributes: attributes)
        }
        var column = x
        var lastWritten: Int?
        let clean = TerminalText.sanitize(text)
        for cluster in clean {
            let clusterWidth = TerminalText.width(of: cluster)
            if clusterWidth == 0 {
                // A lone combining mark joins the glyph before it, if we drew one.
                if let previous = lastWritten {
                    cells[y * size.columns + previous].text.append(cluster)
                }
                continue
            }
            if column + clusterWidth > limit { break }
            if column >= 0 {
                place(String(cluster), width: clusterWidth, x: column, y: y, role: role, attributes: attributes)
                lastWritten = column
            }
            column += clusterWidth
        }
        return max(0, column - max(x, 0))
    }

    /// Writes text into a span of exactly `span` columns from (x, y), aligned left or right and cut with
    /// "…" when too wide; the span's other cells are left as they are. Same result as sanitising,
    /// truncating and writing, but the text is classified once, which is what a table cell needs.
    public mutating func write(
        _ text: String, x: Int, y: Int, span: Int, alignRight: Bool, role: ThemeRole, attributes: CellAttributes = []
    ) {
        guard y >= 0, y < size.rows, x < size.columns, span > 0, !text.isEmpty else { return }
        let limit = min(x + span, size.columns)
        if TerminalText.isPlainPrintableASCII(text), text.utf8.count <= span {
            let offset = alignRight ? span - text.utf8.count : 0
            writeASCII(text, x: x + offset, y: y, limit: limit, role: role, attributes: attributes)
        } else if let width = TerminalText.simpleTextWidth(text), width <= span {
            let offset = alignRight ? span - width : 0
            writeSimple(text, x: x + offset, y: y, limit: limit, role: role, attributes: attributes)
        } else {
            let fitted = TerminalText.truncate(TerminalText.sanitize(text), toWidth: span)
            let offset = alignRight ? span - TerminalText.width(fitted) : 0
            write(fitted, x: x + offset, y: y, maxWidth: span - offset, role: role, attributes: attributes)
        }
    }

    /// Fills a rectangle with one character (default space) in a role.
    public mutating func fill(_ rect: Rect, role: ThemeRole, attributes: CellAttributes = [], character: Character = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cell = Cell(text: String(character), role: role, attributes: attributes)
        for row in area.y..<area.maxY {
            // Cells at the edges may be halves of wide glyphs that straddle the rectangle.
            repairStraddlingGlyph(x: area.x, y: row)
            repairStraddlingGlyph(x: area.maxX, y: row)
            let start = row * size.columns
            for column in area.x..<area.maxX { cells[start + column] = cell }
        }
    }

    /// Changes the role (and adds attributes) of cells already drawn, e.g. to
    /// highlight a selected row without redrawing its text.
    public mutating func restyle(_ rect: Rect, role: ThemeRole, addingAttributes extra: CellAttributes = []) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            let start = row * size.columns
            for column in area.x..<area.maxX {
                cells[start + column].role = role
                cells[start + column].attributes.formUnion(extra)
            }
        }
    }

    /// Draws a single-line border around `rect`, with an optional title in the top edge.
    public mutating func drawBox(_ rect: Rect, role: ThemeRole, title: String? = nil, titleRole: ThemeRole? = nil) {
        guard rect.width >= 2, rect.height >= 2 else {
            fill(rect, role: role)
            return
        }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        write("┌" + horizontal + "┐", x: rect.x, y: rect.y, maxWidth: rect.width, role: role)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            write("│", x: rect.x, y: row, maxWidth: 1, role: role)
            write("│", x: rect.maxX - 1, y: row, maxWidth: 1, role: role)
        }
        write("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, maxWidth: rect.width, role: role)
        if let title, rect.width > 4 {
            let label = " " + TerminalText.truncate(TerminalText.sanitize(title), toWidth: rect.width - 4) + " "
            write(label, x: rect.x + 1, y: rect.y, maxWidth: rect.width - 2, role: titleRole ?? role, attributes: .bold)
        }
    }

    /// One whole row's cells.
    func row(_ y: Int) -> [Cell] {
        guard y >= 0, y < size.rows else { return [] }
        return Array(cells[(y * size.columns)..<((y + 1) * size.columns)])
    }

    /// Replaces one whole row with cells taken from `row(_:)` of a grid as wide: whole rows carry
    /// their wide glyphs complete, so nothing needs repairing.
    mutating func replaceRow(_ y: Int, with row: [Cell]) {
        guard y >= 0, y < size.rows, row.count == size.columns else { return }
        let start = y * size.columns
        cells.withUnsafeMutableBufferPointer { target in
            row.withUnsafeBufferPointer { source in
                for offset in 0..<source.count { target[start + offset] = source[offset] }
            }
        }
    }

    /// Each row as text, for tests: continuation cells add nothing, so every
    /// line is exactly `size.columns` columns wide (trailing spaces kept).
    public func lines() -> [String] {
        (0..<size.rows).map(line)
    }

    public func line(_ row: Int) -> String {
        guard row >= 0, row < size.rows else { return "" }
        var text = ""
        let start = row * size.columns
        for column in 0..<size.columns { text += cells[start + column].text }
        return text
    }

    /// The roles of one row, for tests that check colouring.
    public func roles(row: Int) -> [ThemeRole] {
        guard row >= 0, row < size.rows else { return [] }
        let start = row * size.columns
        return cells[start..<(start + size.columns)].map(\.role)
    }

    /// Printable ASCII is one byte, one column, one cell: no grapheme breaking or width lookups. Most of a
    /// frame is ASCII (amounts, ids, statuses, chrome), so this is the path that keeps frames cheap.
    @discardableResult
    private mutating func writeASCII(_ text: String, x: Int, y: Int, limit: Int, role: ThemeRole, attributes: CellAttributes) -> Int {
        let first = max(x, 0)
        let end = min(limit, x + text.utf8.count)
        guard end > first else { return 0 }
        repairStraddlingGlyph(x: first, y: y)
        repairStraddlingGlyph(x: end, y: y)
        let texts = Self.asciiTexts
        let row = y * size.columns
        var column = x
        for byte in text.utf8 {
            if column >= end { break }
            if column >= 0 { cells[row + column] = Cell(text: texts[Int(byte)], role: role, attributes: attributes) }
            column += 1
        }
        return end - first
    }

    /// Text of simple scalars (see `TerminalText.simpleTextWidth`): each scalar is one glyph of 1 or 2
    /// columns, so only the run's two ends can cut a wide glyph already on screen.
    @discardableResult
    private mutating func writeSimple(_ text: String, x: Int, y: Int, limit: Int, role: ThemeRole, attributes: CellAttributes) -> Int {
        let texts = Self.asciiTexts
        let row = y * size.columns
        var column = x
        var repairedStart = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let scalarWidth = value < 0x300 ? 1 : TerminalText.scalarWidth(scalar)
            if column + scalarWidth > limit { break }
            if column >= 0 {
                if !repairedStart {
                    repairStraddlingGlyph(x: column, y: y)
                    repairedStart = true
                }
                cells[row + column] = Cell(text: value < 0x80 ? texts[Int(value)] : String(scalar), role: role, attributes: attributes)
                if scalarWidth == 2 { cells[row + column + 1] = Cell(text: "", role: role, attributes: attributes) }
            }
            column += scalarWidth
        }
        // The glyph that started under our last cell is gone: a continuation right after the run is an orphan.
        if repairedStart, column > 0, column < size.columns, cells[row + column].isContinuation { cells[row + column].text = " " }
        return max(0, column - max(x, 0))
    }

    /// One small string per ASCII byte, made once, so a cell's text costs no allocation or parsing.
    private static let asciiTexts: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    // MARK: - Wide glyph bookkeeping

    private mutating func place(_ text: String, width: Int, x: Int, y: Int, role: ThemeRole, attributes: CellAttributes) {
        repairStraddlingGlyph(x: x, y: y)
        repairStraddlingGlyph(x: x + width, y: y)
        let index = y * size.columns + x
        cells[index] = Cell(text: text, role: role, attributes: attributes)
        if width == 2 {
            cells[index + 1] = Cell(text: "", role: role, attributes: attributes)
        }
    }

    /// If a wide glyph starts at x-1 and its trailing half is at x, a write that
    /// begins (or ends) at x would cut it: blank the whole glyph instead.
    private mutating func repairStraddlingGlyph(x: Int, y: Int) {
        guard x > 0, x < size.columns else { return }
        let index = y * size.columns + x
        guard cells[index].isContinuation else { return }
        cells[index - 1].text = " "
        cells[index].text = " "
    }
}
