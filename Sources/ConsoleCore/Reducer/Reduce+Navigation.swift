import Foundation
import UseePay

extension Reducer {
    static func moveCursor(_ state: inout ConsoleState, by delta: Int) -> [ConsoleEffect] {
        let rows = state.listBodyRows
        switch state.screen {
        case .list(.payments):
            state.payments.moveCursor(by: delta)
            state.payments.keepCursorVisible(rows: rows)
            if state.payments.wantsNextPage(rows: rows) { return loadNextPage(&state, .payments) }
        case .list(.customers):
            state.customers.moveCursor(by: delta)
            state.customers.keepCursorVisible(rows: rows)
            if state.customers.wantsNextPage(rows: rows) { return loadNextPage(&state, .customers) }
        case .list(.subscriptions):
            state.subscriptions.moveCursor(by: delta)
            state.subscriptions.keepCursorVisible(rows: rows)
            if state.subscriptions.wantsNextPage(rows: rows) { return loadNextPage(&state, .subscriptions) }
        case .list(.refunds):
            state.refunds.moveCursor(by: delta)
            state.refunds.keepCursorVisible(rows: rows)
            if state.refunds.wantsNextPage(rows: rows) { return loadNextPage(&state, .refunds) }
        case .apiLog:
            guard !state.apiLog.isEmpty else { return [] }
            state.apiLogCursor = max(0, min(state.apiLog.count - 1, state.apiLogCursor + delta))
            keepCursorsVisible(&state)
        case .detail:
            updateDetail(&state) { detail in
                if detail.showRaw {
                    detail.scroll = max(0, detail.scroll + delta)
                } else {
                    let count = detail.relatedRows.count
                    guard count > 0 else { return }
                    detail.relatedCursor = max(0, min(count - 1, detail.relatedCursor + delta))
                }
            }
        }
        return []
    }

    static func moveCursor(_ state: inout ConsoleState, to index: Int) -> [ConsoleEffect] {
        switch state.screen {
        case .list(.payments): return moveCursor(&state, by: index - state.payments.cursorIndex)
        case .list(.customers): return moveCursor(&state, by: index - state.customers.cursorIndex)
        case .list(.subscriptions): return moveCursor(&state, by: index - state.subscriptions.cursorIndex)
        case .list(.refunds): return moveCursor(&state, by: index - state.refunds.cursorIndex)
        case .apiLog: return moveCursor(&state, by: index - state.apiLogCursor)
        case .detail(let detail): return moveCursor(&state, by: index - (detail.showRaw ? detail.scroll : detail.relatedCursor))
        }
    }

    static func keepCursorsVisible(_ state: inout ConsoleState) {
        let rows = state.listBodyRows
        state.payments.keepCursorVisible(rows: rows)
        state.customers.keepCursorVisible(rows: rows)
        state.subscriptions.keepCursorVisible(rows: rows)
        state.refunds.keepCursorVisible(rows: rows)
        if state.apiLogCursor < state.apiLogScroll { state.apiLogScroll = state.apiLogCursor }
        if state.apiLogCursor >= state.apiLogScroll + rows { state.apiLogScroll = state.apiLogCursor - rows + 1 }
    }

    /// Enter: open the selected row, or in a detail view the selected related object.
    static func open(_ state: inout ConsoleState) -> [ConsoleEffect] {
        let target: ObjectRef?
        if case .detail(let detail) = state.screen {
            target = detail.selectedRelated?.ref
        } else {
            target = selectedRef(state)
        }
        guard let ref = target else { return [] }
        return openDetail(&state, ref)
    }

    static func openDetail(_ state: inout ConsoleState, _ ref: ObjectRef) -> [ConsoleEffect] {
        var detail = DetailState(ref: ref)
        detail.object = state.object(ref)
        var effects: [ConsoleEffect] = []
        if detail.object == nil {
            detail.phase = .loading(page: 0)
            effects.append(.retrieve(ref))
        }
        state.stack.append(.detail(detail))
        if let object = detail.object { effects += loadRelated(&state, for: object) }
        return effects
    }

    /// Starts loading each related section of the object in the current detail view.
    static func loadRelated(_ state: inout ConsoleState, for object: ConsoleObject) -> [ConsoleEffect] {
        var sections: [RelatedSection] = []
        var effects: [ConsoleEffect] = []
        let window = ListWindow(pageNum: 0, pageSize: 20)
        for kind in RelatedKind.kinds(for: object.ref.kind) {
            var section = RelatedSection(kind: kind)
            var query: ObjectQuery?
            var single: ObjectRef?
            switch (kind, object) {
            case (.paymentRefunds, .payment(let p)):
                var q = RefundListQuery()
                q.window = window
                q.paymentIntentId = p.id
                query = .refunds(q)
            case (.paymentCustomer, .payment(let p)):
                single = (p.customerId ?? p.customer?.id).map { ObjectRef(.customer, $0) }
            case (.customerPayments, .customer(let c)):
                var q = PaymentIntentListQuery()
                q.window = window
                q.customerId = c.id
                query = .payments(q)
            case (.customerSubscriptions, .customer(let c)):
                var q = SubscriptionListQuery()
                q.window = window
                q.customerId = c.id
                query = .subscriptions(q)
            case (.refundPayment, .refund(let r)):
                single = r.paymentIntentId.map { ObjectRef(.payment, $0) }
            case (.subscriptionCustomer, .subscription(let s)):
                single = s.customerId.map { ObjectRef(.customer, $0) }
            default: break
            }
            if let query {
                section.phase = .loading(page: 0)
                effects.append(.load(LoadRequest(target: .related(object.ref, kind), query: query, page: 0, generation: 0, isRefresh: false)))
            } else if let single {
                if let known = state.object(single) {
                    section.objects = [known]
                } else {
                    section.phase = .loading(page: 0)
                    effects.append(.retrieve(single))
                }
            } else {
                section.applicable = false
            }
            sections.append(section)
        }
        updateDetail(&state) { $0.related = sections; $0.relatedCursor = 0 }
        return effects
    }

    static func back(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.flash != nil, state.stack.count == 1 {
            state.flash = nil
            return []
        }
        guard state.stack.count > 1 else { return [] }
        state.stack.removeLast()
        keepCursorsVisible(&state)
        return []
    }

    /// Switches the root screen (palette navigation); the breadcrumb starts again from it.
    static func switchTo(_ state: inout ConsoleState, _ screen: Screen) -> [ConsoleEffect] {
        state.stack = [screen]
        if case .list(let kind) = screen, listIsEmptyAndIdle(state, kind) {
            return loadFirstPage(&state, kind)
        }
        return []
    }

    static func listIsEmptyAndIdle(_ state: ConsoleState, _ kind: ListKind) -> Bool {
        switch kind {
        case .payments: return state.payments.count == 0 && state.payments.phase == .idle && state.payments.hasMore
        case .customers: return state.customers.count == 0 && state.customers.phase == .idle && state.customers.hasMore
        case .subscriptions: return state.subscriptions.count == 0 && state.subscriptions.phase == .idle && state.subscriptions.hasMore
        case .refunds: return state.refunds.count == 0 && state.refunds.phase == .idle && state.refunds.hasMore
        }
    }
}
