import ConsoleCore

/// A screen's worth of cells. Everything is drawn here first; a backend copies
/// the grid (or only the cells that changed) to the terminal, and tests read it
/// back line by line.
public struct CellGrid: Sendable, Equatable {
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
        var column = x
        var lastWritten: Int?
        let clean = TerminalText.isPlainPrintableASCII(text) ? text : TerminalText.sanitize(text)
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
