import Foundation
import ConsoleCore

/// The short list `:find` shows when several objects match; one line per object, enter opens it.
enum FoundScreen {
    static func draw(_ state: ConsoleState, _ list: FoundList, into grid: inout CellGrid) {
        let width = grid.size.columns, rows = grid.size.rows
        let bodyRows = Chrome.drawListTop(state, into: &grid, title: "Find")
        let format = ScreenFormat(state: state)
        grid.write(TerminalText.truncate(state.breadcrumb.joined(separator: " > "), toWidth: width), x: 0, y: 1, maxWidth: width, role: .dim)
        let body = Rect(x: 0, y: 2, width: width, height: bodyRows + 1)
        grid.fill(body, role: .normal)
        grid.write(TerminalText.truncate(list.title, toWidth: width - 1), x: 1, y: body.y, maxWidth: width - 1, role: .header, attributes: .bold)
        for (offset, object) in list.objects.dropFirst(list.scroll).prefix(bodyRows).enumerated() {
            let index = list.scroll + offset
            let y = body.y + 1 + offset
            let selected = index == list.cursor
            if selected { grid.fill(Rect(x: 0, y: y, width: width, height: 1), role: .selection) }
            let text = "  " + DetailScreen.summary(object, format)
            grid.write(TerminalText.truncate(text, toWidth: width - 1), x: 1, y: y, maxWidth: width - 1, role: selected ? .selection : .normal)
        }
        grid.fill(Rect(x: 0, y: rows - 3, width: width, height: 1), role: .dim)
        let more = list.hasMore ? " · more on the server: narrow the search" : ""
        grid.write(TerminalText.truncate("\(list.cursor + 1) of \(list.objects.count)\(more) · enter opens · esc back", toWidth: width),
                   x: 0, y: rows - 3, maxWidth: width, role: .dim)
        Chrome.drawFlash(state, into: &grid, y: rows - 2, width: width)
        Chrome.drawFooter(state, into: &grid, y: rows - 1, width: width)
    }
}
