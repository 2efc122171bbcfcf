import Foundation

extension Reducer {
    static func runPalette(_ state: inout ConsoleState, _ line: String) -> [ConsoleEffect] {
        switch PaletteParser.parse(line) {
        case .failure(let error):
            state.flash = Flash(error.message, .error)
            return []
        case .success(let command):
            return run(&state, command)
        }
    }

    static func run(_ state: inout ConsoleState, _ command: PaletteCommand) -> [ConsoleEffect] {
        switch command {
        case .payments(let filter):
            let changed = filter.statuses != state.paymentFilter.statuses || filter.customerId != state.paymentFilter.customerId
                || (filter.range != nil && filter.range != state.paymentRange)
            state.paymentFilter = PaymentListFilter(statuses: filter.statuses, range: nil, customerId: filter.customerId)
            if let range = filter.range { state.paymentRange = range }
            state.stack = [.list(.payments)]
            if changed || state.lists[.payments].count == 0 { return reload(&state, .payments) }
            return []
        case .customers(let email):
            let changed = email != state.customerEmail
            state.customerEmail = email
            state.stack = [.list(.customers)]
            if changed || state.lists[.customers].count == 0 { return reload(&state, .customers) }
            return []
        case .subscriptions(let status):
            let changed = status != state.subscriptionStatus
            state.subscriptionStatus = status
            state.stack = [.list(.subscriptions)]
            if changed || state.lists[.subscriptions].count == 0 { return reload(&state, .subscriptions) }
            return []
        case .refunds(let status, let range):
            let changed = status != state.refundStatus || (range != nil && range != state.refundRange)
            state.refundStatus = status
            if let range { state.refundRange = range }
            state.stack = [.list(.refunds)]
            if changed || state.lists[.refunds].count == 0 { return reload(&state, .refunds) }
            return []
        case .glance:
            return openGlance(&state)
        case .apiLog:
            state.stack = [.apiLog]
            state.apiLogCursor = max(0, state.apiLog.count - 1)
            keepCursorsVisible(&state)
            return []
        case .refreshInterval(let seconds):
            state.refreshIntervalSeconds = seconds
            state.flash = Flash(seconds == 0 ? "Live refresh off" : "Live refresh every \(seconds)s", .info)
            return seconds == 0 ? [.cancelRefresh] : [.scheduleRefresh(seconds: seconds)]
        case .pause:
            state.refreshPaused = true
            state.flash = Flash("Live refresh paused", .info)
            return []
        case .resume:
            state.refreshPaused = false
            state.flash = Flash("Live refresh resumed", .info)
            return []
        case .sort(let column, let descending):
            guard case .list(let kind) = state.screen, kind.sortColumns.contains(column) else {
                state.flash = Flash("Cannot sort this screen by \"\(column)\"", .error)
                return []
            }
            state.lists[kind].setSort(ListSort(column: column, descending: descending ?? false))
            keepCursorsVisible(&state)
            return []
        case .help:
            state.showingHelp = true
            return []
        case .quit:
            return quit(&state)
        case .find(let text):
            return startFind(&state, text)
        case .contexts:
            return openContexts(&state)
        case .export(let format, let path):
            return startExport(&state, format, path: path)
        }
    }
}
