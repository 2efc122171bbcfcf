import Foundation
import UseePay

/// Performs the reducer's effects through the UseePay client and answers with events.
/// Timers, clipboard and quit are the store's and the terminal's business, not the runner's.
public actor EffectRunner {
    private let client: UseePayClient
    private let journal: any ActionJournal
    private let mode: ConsoleMode
    private let now: @Sendable () -> Date

    public init(client: UseePayClient, journal: any ActionJournal, mode: ConsoleMode, now: @escaping @Sendable () -> Date = { Date() }) {
        self.client = client
        self.journal = journal
        self.mode = mode
        self.now = now
    }

    public func run(_ effect: ConsoleEffect) async -> [ConsoleEvent] {
        switch effect {
        case .load(let request):
            let result = await capture { try await self.load(request.query, page: request.page) }
            return [.effectResult(.loaded(request, result))]
        case .retrieve(let ref):
            let result = await capture { try await self.retrieve(ref) }
            return [.effectResult(.retrieved(ref, result))]
        case .send(let request):
            return await send(request)
        case .settle(let request):
            let result = await capture { try await self.settle(request) }
            return [.effectResult(.settled(request, result))]
        case .journal(let entry):
            do {
                try await journal.append(entry)
                return []
            } catch {
                return [.effectResult(.journalFailed(String(describing: error)))]
            }
        case .scheduleRefresh, .cancelRefresh, .copyToClipboard, .quit:
            return []
        }
    }

    private func capture<T: Sendable>(_ work: () async throws -> T) async -> Result<T, ConsoleFailure> {
        do { return .success(try await work()) } catch { return .failure(ConsoleFailure(error)) }
    }

    private func load(_ query: ObjectQuery, page: Int) async throws -> LoadedPage {
        switch query {
        case .payments(var q):
            q.window.pageNum = page
            let result = try await client.listPaymentIntents(q)
            return LoadedPage(objects: result.items.map(ConsoleObject.payment), hasMore: result.hasMore)
        case .customers(var q):
            q.window.pageNum = page
            let result = try await client.listCustomers(q)
            return LoadedPage(objects: result.items.map(ConsoleObject.customer), hasMore: result.hasMore)
        case .subscriptions(var q):
            q.window.pageNum = page
            let result = try await client.listSubscriptions(q)
            return LoadedPage(objects: result.items.map(ConsoleObject.subscription), hasMore: result.hasMore)
        case .refunds(var q):
            q.window.pageNum = page
            let result = try await client.listRefunds(q)
            return LoadedPage(objects: result.items.map(ConsoleObject.refund), hasMore: result.hasMore)
        }
    }

    private func retrieve(_ ref: ObjectRef) async throws -> ConsoleObject {
        switch ref.kind {
        case .payment: return .payment(try await client.retrievePaymentIntent(id: ref.id))
        case .customer: return .customer(try await client.retrieveCustomer(id: ref.id))
        case .subscription: return .subscription(try await client.retrieveSubscription(id: ref.id))
        case .refund: return .refund(try await client.retrieveRefund(id: ref.id))
        }
    }

    /// Journal first: if the journal cannot record the attempt, the request is not sent at all.
    private func send(_ request: ActionRequest) async -> [ConsoleEvent] {
        do {
            try await journal.append(JournalEntry(request: request, phase: .sending, recordedAt: now(), mode: mode))
        } catch {
            return [.effectResult(.notSent(request, reason: "The action journal could not record it: \(error)"))]
        }
        let result = await capture { try await self.perform(request) }
        let phase: JournalEntry.Phase
        let detail: String?
        switch result {
        case .success(let object): phase = .succeeded; detail = "\(object.ref)"
        case .failure(let failure): phase = failure.outcomeUnclear ? .unclear : .failed; detail = failure.message
        }
        var events: [ConsoleEvent] = [.effectResult(.sent(request, result))]
        do {
            try await journal.append(JournalEntry(request: request, phase: phase, recordedAt: now(), mode: mode, detail: detail))
        } catch {
            events.append(.effectResult(.journalFailed(String(describing: error))))
        }
        return events
    }

    private func perform(_ request: ActionRequest) async throws -> ConsoleObject {
        switch request.action {
        case .capture:
            return .payment(try await client.capturePaymentIntent(id: request.objectId, amount: request.amount))
        case .cancelPayment:
            return .payment(try await client.cancelPaymentIntent(id: request.objectId, reason: request.reason))
        case .refund:
            let parameters = RefundCreateParameters(paymentIntentId: request.objectId, amount: request.amount,
                                                    currency: request.currency.map(CurrencyCode.init), reason: request.reason,
                                                    consoleRequestId: request.consoleRequestId)
            return .refund(try await client.createRefund(parameters))
        case .cancelSubscription:
            return .subscription(try await client.cancelSubscription(id: request.objectId, atPeriodEnd: request.atPeriodEnd, comment: request.reason))
        }
    }

    /// Reads the server's state to learn whether a request whose answer was lost took effect.
    private func settle(_ request: ActionRequest) async throws -> SettleFinding {
        switch request.action {
        case .capture:
            let payment = try await client.retrievePaymentIntent(id: request.objectId)
            return payment.status == .succeeded ? .happened(.payment(payment)) : .didNotHappen(.payment(payment))
        case .cancelPayment:
            let payment = try await client.retrievePaymentIntent(id: request.objectId)
            return payment.status == .cancelled ? .happened(.payment(payment)) : .didNotHappen(.payment(payment))
        case .refund:
            if let refund = try await client.findRefund(paymentIntentId: request.objectId, consoleRequestId: request.consoleRequestId) {
                return .happened(.refund(refund))
            }
            return .didNotHappen(nil)
        case .cancelSubscription:
            let subscription = try await client.retrieveSubscription(id: request.objectId)
            let done = subscription.status == .cancelled || (request.atPeriodEnd && subscription.cancelAtPeriodEnd == true)
            return done ? .happened(.subscription(subscription)) : .didNotHappen(.subscription(subscription))
        }
    }
}
