import Foundation
import UseePay

extension Reducer {
    static func start(_ state: inout ConsoleState) -> [ConsoleEffect] {
        var effects = loadFirstPage(&state, .payments)
        effects += startSummary(&state)
        if state.startsOnGlance { effects += openGlance(&state) }
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

    static func loadRequest(_ state: ConsoleState, _ kind: ListKind, page: Int, refresh: Bool = false) -> ConsoleEffect {
        .load(LoadRequest(target: .list(kind), query: query(state, kind, page: page), page: page,
                          generation: state.lists[kind].generation, isRefresh: refresh))
    }

    static func loadFirstPage(_ state: inout ConsoleState, _ kind: ListKind) -> [ConsoleEffect] {
        state.lists[kind].pageSize = state.pageSize
        state.lists[kind].beginLoading(page: 0)
        return [loadRequest(state, kind, page: 0)]
    }

    /// A new server query (other range or server filter): the list starts over.
    static func reload(_ state: inout ConsoleState, _ kind: ListKind) -> [ConsoleEffect] {
        state.lists[kind].reset()
        return loadFirstPage(&state, kind) + (kind == .payments ? startSummary(&state) : [])
    }

    /// ctrl-r: retry what failed (a page, a detail, a check of an unclear action), else refresh the newest page.
    static func reloadOrRetry(_ state: inout ConsoleState) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = retryFeeds(&state)
        for (id, pending) in state.pending {
            if case .checkFailed = pending.phase {
                state.pending[id]?.phase = .checking
                effects.append(.settle(pending.request))
            }
        }
        switch state.screen {
        case .list(let kind):
            switch state.lists[kind].phase {
            case .failed(let failed, _):
                let page = state.lists[kind].retry(page: failed)
                state.lists[kind].beginLoading(page: page)
                effects.append(loadRequest(state, kind, page: page))
            case .loading: break
            case .idle:
                if listIsEmptyAndIdle(state, kind) || state.lists[kind].count == 0 {
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
        case .found(let list):
            // Ask again: the matches may have changed since.
            state.stack.removeLast()
            effects += startFind(&state, list.text)
        case .apiLog: break
        case .glance: effects += refreshGlance(&state)
        }
        return effects
    }

    static func expireHighlights(_ state: inout ConsoleState) {
        let tick = state.tick
        state.lists.forEach { $0.expireHighlights(atTick: tick) }
    }

    /// Live refresh re-reads the newest page of the list on screen, unless paused or already loading.
    static func refreshTick(_ state: inout ConsoleState) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        if state.refreshIntervalSeconds > 0 { effects.append(.scheduleRefresh(seconds: state.refreshIntervalSeconds)) }
        state.tick += 1
        expireHighlights(&state)
        if case .glance = state.screen { effects += ensureGlanceFeeds(&state) }
        if !state.refreshPaused { effects += refreshFeeds(&state) }
        guard !state.refreshPaused, state.dialog == nil, case .list(let kind) = state.screen else { return effects }
        guard state.lists[kind].phase == .idle, state.lists[kind].count > 0 else { return effects }
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
        case .found(let text, let outcome):
            return found(&state, text, outcome)
        case .feedPage(let request, let outcome):
            return feedPageRead(&state, request, outcome)
        case .profileSwitched(let name, let outcome):
            return profileSwitched(&state, name, outcome)
        case .exported(let request, let outcome):
            exported(&state, request, outcome)
            return []
        }
    }

    static func loaded(_ state: inout ConsoleState, _ request: LoadRequest, _ outcome: Result<LoadedPage, ConsoleFailure>) -> [ConsoleEffect] {
        switch request.target {
        case .list(let kind):
            guard request.generation == state.lists[kind].generation else { return [] }
            switch outcome {
            case .failure(let failure):
                if request.isRefresh {
                    // A failed background refresh keeps the list as is and says so once.
                    state.flash = Flash("Refresh failed: \(failure.message)", .error)
                } else {
                    failLoad(&state, kind, page: request.page, failure)
                    clearSeekingFlash(&state)
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

    static func clearSeekingFlash(_ state: inout ConsoleState) {
        if state.flash == seekingFlash { state.flash = nil }
    }

    static let seekingFlash = Flash("Finding the end of the list…", .info)

    static func failLoad(_ state: inout ConsoleState, _ kind: ListKind, page: Int, _ failure: ConsoleFailure) {
        state.lists[kind].loadFailed(page: page, failure)
    }

    static func applyPage(_ state: inout ConsoleState, _ kind: ListKind, _ page: LoadedPage, request: LoadRequest) -> [ConsoleEffect] {
        let until = state.tick + 2
        var merged: (new: Int, changed: Int) = (0, 0)
        // A list holds only its own kind; anything else in the answer is a server mistake, left out.
        let objects = page.objects.filter { $0.ref.kind == kind.objectKind }
        var effects: [ConsoleEffect] = []
        if request.isRefresh {
            merged = state.lists[kind].mergeNewest(objects, untilTick: until)
        } else {
            let wasSeeking = state.lists[kind].seek != nil
            if let next = state.lists[kind].receive(objects, page: request.page, hasMore: page.hasMore, total: page.total) {
                effects.append(loadRequest(state, kind, page: next))
            } else if wasSeeking, state.lists[kind].seek == nil {
                clearSeekingFlash(&state)
            }
        }
        if kind == .refunds { learnRefunds(&state, objects) }
        absorbIntoFeeds(&state, objects)
        keepCursorsVisible(&state)
        if request.isRefresh, merged.new > 0 || merged.changed > 0 {
            var parts: [String] = []
            if merged.new > 0 { parts.append("\(merged.new) new") }
            if merged.changed > 0 { parts.append("\(merged.changed) changed") }
            let onScreen = state.lists[kind].firstHeldPage == 0 ? " (marked)" : " above (gg shows them)"
            state.flash = Flash(parts.joined(separator: ", ") + onScreen, .info)
        }
        if effects.isEmpty, state.currentListKind == kind { effects += prefetch(&state, kind, moving: 0) }
        return effects
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
        for case .refund(let refund) in objects {
            guard let pi = refund.paymentIntentId else { continue }
            var list = state.refundsByPayment[pi, default: []]
            if let i = list.firstIndex(where: { $0.id == refund.id }) { list[i] = refund } else { list.append(refund) }
            state.refundsByPayment[pi] = list
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
        absorbIntoFeeds(&state, objects)
    }

    /// Stores the server's newest version of an object everywhere the console shows it.
    static func store(_ state: inout ConsoleState, _ object: ConsoleObject) {
        if let kind = ListKind(object.ref.kind) { state.lists[kind].update(object) }
        switch object.ref.kind {
        case .refund: learnRefunds(&state, [object])
        case .payment, .customer, .subscription, .invoice, .mandate, .checkoutSession: break
        }
        refreshElsewhere(&state, object)
        absorbIntoFeeds(&state, [object])
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
        case (.billingCustomer, let object?), (.billingPayment, let object?): return relatedSingleRef(kind, of: object)
        default: return nil
        }
    }

    /// The customer or payment an invoice, mandate or checkout session names.
    static func relatedSingleRef(_ kind: RelatedKind, of object: ConsoleObject) -> ObjectRef? {
        guard case .billing(let billing) = object else { return nil }
        switch kind {
        case .billingCustomer: return billing.customerId.map { ObjectRef(.customer, $0) }
        case .billingPayment: return billing.paymentIntentId.map { ObjectRef(.payment, $0) }
        default: return nil
        }
    }
}
