import Foundation
import UseePay

extension Reducer {
    static func moveCursor(_ state: inout ConsoleState, by delta: Int) -> [ConsoleEffect] {
        let rows = state.listBodyRows
        switch state.screen {
        case .list(let kind):
            state.lists[kind].moveCursor(by: delta)
            state.lists[kind].keepCursorVisible(rows: rows)
            return prefetch(&state, kind, moving: delta)
        case .found:
            moveFoundCursor(&state, by: delta)
        case .glance:
            return []
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
        case .list(let kind): return moveCursor(&state, by: index - state.lists[kind].cursorIndex)
        case .apiLog: return moveCursor(&state, by: index - state.apiLogCursor)
        case .found(let list): return moveCursor(&state, by: index - list.cursor)
        case .glance: return []
        case .detail(let detail): return moveCursor(&state, by: index - (detail.showRaw ? detail.scroll : detail.relatedCursor))
        }
    }

    static func keepCursorsVisible(_ state: inout ConsoleState) {
        let rows = state.listBodyRows
        state.lists.forEach { $0.keepCursorVisible(rows: rows) }
        if state.apiLogCursor < state.apiLogScroll { state.apiLogScroll = state.apiLogCursor }
        if state.apiLogCursor >= state.apiLogScroll + rows { state.apiLogScroll = state.apiLogCursor - rows + 1 }
    }

    /// Enter: open the selected row, or in a detail view the selected related object.
    static func open(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if case .found(let list) = state.screen {
            guard let object = list.selected else { return [] }
            return openFoundObject(&state, object)
        }
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
            case (.paymentCheckoutSession, .payment(let p)):
                query = .checkoutSessions(CheckoutSessionListQuery(window: window, paymentIntentId: p.id))
            case (.customerMandates, .customer(let c)):
                query = .mandates(MandateListQuery(window: window, customerId: c.id))
            case (.billingCustomer, .billing), (.billingPayment, .billing):
                single = relatedSingleRef(kind, of: object)
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
        let list = state.lists[kind]
        return list.count == 0 && list.phase == .idle && list.hasMore
    }

    /// `gg`/`Home` and `G`/`End`. In a list they reach the whole list's first or last row, reading at
    /// most O(log pages) pages to find the end; elsewhere they move to the first or last line.
    static func jump(_ state: inout ConsoleState, to end: ListEnd) -> [ConsoleEffect] {
        guard let kind = state.currentListKind else { return moveCursor(&state, to: end == .top ? 0 : Int.max / 2) }
        // Nothing to jump within until the first page is there.
        guard !state.lists[kind].heldPages.isEmpty else { return [] }
        let page = state.lists[kind].startJump(to: end)
        keepCursorsVisible(&state)
        guard let page else { return prefetch(&state, kind, moving: 0) }
        if end == .bottom, state.lists[kind].seek != nil { state.flash = seekingFlash }
        return [loadRequest(state, kind, page: page)]
    }

    /// Reads the page the window needs next, before the cursor gets there.
    static func prefetch(_ state: inout ConsoleState, _ kind: ListKind, moving delta: Int) -> [ConsoleEffect] {
        guard let page = state.lists[kind].pageToRead(rows: state.listBodyRows, moving: delta) else { return [] }
        state.lists[kind].beginLoading(page: page)
        return [loadRequest(state, kind, page: page)]
    }
}
