import Foundation
import UseePay

extension Reducer {
    static func start(_ state: inout ConsoleState) -> [ConsoleEffect] {
        var effects = loadFirstPage(&state, .payments)
        if state.refreshIntervalSeconds > 0 { effects.append(.scheduleRefresh(seconds: state.refreshIntervalSeconds)) }
        return effects
    }

    static func window(page: Int, size: Int, range: DateRange?, state: ConsoleState) -> ListWindow {
        let interval = (range ?? .allTime).interval(now: state.now, timeZone: state.merchantTimeZone)
        return ListWindow(pageNum: page, pageSize: size, fromCreatedAt: interval.from, toCreatedAt: interval.to)
    }

    static func query(_ state: ConsoleState, _ kind: ListKind, page: Int) -> ObjectQuery {
        switch kind {
        case .payments:
            var q = PaymentIntentListQuery()
            q.window = window(page: page, size: state.pageSize, range: state.paymentFilter.range ?? state.paymentRange, state: state)
            q.statuses = state.paymentFilter.statuses.map(PaymentIntentStatus.init(rawValue:))
            q.customerId = state.paymentFilter.customerId
            return .payments(q)
        case .customers:
            var q = CustomerListQuery()
            q.window = window(page: page, size: state.pageSize, range: nil, state: state)
            q.email = state.customerEmail
            return .customers(q)
        case .subscriptions:
            var q = SubscriptionListQuery()
            q.window = window(page: page, size: state.pageSize, range: nil, state: state)
            q.statuses = state.subscriptionStatus.map { [SubscriptionStatus(rawValue: $0)] } ?? []
            return .subscriptions(q)
        case .refunds:
            var q = RefundListQuery()
            q.window = window(page: page, size: state.pageSize, range: state.refundRange, state: state)
            q.statuses = state.refundStatus.map { [RefundStatus(rawValue: $0)] } ?? []
            return .refunds(q)
        }
    }

    static func generation(_ state: ConsoleState, _ kind: ListKind) -> Int {
        switch kind {
        case .payments: return state.payments.generation
        case .customers: return state.customers.generation
        case .subscriptions: return state.subscriptions.generation
        case .refunds: return state.refunds.generation
        }
    }

    static func loadRequest(_ state: ConsoleState, _ kind: ListKind, page: Int, refresh: Bool = false) -> ConsoleEffect {
        .load(LoadRequest(target: .list(kind), query: query(state, kind, page: page), page: page,
                          generation: generation(state, kind), isRefresh: refresh))
    }

    static func loadFirstPage(_ state: inout ConsoleState, _ kind: ListKind) -> [ConsoleEffect] {
        setPhase(&state, kind, .loading(page: 0))
        return [loadRequest(state, kind, page: 0)]
    }

    static func loadNextPage(_ state: inout ConsoleState, _ kind: ListKind) -> [ConsoleEffect] {
        let page: Int
        switch kind {
        case .payments: page = state.payments.nextPage
        case .customers: page = state.customers.nextPage
        case .subscriptions: page = state.subscriptions.nextPage
        case .refunds: page = state.refunds.nextPage
        }
        setPhase(&state, kind, .loading(page: page))
        return [loadRequest(state, kind, page: page)]
    }

    static func setPhase(_ state: inout ConsoleState, _ kind: ListKind, _ phase: LoadPhase) {
        switch kind {
        case .payments: state.payments.phase = phase
        case .customers: state.customers.phase = phase
        case .subscriptions: state.subscriptions.phase = phase
        case .refunds: state.refunds.phase = phase
        }
    }

    /// A new server query (other range or server filter): the list starts over.
    static func reload(_ state: inout ConsoleState, _ kind: ListKind) -> [ConsoleEffect] {
        switch kind {
        case .payments: state.payments.reset(); state.paymentSummary = PaymentSummary()
        case .customers: state.customers.reset()
        case .subscriptions: state.subscriptions.reset()
        case .refunds: state.refunds.reset()
        }
        return loadFirstPage(&state, kind)
    }

    /// ctrl-r: retry what failed (a page, a detail, a check of an unclear action), else refresh the newest page.
    static func reloadOrRetry(_ state: inout ConsoleState) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        for (id, pending) in state.pending {
            if case .checkFailed = pending.phase {
                state.pending[id]?.phase = .checking
                effects.append(.settle(pending.request))
            }
        }
        switch state.screen {
        case .list(let kind):
            let phase: LoadPhase
            switch kind {
            case .payments: phase = state.payments.phase
            case .customers: phase = state.customers.phase
            case .subscriptions: phase = state.subscriptions.phase
            case .refunds: phase = state.refunds.phase
            }
            switch phase {
            case .failed(let page, _):
                setPhase(&state, kind, .loading(page: page))
                effects.append(loadRequest(state, kind, page: page))
            case .loading: break
            case .idle:
                if listIsEmptyAndIdle(state, kind) || count(state, kind) == 0 {
                    effects += reload(&state, kind)
                } else {
                    state.tick += 1
                    expireHighlights(&state)
                    effects.append(loadRequest(state, kind, page: 0, refresh: true))
                }
            }
        case .detail(let detail):
            if detail.object == nil {
                updateDetail(&state) { $0.phase = .loading(page: 0) }
                effects.append(.retrieve(detail.ref))
            } else {
                effects.append(.retrieve(detail.ref))
                effects += loadRelated(&state, for: detail.object!)
            }
        case .apiLog: break
        }
        return effects
    }

    static func count(_ state: ConsoleState, _ kind: ListKind) -> Int {
        switch kind {
        case .payments: return state.payments.count
        case .customers: return state.customers.count
        case .subscriptions: return state.subscriptions.count
        case .refunds: return state.refunds.count
        }
    }

    static func expireHighlights(_ state: inout ConsoleState) {
        state.payments.expireHighlights(atTick: state.tick)
        state.customers.expireHighlights(atTick: state.tick)
        state.subscriptions.expireHighlights(atTick: state.tick)
        state.refunds.expireHighlights(atTick: state.tick)
    }

    /// Live refresh re-reads the newest page of the list on screen, unless paused or already loading.
    static func refreshTick(_ state: inout ConsoleState) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        if state.refreshIntervalSeconds > 0 { effects.append(.scheduleRefresh(seconds: state.refreshIntervalSeconds)) }
        state.tick += 1
        expireHighlights(&state)
        guard !state.refreshPaused, state.dialog == nil, case .list(let kind) = state.screen else { return effects }
        let phase: LoadPhase
        switch kind {
        case .payments: phase = state.payments.phase
        case .customers: phase = state.customers.phase
        case .subscriptions: phase = state.subscriptions.phase
        case .refunds: phase = state.refunds.phase
        }
        guard phase == .idle, count(state, kind) > 0 else { return effects }
        effects.append(loadRequest(state, kind, page: 0, refresh: true))
        return effects
    }

    static func handle(_ state: inout ConsoleState, _ result: EffectResult) -> [ConsoleEffect] {
        switch result {
        case .loaded(let request, let outcome):
            return loaded(&state, request, outcome)
        case .retrieved(let ref, let outcome):
            return retrieved(&state, ref, outcome)
        case .sent(let request, let outcome):
            return sent(&state, request, outcome)
        case .journaled(let entry, let problem):
            return journaled(&state, entry, problem: problem)
        case .settled(let request, let outcome):
            return settled(&state, request, outcome)
        case .journalFailed(let message):
            state.flash = Flash("Journal write failed: \(message)", .error)
            return []
        }
    }

    static func loaded(_ state: inout ConsoleState, _ request: LoadRequest, _ outcome: Result<LoadedPage, ConsoleFailure>) -> [ConsoleEffect] {
        switch request.target {
        case .list(let kind):
            guard request.generation == generation(state, kind) else { return [] }
            switch outcome {
            case .failure(let failure):
                if request.isRefresh {
                    // A failed background refresh keeps the list as is and says so once.
                    state.flash = Flash("Refresh failed: \(failure.message)", .error)
                } else {
                    failLoad(&state, kind, page: request.page, failure)
                }
                return []
            case .success(let page):
                return applyPage(&state, kind, page, request: request)
            }
        case .related(let ref, let kind):
            updateDetails(&state, ref) { detail in
                guard let index = detail.related.firstIndex(where: { $0.kind == kind }) else { return }
                switch outcome {
                case .success(let page):
                    detail.related[index].objects = page.objects
                    detail.related[index].hasMore = page.hasMore
                    detail.related[index].phase = .idle
                case .failure(let failure):
                    detail.related[index].phase = .failed(page: 0, failure)
                }
            }
            if case .success(let page) = outcome { learnRefunds(&state, page.objects) }
            return []
        case .refundable(let paymentIntentId):
            if case .success(let page) = outcome { learnRefunds(&state, page.objects) }
            return refundableLoaded(&state, paymentIntentId: paymentIntentId, outcome.map { _ in () })
        }
    }

    static func failLoad(_ state: inout ConsoleState, _ kind: ListKind, page: Int, _ failure: ConsoleFailure) {
        switch kind {
        case .payments: state.payments.loadFailed(page: page, failure)
        case .customers: state.customers.loadFailed(page: page, failure)
        case .subscriptions: state.subscriptions.loadFailed(page: page, failure)
        case .refunds: state.refunds.loadFailed(page: page, failure)
        }
    }

    static func applyPage(_ state: inout ConsoleState, _ kind: ListKind, _ page: LoadedPage, request: LoadRequest) -> [ConsoleEffect] {
        let until = state.tick + 2
        var merged: (new: Int, changed: Int) = (0, 0)
        switch kind {
        case .payments:
            let items = page.objects.compactMap { if case .payment(let p) = $0 { return p } else { return nil } }
            if request.isRefresh { merged = state.payments.mergeNewest(items, untilTick: until) } else { state.payments.appendPage(items, hasMore: page.hasMore, page: request.page) }
            for item in items { refreshElsewhere(&state, .payment(item)) }
        case .customers:
            let items = page.objects.compactMap { if case .customer(let c) = $0 { return c } else { return nil } }
            if request.isRefresh { merged = state.customers.mergeNewest(items, untilTick: until) } else { state.customers.appendPage(items, hasMore: page.hasMore, page: request.page) }
        case .subscriptions:
            let items = page.objects.compactMap { if case .subscription(let s) = $0 { return s } else { return nil } }
            if request.isRefresh { merged = state.subscriptions.mergeNewest(items, untilTick: until) } else { state.subscriptions.appendPage(items, hasMore: page.hasMore, page: request.page) }
        case .refunds:
            let items = page.objects.compactMap { if case .refund(let r) = $0 { return r } else { return nil } }
            if request.isRefresh { merged = state.refunds.mergeNewest(items, untilTick: until) } else { state.refunds.appendPage(items, hasMore: page.hasMore, page: request.page) }
            learnRefunds(&state, page.objects)
        }
        if kind == .payments { recomputeSummary(&state) }
        keepCursorsVisible(&state)
        if request.isRefresh, merged.new > 0 || merged.changed > 0 {
            var parts: [String] = []
            if merged.new > 0 { parts.append("\(merged.new) new") }
            if merged.changed > 0 { parts.append("\(merged.changed) changed") }
            state.flash = Flash(parts.joined(separator: ", ") + " (marked)", .info)
        }
        return []
    }

    /// The detail views and pending dialogs hold copies; a newer server answer replaces them.
    static func refreshElsewhere(_ state: inout ConsoleState, _ object: ConsoleObject) {
        for index in state.stack.indices {
            guard case .detail(var detail) = state.stack[index] else { continue }
            var changed = false
            if detail.ref == object.ref, detail.object != object { detail.object = object; changed = true }
            for s in detail.related.indices {
                if let r = detail.related[s].objects.firstIndex(where: { $0.ref == object.ref }), detail.related[s].objects[r] != object {
                    detail.related[s].objects[r] = object
                    changed = true
                }
            }
            if changed { state.stack[index] = .detail(detail) }
        }
    }

    static func updateDetails(_ state: inout ConsoleState, _ ref: ObjectRef, _ change: (inout DetailState) -> Void) {
        for index in state.stack.indices {
            guard case .detail(var detail) = state.stack[index], detail.ref == ref else { continue }
            change(&detail)
            state.stack[index] = .detail(detail)
        }
    }

    static func learnRefunds(_ state: inout ConsoleState, _ objects: [ConsoleObject]) {
        var touched = false
        for case .refund(let refund) in objects {
            guard let pi = refund.paymentIntentId else { continue }
            var list = state.refundsByPayment[pi, default: []]
            if let i = list.firstIndex(where: { $0.id == refund.id }) { list[i] = refund } else { list.append(refund) }
            state.refundsByPayment[pi] = list
            if state.payments[pi] != nil { touched = true }
            // An open payment detail lists this refund too, whether it was loaded or just made.
            updateDetails(&state, ObjectRef(.payment, pi)) { detail in
                guard let s = detail.related.firstIndex(where: { $0.kind == .paymentRefunds }) else { return }
                if let r = detail.related[s].objects.firstIndex(where: { $0.ref.id == refund.id }) {
                    detail.related[s].objects[r] = .refund(refund)
                } else {
                    detail.related[s].objects.insert(.refund(refund), at: 0)
                }
            }
        }
        if touched { recomputeSummary(&state) }
    }

    static func recomputeSummary(_ state: inout ConsoleState) {
        state.paymentSummary = PaymentSummary(payments: state.payments.loadedOrder.compactMap { state.payments[$0] },
                                              refundsByPayment: state.refundsByPayment)
    }

    /// Stores the server's newest version of an object everywhere the console shows it.
    static func store(_ state: inout ConsoleState, _ object: ConsoleObject) {
        switch object {
        case .payment(let p): state.payments.update(p); recomputeSummary(&state)
        case .customer(let c): state.customers.update(c)
        case .subscription(let s): state.subscriptions.update(s)
        case .refund(let r): state.refunds.update(r); learnRefunds(&state, [object])
        }
        refreshElsewhere(&state, object)
    }

    static func retrieved(_ state: inout ConsoleState, _ ref: ObjectRef, _ outcome: Result<ConsoleObject, ConsoleFailure>) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        switch outcome {
        case .success(let object):
            store(&state, object)
            // A detail opened by id (or a related single object) gets its object now.
            for index in state.stack.indices {
                guard case .detail(var detail) = state.stack[index] else { continue }
                if detail.ref == ref, detail.object == nil {
                    detail.object = object
                    detail.phase = .idle
                    state.stack[index] = .detail(detail)
                    if index == state.stack.count - 1 { effects += loadRelated(&state, for: object) }
                    continue
                }
                for s in detail.related.indices where detail.related[s].objects.isEmpty && detail.related[s].phase.isLoading {
                    if relatedSingleRef(detail, detail.related[s].kind) == ref {
                        detail.related[s].objects = [object]
                        detail.related[s].phase = .idle
                    }
                }
                state.stack[index] = .detail(detail)
            }
        case .failure(let failure):
            for index in state.stack.indices {
                guard case .detail(var detail) = state.stack[index] else { continue }
                if detail.ref == ref, detail.object == nil { detail.phase = .failed(page: 0, failure) }
                for s in detail.related.indices where detail.related[s].objects.isEmpty && relatedSingleRef(detail, detail.related[s].kind) == ref {
                    detail.related[s].phase = .failed(page: 0, failure)
                }
                state.stack[index] = .detail(detail)
            }
            if case .detail(let top) = state.screen, top.ref == ref, top.object != nil {
                state.flash = Flash("Could not reload \(ref.id): \(failure.message)", .error)
            }
        }
        return effects
    }

    static func relatedSingleRef(_ detail: DetailState, _ kind: RelatedKind) -> ObjectRef? {
        switch (kind, detail.object) {
        case (.paymentCustomer, .payment(let p)?): return (p.customerId ?? p.customer?.id).map { ObjectRef(.customer, $0) }
        case (.refundPayment, .refund(let r)?): return r.paymentIntentId.map { ObjectRef(.payment, $0) }
        case (.subscriptionCustomer, .subscription(let s)?): return s.customerId.map { ObjectRef(.customer, $0) }
        default: return nil
        }
    }
}
