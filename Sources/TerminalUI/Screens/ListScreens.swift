import Foundation
import ConsoleCore
import UseePay

/// The four object lists share one layout: title, a context line, table, status, flash, footer.
/// Only the rows on screen are formatted, so drawing costs the same with 100 or 100,000 loaded rows.
enum ListScreens {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid, list: ObjectList, title: String, context: String,
                     contextRole: ThemeRole = .dim, noun: String, table: Table, row: (ConsoleObject) -> TableRow?) {
        let width = grid.size.columns
        let rows = grid.size.rows
        let bodyRows = ConsoleState.listBodyRows(for: grid.size)
        Chrome.drawTitle(state, into: &grid, width: width, title: title)
        grid.fill(Rect(x: 0, y: 1, width: width, height: 1), role: .normal)
        grid.write(TerminalText.truncate(context, toWidth: width), x: 0, y: 1, maxWidth: width, role: contextRole)
        let tableRect = Rect(x: 0, y: 2, width: width, height: bodyRows + 1)
        let ids = list.visibleItems(from: list.scrollOffset, count: bodyRows)
        let cursor = list.cursorID
        let selected = cursor.flatMap { c in ids.firstIndex(of: c).map { $0 - ids.startIndex } }
        table.draw(into: &grid, rect: tableRect, rowCount: ids.count, firstRow: 0, selectedRow: selected) { index in
            let id = ids[ids.startIndex + index]
            return list[id].flatMap(row) ?? TableRow([])
        }
        if ids.isEmpty {
            let message: String
            switch list.phase {
            case .loading: message = "loading…"
            case .failed(_, let failure): message = "Could not load \(noun): \(failure.description)  (ctrl-r retries)"
            case .idle: message = list.count == 0 ? "No \(noun) here." : "No \(noun) match the filter."
            }
            let wrapped = TerminalText.wrap(message, toWidth: max(1, width - 4))
            for (offset, line) in wrapped.prefix(max(0, bodyRows - 1)).enumerated() {
                grid.write(line, x: 2, y: 4 + offset, maxWidth: width - 4, role: list.phase.isFailure ? .flashError : .dim)
            }
        }
        Chrome.drawListStatus(state, list: list, noun: noun, into: &grid, y: rows - 3, width: width, bodyRows: bodyRows)
        Chrome.drawFlash(state, into: &grid, y: rows - 2, width: width)
        Chrome.drawFooter(state, into: &grid, y: rows - 1, width: width)
    }

    // MARK: Payments

    static let paymentsTable = Table(columns: [
        TableColumn("", minWidth: 1, priority: 100),
        ScreenFormat.column(PaymentRow.time, minWidth: 5, maxWidth: 11, flex: 1, priority: 90),
        ScreenFormat.column(PaymentRow.amount, minWidth: 14, maxWidth: 18, flex: 1, priority: 95),
        ScreenFormat.column(PaymentRow.status, minWidth: 16, priority: 92),
        ScreenFormat.column(PaymentRow.customer, minWidth: 12, flex: 4, priority: 80),
        ScreenFormat.column(PaymentRow.order, minWidth: 10, maxWidth: 20, flex: 2, priority: 40),
        ScreenFormat.column(PaymentRow.method, minWidth: 9, maxWidth: 14, flex: 1, priority: 30),
        ScreenFormat.column(PaymentRow.id, minWidth: 10, maxWidth: 28, flex: 1, priority: 60),
    ])

    static func payments(_ state: ConsoleState, into grid: inout CellGrid) {
        let format = ScreenFormat(state: state)
        let range = state.paymentRange
        var title = "Payments · \(range)"
        if !state.paymentFilter.statuses.isEmpty { title += " · " + state.paymentFilter.statuses.joined(separator: ",") }
        if let customer = state.paymentFilter.customerId { title += " · customer \(customer)" }
        let summary = SummaryLine.render(state.paymentSummary, format: format, width: grid.size.columns)
        let wide = grid.size.columns >= 150
        let list = state.lists[.payments]
        draw(state, into: &grid, list: list, title: title, context: summary.text, contextRole: summary.role,
             noun: "payments", table: paymentsTable) { object in
            guard case .payment = object else { return nil }
            let id = object.ref.id
            // time, amount, status, customer, order, method, short id; formatted again only when the object changes.
            let memo = RowTextMemo.shared.row(object, id: id, key: format.rowKey) {
                guard case .payment(let p) = object else { return RowTextMemo.Row(cells: [], tone: .other) }
                return RowTextMemo.Row(
                    cells: [PaymentRow.time, PaymentRow.amount, PaymentRow.status, PaymentRow.customer, PaymentRow.order, PaymentRow.method]
                        .map { format.text($0.value(p)) } + [ScreenFormat.shortID(p.id)],
                    tone: StatusWords.tone(p.status))
            }
            let cells = memo.cells
            let pending = state.pending[id]
            let status = pending.map(ScreenFormat.pendingText) ?? cells[2]
            let statusRole = pending == nil ? ScreenFormat.statusRole(memo.tone) : .inFlight
            return TableRow([Chrome.marker(list, id: id), cells[0], cells[1], status, cells[3], cells[4], cells[5], wide ? id : cells[6]],
                            role: Chrome.rowRole(list, id: id, pending: pending != nil), cellRoles: [nil, nil, nil, statusRole])
        }
    }

    // MARK: Customers

    static let customersTable = Table(columns: [
        TableColumn("", minWidth: 1, priority: 100),
        ScreenFormat.column(CustomerRow.name, minWidth: 14, flex: 3, priority: 90),
        ScreenFormat.column(CustomerRow.email, minWidth: 16, flex: 3, priority: 85),
        ScreenFormat.column(CustomerRow.phone, minWidth: 12, maxWidth: 18, flex: 1, priority: 40),
        ScreenFormat.column(CustomerRow.merchantId, minWidth: 11, maxWidth: 20, flex: 1, priority: 30),
        ScreenFormat.column(CustomerRow.created, minWidth: 11, priority: 50),
        ScreenFormat.column(CustomerRow.id, minWidth: 10, maxWidth: 28, flex: 1, priority: 60),
    ])

    static func customers(_ state: ConsoleState, into grid: inout CellGrid) {
        let format = ScreenFormat(state: state)
        let context = state.customerEmail.map { "customers with email \($0)" } ?? "all customers, newest first"
        let wide = grid.size.columns >= 150
        let list = state.lists[.customers]
        draw(state, into: &grid, list: list, title: "Customers", context: context, noun: "customers", table: customersTable) { object in
            guard case .customer(let c) = object else { return nil }
            return TableRow([Chrome.marker(list, id: c.id)]
                            + [CustomerRow.name, CustomerRow.email, CustomerRow.phone, CustomerRow.merchantId, CustomerRow.created].map { format.text($0.value(c)) }
                            + [wide ? c.id : ScreenFormat.shortID(c.id)],
                            role: Chrome.rowRole(list, id: c.id, pending: false))
        }
    }

    // MARK: Subscriptions

    static let subscriptionsTable = Table(columns: [
        TableColumn("", minWidth: 1, priority: 100),
        ScreenFormat.column(SubscriptionRow.customer, minWidth: 12, flex: 3, priority: 80),
        ScreenFormat.column(SubscriptionRow.status, minWidth: 18, priority: 92),
        ScreenFormat.column(SubscriptionRow.amount, minWidth: 14, maxWidth: 18, flex: 1, priority: 95),
        ScreenFormat.column(SubscriptionRow.every, minWidth: 6, maxWidth: 10, priority: 70),
        ScreenFormat.column(SubscriptionRow.periodEnd, minWidth: 11, priority: 60),
        ScreenFormat.column(SubscriptionRow.id, minWidth: 10, maxWidth: 28, flex: 1, priority: 50),
    ])

    static func subscriptions(_ state: ConsoleState, into grid: inout CellGrid) {
        let format = ScreenFormat(state: state)
        let context = state.subscriptionStatus.map { "subscriptions with status \($0)" } ?? "all subscriptions, newest first"
        let wide = grid.size.columns >= 150
        let list = state.lists[.subscriptions]
        let customers = state.lists[.customers]
        draw(state, into: &grid, list: list, title: "Subscriptions", context: context, noun: "subscriptions", table: subscriptionsTable) { object in
            guard case .subscription(let s) = object else { return nil }
            let pending = state.pending[s.id]
            let status = pending.map(ScreenFormat.pendingText) ?? format.text(SubscriptionRow.status.value(s))
            let customer = customers[s.customerId ?? ""].flatMap { object -> String? in
                if case .customer(let c) = object { return ObjectLabels.customer(c) } else { return nil }
            } ?? format.text(SubscriptionRow.customer.value(s))
            return TableRow([Chrome.marker(list, id: s.id), customer, status]
                            + [SubscriptionRow.amount, SubscriptionRow.every, SubscriptionRow.periodEnd].map { format.text($0.value(s)) }
                            + [wide ? s.id : ScreenFormat.shortID(s.id)],
                            role: Chrome.rowRole(list, id: s.id, pending: pending != nil),
                            cellRoles: [nil, nil, pending == nil ? ScreenFormat.statusRole(StatusWords.tone(s.status)) : .inFlight])
        }
    }

    // MARK: Refunds

    static let refundsTable = Table(columns: [
        TableColumn("", minWidth: 1, priority: 100),
        ScreenFormat.column(RefundRow.time, minWidth: 5, maxWidth: 11, flex: 1, priority: 90),
        ScreenFormat.column(RefundRow.amount, minWidth: 14, maxWidth: 18, flex: 1, priority: 95),
        ScreenFormat.column(RefundRow.status, minWidth: 9, priority: 92),
        ScreenFormat.column(RefundRow.payment, minWidth: 10, maxWidth: 28, flex: 2, priority: 80),
        ScreenFormat.column(RefundRow.reason, minWidth: 12, flex: 3, priority: 50),
        ScreenFormat.column(RefundRow.id, minWidth: 10, maxWidth: 28, flex: 1, priority: 60),
    ])

    static func refunds(_ state: ConsoleState, into grid: inout CellGrid) {
        let format = ScreenFormat(state: state)
        var context = "refunds · \(state.refundRange)"
        if let status = state.refundStatus { context += " · \(status)" }
        let wide = grid.size.columns >= 150
        let list = state.lists[.refunds]
        draw(state, into: &grid, list: list, title: "Refunds", context: context, noun: "refunds", table: refundsTable) { object in
            guard case .refund(let r) = object else { return nil }
            return TableRow([Chrome.marker(list, id: r.id)] + [RefundRow.time, RefundRow.amount, RefundRow.status].map { format.text($0.value(r)) }
                            + [r.paymentIntentId.map { wide ? $0 : ScreenFormat.shortID($0) } ?? "—", format.text(RefundRow.reason.value(r)), wide ? r.id : ScreenFormat.shortID(r.id)],
                            role: Chrome.rowRole(list, id: r.id, pending: false),
                            cellRoles: [nil, nil, nil, ScreenFormat.statusRole(StatusWords.tone(r.status))])
        }
    }
}

extension LoadPhase {
    var isFailure: Bool { if case .failed = self { return true } else { return false } }
}
