import Foundation
import ConsoleCore

/// `:ctx`: the profiles of config.toml in a box over the screen, the one in use marked with "*".
enum ContextPickerView {
    static func draw(_ picker: ContextPicker, state: ConsoleState, into grid: inout CellGrid) {
        let size = grid.size
        let nameWidth = min(24, state.profiles.map { TerminalText.width(TerminalText.sanitize($0.name)) }.max() ?? 4)
        func line(_ profile: ProfileDescription) -> String {
            let current = profile.name == state.profileName ? "*" : " "
            let name = TerminalText.pad(TerminalText.truncate(TerminalText.sanitize(profile.name), toWidth: nameWidth), toWidth: nameWidth)
            let mode = TerminalText.pad(profile.mode.label, toWidth: 8)
            let access = TerminalText.pad(profile.readOnly ? "read-only" : "", toWidth: 10)
            return "\(current) \(name)  \(mode) \(access) \(TerminalText.sanitize(profile.merchantNo ?? "-"))"
        }
        let hint = picker.opening.map { "opening \(TerminalText.sanitize($0))…" } ?? "enter switch · esc close"
        let lines = state.profiles.map(line)
        let inner = min(max(lines.map(TerminalText.width).max() ?? 0, TerminalText.width(hint), 20), size.columns - 4)
        let visibleRows = max(1, min(lines.count, size.rows - 6))
        let box = grid.bounds.centered(width: inner + 4, height: visibleRows + 4)
        grid.fill(box, role: .dialog)
        grid.drawBox(box, role: .dialog, title: "Profiles", titleRole: .dialog)
        let first = min(max(0, picker.cursor - visibleRows + 1), max(0, lines.count - visibleRows))
        for (row, index) in (first..<min(lines.count, first + visibleRows)).enumerated() {
            let focused = index == picker.cursor
            let profile = state.profiles[index]
            let role: ThemeRole = focused ? .dialogFocus : (profile.mode == .live ? .modeLive : .dialog)
            grid.write(TerminalText.pad(TerminalText.truncate(lines[index], toWidth: inner), toWidth: inner),
                       x: box.x + 2, y: box.y + 1 + row, maxWidth: inner, role: role, attributes: focused ? .bold : [])
        }
        grid.write(TerminalText.truncate(hint, toWidth: inner), x: box.x + 2, y: box.maxY - 2, maxWidth: inner, role: .dialog)
    }
}
