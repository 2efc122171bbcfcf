import Foundation
import ConsoleCore

/// Every request the console made: time, method, path, status, latency; errors stand out.
enum APILogScreen {
    static let table = Table(columns: [
        TableColumn("Time", minWidth: 8, priority: 90),
        TableColumn("Method", minWidth: 6, priority: 80),
        TableColumn("Path", minWidth: 20, flex: 1, priority: 100),
        TableColumn("Status", minWidth: 6, alignment: .right, priority: 95),
        TableColumn("Latency", minWidth: 8, alignment: .right, priority: 70),
        TableColumn("Error", minWidth: 12, maxWidth: 40, flex: 1, priority: 40),
    ])

    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        let width = grid.size.columns, rows = grid.size.rows
        let bodyRows = Chrome.drawListTop(state, into: &grid, title: "API log")
        let format = ScreenFormat(state: state)
        let errors = state.apiLog.count(where: \.isError)
        grid.write("\(state.apiLog.count) requests this session · \(errors) with errors · newest last", x: 0, y: 1, maxWidth: width, role: .dim)
        let first = state.apiLogScroll
        let count = max(0, min(bodyRows, state.apiLog.count - first))
        table.draw(into: &grid, rect: Rect(x: 0, y: 2, width: width, height: bodyRows + 1), rowCount: count, firstRow: 0,
                   selectedRow: state.apiLog.isEmpty ? nil : state.apiLogCursor - first) { index in
            let entry = state.apiLog[first + index]
            let ms = Double(entry.latency.components.seconds) * 1000 + Double(entry.latency.components.attoseconds) / 1e15
            return TableRow([format.clock(entry.startedAt), entry.method, entry.path, entry.statusCode.map(String.init) ?? "—",
                             String(format: "%.0f ms", ms), entry.errorSummary ?? ""],
                            role: entry.isError ? .flashError : .normal)
        }
        if state.apiLog.isEmpty {
            grid.write("No requests yet.", x: 2, y: 4, maxWidth: width - 4, role: .dim)
        }
        grid.fill(Rect(x: 0, y: rows - 3, width: width, height: 1), role: .dim)
        Chrome.drawFlash(state, into: &grid, y: rows - 2, width: width)
        Chrome.drawFooter(state, into: &grid, y: rows - 1, width: width)
    }
}
