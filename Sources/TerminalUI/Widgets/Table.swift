/// Which side of its column a value sits on; amounts are right-aligned so digits line up.
public enum TableAlignment: Sendable, Hashable {
    case left, right
}

/// A column declared as data: how wide it may be, how it aligns, and how
/// important it is when the terminal is too narrow for all columns.
public struct TableColumn: Sendable, Hashable {
    public var title: String
    /// Never narrower than this while shown.
    public var minWidth: Int
    /// Never wider than this (nil: no limit).
    public var maxWidth: Int?
    /// Share of the spare columns this column receives (0: stays at `minWidth`).
    public var flex: Int
    public var alignment: TableAlignment
    /// Columns with the lowest priority are hidden first when space runs out.
    public var priority: Int

    public init(
        _ title: String, minWidth: Int, maxWidth: Int? = nil, flex: Int = 0,
        alignment: TableAlignment = .left, priority: Int = 0
    ) {
        self.title = title
        self.minWidth = max(1, minWidth)
        self.maxWidth = maxWidth.map { max($0, max(1, minWidth)) }
        self.flex = max(0, flex)
        self.alignment = alignment
        self.priority = priority
    }
}

/// One row's text, one string per column (extra strings are ignored, missing
/// ones are blank), with an optional role per cell (e.g. a status colour).
public struct TableRow: Sendable, Hashable {
    public var cells: [String]
    public var role: ThemeRole
    public var cellRoles: [ThemeRole?]
    public var attributes: CellAttributes

    public init(_ cells: [String], role: ThemeRole = .normal, cellRoles: [ThemeRole?] = [], attributes: CellAttributes = []) {
        self.cells = cells
        self.role = role
        self.cellRoles = cellRoles
        self.attributes = attributes
    }
}

/// A header line plus rows. Rows are asked for by index, so drawing costs the
/// visible rows only, however many are loaded.
public struct Table: Sendable {
    public let columns: [TableColumn]
    /// Blank columns between two shown columns.
    public let spacing: Int
    public var headerRole: ThemeRole
    public var selectionRole: ThemeRole
    /// Shared by copies of this table: its lines depend on `columns` and `spacing`, which are constant.
    private let lineMemo = TableLineMemo()

    public init(columns: [TableColumn], spacing: Int = 1, headerRole: ThemeRole = .header, selectionRole: ThemeRole = .selection) {
        self.columns = columns
        self.spacing = max(0, spacing)
        self.headerRole = headerRole
        self.selectionRole = selectionRole
    }

    /// Width of each column for a total width; nil for a hidden column.
    /// Lowest-priority columns go first (rightmost first among equals); spare
    /// width is shared by flex weight up to each column's maximum.
    public func layout(width: Int) -> [Int?] {
        guard width > 0, !columns.isEmpty else { return columns.map { _ in nil } }
        var shown = Array(columns.indices)
        func needed(_ indices: [Int]) -> Int {
            indices.reduce(0) { $0 + columns[$1].minWidth } + spacing * max(0, indices.count - 1)
        }
        while shown.count > 1, needed(shown) > width {
            let victim = shown.min { a, b in
                columns[a].priority != columns[b].priority ? columns[a].priority < columns[b].priority : a > b
            }!
            shown.removeAll { $0 == victim }
        }
        var widths: [Int?] = columns.map { _ in nil }
        for index in shown { widths[index] = min(columns[index].minWidth, width) }
        var spare = width - needed(shown)
        // Hand out spare columns by flex weight, in rounds, so capped columns pass their share on.
        while spare > 0 {
            let growable = shown.filter { index in
                columns[index].flex > 0 && (columns[index].maxWidth.map { widths[index]! < $0 } ?? true)
            }
            guard !growable.isEmpty else { break }
            let totalFlex = growable.reduce(0) { $0 + columns[$1].flex }
            var given = 0
            for index in growable {
                var share = spare * columns[index].flex / totalFlex
                if share == 0 { share = (given < spare) ? 1 : 0 }
                if let cap = columns[index].maxWidth { share = min(share, cap - widths[index]!) }
                share = min(share, spare - given)
                widths[index]! += share
                given += share
            }
            if given == 0 { break }
            spare -= given
        }
        return widths
    }

    /// Rows of data that fit under the header in `rect`.
    public func visibleRowCount(in rect: Rect) -> Int { max(0, rect.height - 1) }

    /// Draws the header and rows `firstRow ..< firstRow + visibleRowCount` (those
    /// that exist); `row(i)` is called only for those. Returns the layout used.
    @discardableResult
    public func draw(
        into grid: inout CellGrid, rect: Rect, rowCount: Int, firstRow: Int, selectedRow: Int?,
        row: (Int) -> TableRow
    ) -> [Int?] {
        guard !rect.isEmpty else { return columns.map { _ in nil } }
        let widths = layout(width: rect.width)
        drawLine(into: &grid, y: rect.y, x: rect.x, width: rect.width, widths: widths,
                 texts: columns.map(\.title), role: headerRole, cellRoles: [], attributes: .bold)
        let first = max(0, firstRow)
        let visible = visibleRowCount(in: rect)
        for offset in 0..<visible {
            let index = first + offset
            guard index < rowCount else {
                // Each drawn line fills itself; only the rows below the data are cleared here.
                grid.fill(Rect(x: rect.x, y: rect.y + 1 + offset, width: rect.width, height: visible - offset), role: .normal)
                break
            }
            let data = row(index)
            let isSelected = index == selectedRow
            drawLine(into: &grid, y: rect.y + 1 + offset, x: rect.x, width: rect.width, widths: widths,
                     texts: data.cells, role: isSelected ? selectionRole : data.role,
                     cellRoles: isSelected ? [] : data.cellRoles, attributes: data.attributes)
        }
        return widths
    }

    /// Convenience for a small, fully loaded list.
    @discardableResult
    public func draw(into grid: inout CellGrid, rect: Rect, rows: [TableRow], firstRow: Int = 0, selectedRow: Int? = nil) -> [Int?] {
        draw(into: &grid, rect: rect, rowCount: rows.count, firstRow: firstRow, selectedRow: selectedRow) { rows[$0] }
    }

    private func drawLine(
        into grid: inout CellGrid, y: Int, x: Int, width: Int, widths: [Int?], texts: [String],
        role: ThemeRole, cellRoles: [ThemeRole?], attributes: CellAttributes
    ) {
        let wholeWidth = x == 0 && width == grid.size.columns && y >= 0 && y < grid.size.rows
        let key = wholeWidth ? TableLineMemo.Key(texts: texts, widths: widths, role: role, cellRoles: cellRoles,
                                                 attributes: attributes, width: width) : nil
        if let key, let cells = lineMemo.cells(key, row: y) {
            grid.replaceRow(y, with: cells)
            return
        }
        defer { if let key { lineMemo.keep(grid.row(y), for: key, row: y) } }
        grid.fill(Rect(x: x, y: y, width: width, height: 1), role: role, attributes: attributes)
        var column = x
        var first = true
        for (index, maybeWidth) in widths.enumerated() {
            guard let columnWidth = maybeWidth else { continue }
            if !first { column += spacing }
            first = false
            let remaining = x + width - column
            guard remaining > 0 else { break }
            // Fit the text and place it; the padding is the cells' own blanks (the line was filled above),
            // restyled when the cell has a role of its own, so no padded string is built per cell.
            let span = min(columnWidth, remaining)
            let cellRole = (index < cellRoles.count ? cellRoles[index] : nil) ?? role
            if cellRole != role { grid.restyle(Rect(x: column, y: y, width: span, height: 1), role: cellRole) }
            if index < texts.count {
                grid.write(texts[index], x: column, y: y, span: span, alignRight: columns[index].alignment == .right,
                           role: cellRole, attributes: attributes)
            }
            column += columnWidth
        }
    }
}
