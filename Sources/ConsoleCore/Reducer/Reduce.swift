import Foundation
import UseePay

/// The console's whole behaviour: given the state and one event, change the state and say which I/O
/// should happen. Pure: no clocks, no randomness, no network (time comes in as `state.now`).
public func reduce(_ state: inout ConsoleState, _ event: ConsoleEvent) -> [ConsoleEffect] {
    switch event {
    case .started:
        return Reducer.start(&state)
    case .key(let key):
        return Reducer.handleKey(&state, key)
    case .resized(let size):
        state.size = size
        Reducer.keepCursorsVisible(&state)
        return []
    case .refreshTick:
        return Reducer.refreshTick(&state)
    case .effectResult(let result):
        return Reducer.handle(&state, result)
    case .apiRequest(let entry):
        Reducer.showRetryNotice(&state, entry)
        state.apiLog.append(entry)
        if state.apiLog.count > ConsoleState.apiLogLimit {
            let excess = state.apiLog.count - ConsoleState.apiLogLimit
            state.apiLog.removeFirst(excess)
            state.apiLogCursor = max(0, state.apiLogCursor - excess)
            state.apiLogScroll = max(0, state.apiLogScroll - excess)
        }
        return []
    case .exportProgress(let request, let rows):
        Reducer.exportProgressed(&state, request, rows: rows)
        return []
    case .journalRecovered(let entries):
        return Reducer.recover(&state, entries)
    case .clipboardCopied(let text):
        state.flash = Flash("Copied \(text)", .success)
        if let ref = Reducer.selectedRef(state), let link = state.dashboard.link(for: ref), link.url == text, !link.opensObject {
            state.flash = Flash("Copied \(text) (the dashboard's home: search for \(ref.id) there)", .success)
        }
        return []
    }
}

enum Reducer {
    static func handleKey(_ state: inout ConsoleState, _ key: KeyPress) -> [ConsoleEffect] {
        if key != .char("q") { state.quitArmed = false }
        guard state.size.isUsable else {
            // Too small to show what an action would do: only quitting works.
            if key == .char("q") || key == .ctrl("c") { return [.quit] }
            state.flash = Flash("Window too small (\(state.size)); need \(TerminalSize.minimum)", .error)
            return []
        }
        if state.dialog != nil { return dialogKey(&state, key) }
        if state.contextPicker != nil { return contextKey(&state, key) }
        if state.input != nil { return inputKey(&state, key) }
        if state.showingHelp {
            state.showingHelp = false
            return []
        }
        guard let command = state.keymap.command(for: key, in: state.keyContext) else {
            if key == .ctrl("c") { return quit(&state) }
            return []
        }
        return perform(&state, command, key: key)
    }

    static func perform(_ state: inout ConsoleState, _ command: ConsoleCommand, key: KeyPress) -> [ConsoleEffect] {
        if case .glance = state.screen, let effects = glanceCommand(&state, command) { return effects }
        if command.isDangerous, state.readOnly {
            state.flash = Flash("Read-only: \(command.title) is disabled", .error)
            return []
        }
        switch command {
        case .cursorDown: return moveCursor(&state, by: 1)
        case .cursorUp: return moveCursor(&state, by: -1)
        case .pageDown: return moveCursor(&state, by: state.listBodyRows)
        case .pageUp: return moveCursor(&state, by: -state.listBodyRows)
        case .top: return jump(&state, to: .top)
        case .bottom: return jump(&state, to: .bottom)
        case .open: return open(&state)
        case .back: return back(&state)
        case .quit: return quit(&state)
        case .openPalette:
            state.input = InputLine(purpose: .palette, text: "")
            return []
        case .openFilter:
            state.input = InputLine(purpose: .filter(previous: currentFilterText(state)), text: currentFilterText(state))
            return []
        case .showHelp:
            state.showingHelp = true
            return []
        case .toggleMark:
            if let object = state.lists[.payments].selected {
                state.lists[.payments].toggleMark(object.id, target: ActionTarget(object))
            }
            return moveCursor(&state, by: 1)
        case .clearMarks:
            state.lists[.payments].clearMarks()
            state.flash = Flash("Marks cleared", .info)
            return []
        case .nextSortColumn, .reverseSort:
            return changeSort(&state, reverse: command == .reverseSort)
        case .cycleDateRange:
            if case .list(.refunds) = state.screen {
                state.refundRange = state.refundRange.next
                return reload(&state, .refunds)
            }
            state.paymentRange = state.paymentRange.next
            state.paymentFilter.range = nil
            return reload(&state, .payments)
        case .quickFilter0, .quickFilter1, .quickFilter2, .quickFilter3, .quickFilter4, .quickFilter5:
            return quickFilter(&state, command.quickFilterIndex ?? 0)
        case .reload: return reloadOrRetry(&state)
        case .togglePause:
            state.refreshPaused.toggle()
            state.flash = Flash(state.refreshPaused ? "Live refresh paused (p resumes)" : "Live refresh resumed", .info)
            return []
        case .copyID:
            guard let id = selectedRef(state)?.id else { return [] }
            return [.copyToClipboard(id)]
        case .copyDashboardLink:
            guard let ref = selectedRef(state) else { return [] }
            guard let link = state.dashboard.link(for: ref) else {
                state.flash = Flash("No dashboard is known for this service; set dashboard_url in the profile", .error)
                return []
            }
            return [.copyToClipboard(link.url)]
        case .toggleRawJSON:
            updateDetail(&state) { $0.showRaw.toggle(); $0.scroll = 0 }
            return []
        case .capture, .cancelPayment, .refund, .cancelSubscription:
            return openDialog(&state, command, key: key)
        case .glanceWaiting, .glanceWaitingUnderADay, .glanceWaitingOneToThreeDays, .glanceWaitingThreeToSixDays,
             .glanceWaitingExpiring, .glanceFailedToday, .glanceRefundsInFlight:
            return []  // bound on the glance screen only, where `glanceCommand` answers them
        }
    }

    static func quit(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if !state.pending.isEmpty, !state.quitArmed {
            state.quitArmed = true
            state.flash = Flash("\(state.pending.count) action(s) still unanswered; press q again to quit anyway", .error)
            return []
        }
        return [.quit]
    }

    static func currentFilterText(_ state: ConsoleState) -> String {
        state.currentListKind.map { state.lists[$0].filterText } ?? ""
    }

    static func applyFilter(_ state: inout ConsoleState, _ text: String) {
        guard let kind = state.currentListKind else { return }
        state.lists[kind].setFilter(text)
        keepCursorsVisible(&state)
    }

    /// Typing into the palette or the filter. The filter applies as it is typed (narrowing is
    /// incremental); ESC restores the previous filter, enter keeps it.
    static func inputKey(_ state: inout ConsoleState, _ key: KeyPress) -> [ConsoleEffect] {
        guard var line = state.input else { return [] }
        switch key.key {
        case .escape:
            if case .filter(let previous) = line.purpose { applyFilter(&state, previous) }
            state.input = nil
            return []
        case .enter:
            if state.filterOffersServerSearch, case .filter(let previous) = line.purpose {
                // Nothing loaded matches: search the server instead, and give the list its rows back.
                applyFilter(&state, previous)
                state.input = nil
                return startFind(&state, line.text)
            }
            state.input = nil
            if case .palette = line.purpose { return runPalette(&state, line.text) }
            let count = visibleCount(state)
            state.flash = line.text.isEmpty ? nil : Flash("Filter \"\(line.text)\": \(count) shown", .info)
            return []
        case .backspace:
            if line.text.isEmpty {
                state.input = nil
                return []
            }
            line.text.removeLast()
        default:
            guard let c = key.typedCharacter, line.text.count < 200 else { return [] }
            line.text.append(c)
        }
        state.input = line
        if case .filter = line.purpose { applyFilter(&state, line.text) }
        return []
    }

    static func visibleCount(_ state: ConsoleState) -> Int {
        state.currentListKind.map { state.lists[$0].visible.count } ?? 0
    }

    static func quickFilter(_ state: inout ConsoleState, _ index: Int) -> [ConsoleEffect] {
        guard case .list(let kind) = state.screen else { return [] }
        let statuses = kind.quickStatuses
        let status: String? = index == 0 ? nil : (statuses.indices.contains(index - 1) ? statuses[index - 1] : nil)
        if index != 0, status == nil { return [] }
        if statuses.isEmpty { return [] }
        state.lists[kind].setStatusFilter(status)
        state.flash = Flash(status.map { "Showing \($0) (0 shows all)" } ?? "Showing all statuses", .info)
        keepCursorsVisible(&state)
        return []
    }

    static func changeSort(_ state: inout ConsoleState, reverse: Bool) -> [ConsoleEffect] {
        guard case .list(let kind) = state.screen else { return [] }
        func next(_ current: ListSort?) -> ListSort? {
            if reverse {
                let column = current?.column ?? kind.sortColumns[0]
                return ListSort(column: column, descending: !(current?.descending ?? true))
            }
            let columns = kind.sortColumns
            let index = current.flatMap { columns.firstIndex(of: $0.column) }.map { $0 + 1 } ?? 1
            guard index < columns.count else { return nil }
            return ListSort(column: columns[index], descending: false)
        }
        let sort = next(state.lists[kind].sort)
        state.lists[kind].setSort(sort)
        state.flash = Flash(sort.map { "Sorted by \($0.column) \($0.descending ? "descending" : "ascending")" } ?? "Newest first", .info)
        keepCursorsVisible(&state)
        return []
    }

    static func selectedRef(_ state: ConsoleState) -> ObjectRef? {
        switch state.screen {
        case .list(let kind): return state.lists[kind].cursorID.map { ObjectRef(kind.objectKind, $0) }
        case .detail(let detail): return detail.ref
        case .found(let list): return list.selected?.ref
        case .apiLog, .glance: return nil
        }
    }

    static func updateDetail(_ state: inout ConsoleState, _ change: (inout DetailState) -> Void) {
        guard case .detail(var detail) = state.screen else { return }
        change(&detail)
        state.stack[state.stack.count - 1] = .detail(detail)
    }
}
