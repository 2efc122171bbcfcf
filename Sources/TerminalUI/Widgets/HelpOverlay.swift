/// One key and what it does, as shown in help.
public struct HelpEntry: Sendable, Hashable {
    public var key: String
    public var description: String

    public init(key: String, description: String) {
        self.key = key; self.description = description
    }
}

/// One group of keys in the help overlay ("Navigation", "Actions"…).
public struct HelpSection: Sendable, Hashable {
    public var title: String
    public var entries: [HelpEntry]

    public init(title: String, entries: [HelpEntry]) {
        self.title = title; self.entries = entries
    }
}

/// `?` help: a box with a two-column table (key, what it does), grouped in
/// sections. Content that does not fit scrolls with `firstLine`.
public struct HelpOverlay: Sendable, Hashable {
    public var title: String
    public var sections: [HelpSection]
    public var firstLine: Int

    public init(title: String = "Help", sections: [HelpSection], firstLine: Int = 0) {
        self.title = title; self.sections = sections; self.firstLine = firstLine
    }

    /// The lines of the table, without the box, for a given inside width.
    public func contentLines(width: Int) -> [(text: String, role: ThemeRole)] {
        let keyWidth = min(
            sections.flatMap { $0.entries.map { TerminalText.width(TerminalText.sanitize($0.key)) } }.max() ?? 0,
            max(1, width / 2)
        )
        var lines: [(String, ThemeRole)] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append(("", .help)) }
            lines.append((TerminalText.truncate(TerminalText.sanitize(section.title), toWidth: width), .header))
            for entry in section.entries {
                let key = TerminalText.pad(TerminalText.sanitize(entry.key), toWidth: keyWidth)
                let description = TerminalText.truncate(TerminalText.sanitize(entry.description), toWidth: max(0, width - keyWidth - 2))
                lines.append((key + "  " + description, .help))
            }
        }
        return lines
    }

    public func draw(into grid: inout CellGrid, within area: Rect) {
        guard area.width >= 4, area.height >= 3 else {
            grid.fill(area, role: .help)
            return
        }
        let naturalWidth = contentLines(width: 200).map { TerminalText.width($0.text) }.max() ?? 0
        let innerWidth = min(max(naturalWidth, TerminalText.width(title) + 2), area.width - 4)
        let all = contentLines(width: innerWidth)
        let innerHeight = min(all.count, area.height - 2)
        let box = area.centered(width: innerWidth + 4, height: innerHeight + 2)
        grid.fill(box, role: .help)
        let start = min(max(0, firstLine), max(0, all.count - innerHeight))
        let more = all.count > innerHeight ? " (\(start + 1)-\(start + innerHeight) of \(all.count))" : ""
        grid.drawBox(box, role: .border, title: title + more, titleRole: .title)
        for row in 0..<innerHeight {
            let line = all[start + row]
            grid.write(line.text, x: box.x + 2, y: box.y + 1 + row, maxWidth: innerWidth, role: line.role)
        }
    }
}
