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
            let line = TerminalText.pad(keys.joined(separator: "/"), toWidth: 14) + command.title
            let group: Int
            switch command {
            case .cursorDown, .cursorUp, .pageDown, .pageUp, .top, .bottom, .open, .back, .quit, .openPalette, .showHelp: group = 0
            case _ where command.isDangerous: group = 2
            default: group = 1
            }
            grouped[group].1.append(line)
        }
        if state.readOnly { grouped[2].1 = ["read-only: capture, cancel and refund are off"] }
        if case .list(let kind) = state.screen, !kind.quickStatuses.isEmpty {
            grouped[1].1.append("digits 1-\(kind.quickStatuses.count): " + kind.quickStatuses.joined(separator: ", "))
        }
        var lines: [(String, ThemeRole)] = []
        for (title, items) in grouped where !items.isEmpty {
            if !lines.isEmpty { lines.append(("", .help)) }
            lines.append((title, .header))
            lines += items.map { ($0, .help) }
        }
        lines.append(("", .help))
        lines.append((":pi [status…] [today|yesterday|7d|since DATE]  :cus  :sub  :re  :log  :refresh N", .dim))
        let size = grid.size
        let width = min(size.columns - 4, 84)
        let height = min(size.rows - 2, lines.count + 2)
        let box = Rect(x: (size.columns - width) / 2, y: max(1, (size.rows - height) / 2), width: width, height: height)
        grid.fill(box, role: .help)
        grid.drawBox(box, role: .border, title: "Help — \(state.screen.crumb) (any key closes)", titleRole: .title)
        let column = width - 4
        for (offset, line) in lines.prefix(height - 2).enumerated() {
            grid.write(TerminalText.truncate(line.0, toWidth: column), x: box.x + 2, y: box.y + 1 + offset, maxWidth: column, role: line.1,
                       attributes: line.1 == .header ? .bold : [])
        }
    }
}
