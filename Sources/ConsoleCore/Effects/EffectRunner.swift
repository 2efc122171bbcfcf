import Foundation
import UseePay

/// Performs the reducer's I/O effects through the UseePay client and the journal, and answers each with
/// events. Money moves go through `MoneyMover`, as the scripts' do. Timers, clipboard and quit are the
/// store's and the terminal's business, not the runner's.
public actor EffectRunner {
    private let client: UseePayClient
    private let mover: MoneyMover
    private let journal: any ActionJournal
    /// Where `:export` progress goes while the export runs (its result comes back as usual).
    private let events: ConsoleEventRelay?
    private let exportDirectory: String
    private let readAhead: FeedReadAhead

    public init(client: UseePayClient, journal: any ActionJournal, events: ConsoleEventRelay? = nil,
                exportDirectory: String = FileManager.default.currentDirectoryPath) {
        self.client = client
        self.mover = MoneyMover(client: client)
        self.journal = journal
        self.events = events
        self.exportDirectory = exportDirectory
        self.readAhead = FeedReadAhead(client: client)
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
            let result = await capture { try await self.mover.perform(request) }
            return [.effectResult(.sent(request, result))]
        case .settle(let request):
            let result = await capture { try await self.mover.settle(request) }
            return [.effectResult(.settled(request, result))]
        case .journal(let entry):
            do {
                try await journal.append(entry)
                return [.effectResult(.journaled(entry, problem: nil))]
            } catch {
                return [.effectResult(.journaled(entry, problem: String(describing: error)))]
            }
        case .find(let text):
            let result = await capture { try await ObjectFinder(client: self.client).find(text) }
            return [.effectResult(.found(text, result))]
        case .readFeed(let request):
            let result = await capture { try await self.readAhead.page(request) }
            return [.effectResult(.feedPage(request, result))]
        case .export(let request):
            let events = self.events
            do {
                let report = try await ListExporter(client: client, directory: exportDirectory).export(request) { rows in
                    events?.send(.exportProgress(request, rows: rows))
                }
                return [.effectResult(.exported(request, .success(report)))]
            } catch {
                return [.effectResult(.exported(request, .failure(error)))]
            }
        case .switchProfile(let name):
            // Only `ProfileSwitchingRunner` can open another profile.
            return [.effectResult(.profileSwitched(name, .failure(ConsoleFailure(message: "this console cannot switch profiles"))))]
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
            return LoadedPage(try await client.listPaymentIntents(q), ConsoleObject.payment)
        case .customers(var q):
            q.window.pageNum = page
            return LoadedPage(try await client.listCustomers(q), ConsoleObject.customer)
        case .subscriptions(var q):
            q.window.pageNum = page
            return LoadedPage(try await client.listSubscriptions(q), ConsoleObject.subscription)
        case .refunds(var q):
            q.window.pageNum = page
            return LoadedPage(try await client.listRefunds(q), ConsoleObject.refund)
        case .mandates(var q):
            q.window.pageNum = page
            let result = try await client.listMandates(q)
            let items = result.items.filter { q.customerId == nil || $0.customerId == nil || $0.customerId == q.customerId }
            return LoadedPage(objects: items.map { .billing(.mandate($0)) }, hasMore: result.hasMore)
        case .checkoutSessions(var q):
            q.window.pageNum = page
            let result: Page<CheckoutSession>
            do {
                result = try await client.listCheckoutSessions(q)
            } catch let error as UseePayError where error.httpStatus == 404 {
                // Listing sessions is not in UseePay's documentation: a service without it has none to show.
                return LoadedPage(objects: [], hasMore: false)
            }
            // The docs list no filters for sessions: keep only real matches if a server ignores them.
            let items = result.items.filter { q.paymentIntentId == nil || $0.paymentIntentId == q.paymentIntentId }
            return LoadedPage(objects: items.map { .billing(.checkoutSession($0)) }, hasMore: result.hasMore)
        }
    }

    private func retrieve(_ ref: ObjectRef) async throws -> ConsoleObject {
        switch ref.kind {
        case .payment: return .payment(try await client.retrievePaymentIntent(id: ref.id))
        case .customer: return .customer(try await client.retrieveCustomer(id: ref.id))
        case .subscription: return .subscription(try await client.retrieveSubscription(id: ref.id))
        case .refund: return .refund(try await client.retrieveRefund(id: ref.id))
        case .invoice: return .billing(.invoice(try await client.retrieveInvoice(id: ref.id)))
        case .mandate: return .billing(.mandate(try await client.retrieveMandate(id: ref.id)))
        case .checkoutSession: return .billing(.checkoutSession(try await client.retrieveCheckoutSession(id: ref.id)))
        }
    }
}

extension LoadedPage {
    init<Item>(_ page: Page<Item>, _ wrap: (Item) -> ConsoleObject) {
        self.init(objects: page.items.map(wrap), hasMore: page.hasMore, total: page.total)
    }
}
