import Foundation
import ConsoleCore

/// The lines around every screen: title bar, status line, flash line and key hints / input line.
enum Chrome {
    /// The top of a full-screen list: the title bar and a cleared line under it for the caller's subtitle.
    /// Returns how many rows the list's body has.
    static func drawListTop(_ state: ConsoleState, into grid: inout CellGrid, title: String) -> Int {
        drawTitle(state, into: &grid, width: grid.size.columns, title: title)
        grid.fill(Rect(x: 0, y: 1, width: grid.size.columns, height: 1), role: .normal)
        return ConsoleState.listBodyRows(for: grid.size)
    }

    static func drawTitle(_ state: ConsoleState, into grid: inout CellGrid, width: Int, title: String) {
        grid.fill(Rect(x: 0, y: 0, width: width, height: 1), role: .title)
        let mode = " \(state.mode.label) "
        var right = state.readOnly ? " read-only " : ""
        right += "\(state.profileName) "
        let modeWidth = TerminalText.width(mode)
        let rightWidth = TerminalText.width(right)
        let leftWidth = max(0, width - modeWidth - rightWidth - 1)
        grid.write(TerminalText.truncate("useepay  " + title, toWidth: leftWidth), x: 0, y: 0, maxWidth: leftWidth, role: .title, attributes: .bold)
        let modeX = width - modeWidth - rightWidth
        grid.write(mode, x: modeX, y: 0, maxWidth: modeWidth, role: state.mode == .live ? .modeLive : .modeSandbox, attributes: .bold)
        grid.write(right, x: modeX + modeWidth, y: 0, maxWidth: rightWidth, role: state.readOnly ? .warning : .title)
    }

    static func drawFlash(_ state: ConsoleState, into grid: inout CellGrid, y: Int, width: Int) {
        grid.fill(Rect(x: 0, y: y, width: width, height: 1), role: .normal)
        guard let flash = state.flash else { return }
        let role: ThemeRole
        switch flash.kind {
        case .info: role = .flashInfo
        case .success: role = .flashSuccess
        case .error: role = .flashError
        }
        grid.write(TerminalText.truncate(flash.text, toWidth: width), x: 0, y: y, maxWidth: width, role: role)
    }

    /// Bottom line: what is being typed, or the most useful keys of this screen.
    static func drawFooter(_ state: ConsoleState, into grid: inout CellGrid, y: Int, width: Int) {
        grid.fill(Rect(x: 0, y: y, width: width, height: 1), role: .help)
        if let input = state.input {
            let prefix: String
            switch input.purpose {
            case .palette: prefix = ":"
            case .filter: prefix = "/"
            }
            let text = prefix + TerminalText.sanitize(input.text)
            // Keep the end of a long line (where the cursor is) visible.
            var shown = text
            while TerminalText.width(shown) > width - 1, !shown.isEmpty { shown.removeFirst() }
            let used = grid.write(shown, x: 0, y: y, maxWidth: width, role: .input)
            grid.write(" ", x: used, y: y, maxWidth: 1, role: .input, attributes: .reverse)
            if state.filterOffersServerSearch, used + 4 < width {
                grid.write("  nothing loaded matches · enter searches the server", x: used + 1, y: y, maxWidth: width - used - 1, role: .dim)
            }
            return
        }
        let wanted: [ConsoleCommand] = [.open, .back, .openFilter, .openPalette, .showHelp, .capture, .refund, .cancelPayment, .cancelSubscription, .toggleRawJSON, .quit]
        var hints: [String] = []
        let offered = Set(state.offeredActions.map(\.command))
        for command in wanted {
            if command == .back, state.stack.count == 1 { continue }
            if command.isDangerous, !offered.contains(command) { continue }
            guard let binding = state.helpBindings.first(where: { $0.command == command }) else { continue }
            hints.append("\(binding.key) \(shortTitle(command))")
        }
        grid.write(TerminalText.truncate(hints.joined(separator: "  "), toWidth: width), x: 0, y: y, maxWidth: width, role: .help)
    }

    static func shortTitle(_ command: ConsoleCommand) -> String {
        switch command {
        case .open: return "open"
        case .back: return "back"
        case .openFilter: return "filter"
        case .openPalette: return "cmd"
        case .showHelp: return "help"
        case .capture: return "capture"
        case .refund: return "refund"
        case .cancelPayment, .cancelSubscription: return "cancel"
        case .toggleRawJSON: return "raw"
        case .quit: return "quit"
        default: return command.title
        }
    }

    /// "row 73,412 of 100,000" (or "of 12,300+" until the end is known), "all loaded", load errors,
    /// plus filter, sort, marks and refresh. A read in the background (prefetch) does not change the
    /// line, so a cursor move rewrites only the row number.
    static func drawListStatus(_ state: ConsoleState, list: ObjectList, noun: String, into grid: inout CellGrid, y: Int, width: Int, bodyRows: Int) {
        grid.fill(Rect(x: 0, y: y, width: width, height: 1), role: .dim)
        var left: String
        // Plain, not dim: a cursor move rewrites the row number here, and a plain digit costs half the
        // bytes of a coloured one.
        var role: ThemeRole = .normal
        let shown = list.visible.count
        let position = "row \(list.cursorRow.map(RowCount.grouped) ?? "0") of \(list.totalText)"
        switch list.phase {
        case .failed(let page, let failure):
            left = "! page \(page + 1) failed: \(failure.description) — ctrl-r retries"
            role = .flashError
        case .loading(let page) where list.count == 0:
            left = page == 0 ? "loading \(noun)…" : "loading page \(page + 1)…"
        case .loading, .idle:
            if list.count == 0 && !list.hasMore {
                left = "no \(noun)"
            } else if let seek = list.seek {
                left = "\(position) · finding the end (page \(RowCount.grouped(seek.nextProbe + 1))…)"
            } else if list.pendingJump != nil {
                left = "\(position) · jumping…"
            } else {
                left = position + (list.allLoaded ? " · all loaded" : "")
            }
        }
        if case .failed = list.phase {} else if shown != list.count { left += " · \(shown) shown (\(list.count - shown) filtered out)" }
        var right: [String] = []
        if !list.filterText.isEmpty { right.append("/\(list.filterText)") }
        if let status = list.statusFilter { right.append(status) }
        if let sort = list.sort { right.append("sort \(sort.column) \(sort.descending ? "desc" : "asc")") }
        if !list.marks.isEmpty {
            let hidden = list.hiddenMarkCount
            right.append("\(list.marks.count) marked" + (hidden > 0 ? " (\(hidden) hidden by the filter)" : ""))
        }
        if state.refreshIntervalSeconds > 0 { right.append(state.refreshPaused ? "paused" : "live \(state.refreshIntervalSeconds)s") }
        let rightText = right.joined(separator: " · ")
        let rightWidth = min(TerminalText.width(rightText), max(0, width / 2))
        let leftWidth = max(0, width - rightWidth - (rightWidth > 0 ? 1 : 0))
        grid.write(TerminalText.truncate(left, toWidth: leftWidth), x: 0, y: y, maxWidth: leftWidth, role: role)
        if rightWidth > 0 {
            grid.write(TerminalText.truncate(rightText, toWidth: rightWidth), x: width - rightWidth, y: y, maxWidth: rightWidth, role: .dim)
        }
    }

    /// Row role: cursor > in flight > marked > new/changed > normal.
    static func rowRole(_ list: ObjectList, id: String, pending: Bool) -> ThemeRole {
        if pending { return .inFlight }
        if list.isMarked(id) { return .marked }
        switch list.highlights[id] {
        case .new?: return .newRow
        case .changed?: return .changedRow
        case nil: return .normal
        }
    }

    static func marker(_ list: ObjectList, id: String) -> String {
        if list.isMarked(id) { return "*" }
        switch list.highlights[id] {
        case .new?: return "+"
        case .changed?: return "~"
        case nil: return " "
        }
    }
}

