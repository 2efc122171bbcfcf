import Foundation
import ConsoleCore

/// `?`: the keys of the current screen, read from the live keymap (so remapped keys show as remapped,
/// and read-only mode shows no money moves).
enum HelpView {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        var grouped: [(String, [String])] = [("Move", []), ("Lists", []), ("Money (asks to confirm)", [])]
        var seen: [ConsoleCommand: Int] = [:]
        var entries: [(ConsoleCommand, [String])] = []
        for binding in state.helpBindings {
            if let index = seen[binding.command] {
                entries[index].1.append(binding.key.description)
            } else {
                seen[binding.command] = entries.count
                entries.append((binding.command, [binding.key.description]))
            }
        }
        for (command, keys) in entries {
            var title = command.title
            if let index = command.quickFilterIndex, index > 0, case .list(let kind) = state.screen {
                guard kind.quickStatuses.indices.contains(index - 1) else { continue }
                title = "only " + kind.quickStatuses[index - 1]
            }
            let line = TerminalText.pad(keys.joined(separator: "/"), toWidth: 10) + title
            let group: Int
            switch command {
            case .cursorDown, .cursorUp, .pageDown, .pageUp, .top, .bottom, .open, .back, .quit, .openPalette, .showHelp: group = 0
            case _ where command.isDangerous: group = 2
            default: group = 1
            }
            grouped[group].1.append(line)
        }
        if state.readOnly { grouped[2].1 = ["off: read-only mode"] }
        var lines: [(String, ThemeRole)] = []
        for (title, items) in grouped where !items.isEmpty {
            if !lines.isEmpty { lines.append(("", .help)) }
            lines.append((title, .header))
            lines += items.map { ($0, .help) }
        }
        lines.append(("", .help))
        lines.append((":pi [status…] [today|yesterday|7d|since DATE]  :cus  :sub  :re  :log  :refresh N", .dim))
        let size = grid.size
        let width = min(size.columns - 4, 100)
        let room = size.rows - 4
        // Two columns when one would not fit; the palette hint always spans the bottom line.
        let footer = lines.removeLast()
        _ = lines.popLast()
        let columns = lines.count > room - 1 ? 2 : 1
        let perColumn = (lines.count + columns - 1) / columns
        let height = min(size.rows - 2, perColumn + 4)
        let box = Rect(x: (size.columns - width) / 2, y: max(1, (size.rows - height) / 2), width: width, height: height)
        grid.fill(box, role: .help)
        grid.drawBox(box, role: .border, title: "Help — \(state.screen.crumb) (any key closes)", titleRole: .title)
        let columnWidth = (width - 4) / columns
        for (index, line) in lines.enumerated() {
            let column = index / perColumn
            let row = index % perColumn
            guard row < height - 4 else { continue }
            grid.write(TerminalText.truncate(line.0, toWidth: columnWidth - 1), x: box.x + 2 + column * columnWidth, y: box.y + 1 + row,
                       maxWidth: columnWidth - 1, role: line.1, attributes: line.1 == .header ? .bold : [])
        }
        grid.write(TerminalText.truncate(footer.0, toWidth: width - 4), x: box.x + 2, y: box.maxY - 2, maxWidth: width - 4, role: footer.1)
    }
}
