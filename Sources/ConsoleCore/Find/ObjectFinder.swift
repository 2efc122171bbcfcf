import Foundation
import UseePay

/// What a search found: one object (open it), a few (show them), or nothing (say what was tried).
public struct FindOutcome: Sendable, Hashable {
    public var text: String
    public var matches: [ConsoleObject]
    /// The server has more matches than the short list holds.
    public var hasMore: Bool
    /// The step that found the matches; nil when nothing was found.
    public var matchedBy: FindStep?
    /// Every step that was asked, in order (the last one found the matches, if any).
    public var tried: [FindStep]

    public init(text: String, matches: [ConsoleObject], hasMore: Bool, matchedBy: FindStep?, tried: [FindStep]) {
        self.text = text; self.matches = matches; self.hasMore = hasMore; self.matchedBy = matchedBy
        self.tried = tried
    }

    /// "nothing found for "x" (tried: payment intent id, refund id, merchant order id)"
    public var nothingFoundMessage: String {
        let shown = ConsoleText.quoted(text)
        if tried.isEmpty {
            return text.isEmpty ? "Type what to find: an id, order id, email or phone"
                                : "Nothing found for \(shown): it is no id, order id, email or phone (nothing was asked)"
        }
        return "Nothing found for \(shown) (tried: \(tried.map(\.description).joined(separator: ", ")))"
    }
}

/// Runs `FindPlan`'s steps against the API until one finds something. A "not found" or "not a valid
/// id" answer moves on to the next step; any other failure (network, credentials) stops the search,
/// because "nothing found" would then be a guess.
public struct ObjectFinder: Sendable {
    public let client: UseePayClient
    /// How many matches a short list holds.
    public static let shortListSize = 20

    public init(client: UseePayClient) { self.client = client }

    public func find(_ raw: String) async throws -> FindOutcome {
        let text = FindPlan.normalised(raw)
        var tried: [FindStep] = []
        for step in FindPlan.steps(for: text) {
            try Task.checkCancellation()
            tried.append(step)
            let found: (objects: [ConsoleObject], hasMore: Bool)
            do {
                found = try await run(step)
            } catch let error as UseePayError where Self.meansNoMatch(error) {
                continue
            }
            if !found.objects.isEmpty {
                return FindOutcome(text: text, matches: found.objects, hasMore: found.hasMore, matchedBy: step, tried: tried)
            }
        }
        return FindOutcome(text: text, matches: [], hasMore: false, matchedBy: nil, tried: tried)
    }

    /// 404, or a 400 saying the id or filter value is not acceptable: this step found nothing.
    static func meansNoMatch(_ error: UseePayError) -> Bool {
        if error.outcomeUnclear { return false }
        if error.kind == .notFound || error.httpStatus == 404 { return true }
        return error.kind == .api && error.httpStatus == 400
    }

    private var window: ListWindow { ListWindow(pageNum: 0, pageSize: Self.shortListSize) }

    private func run(_ step: FindStep) async throws -> (objects: [ConsoleObject], hasMore: Bool) {
        switch step {
        case .retrieve(let kind, let id):
            return ([try await retrieve(kind, id)], false)
        case .paymentsByOrder(let order):
            let page = try await client.listPaymentIntents(PaymentIntentListQuery(window: window, merchantOrderId: order))
            // Guard against a server that ignores the filter: keep exact matches only.
            let items = page.items.filter { $0.merchantOrderId == order }
            return (items.map(ConsoleObject.payment), page.hasMore && items.count == page.items.count)
        case .customersByEmail(let email):
            let page = try await client.listCustomers(CustomerListQuery(window: window, email: email))
            let items = page.items.filter { $0.email?.lowercased() == email.lowercased() }
            return (items.map(ConsoleObject.customer), page.hasMore && items.count == page.items.count)
        case .customersByPhone(let phone):
            let page = try await client.listCustomers(CustomerListQuery(window: window, phone: phone))
            let items = page.items.filter { Self.digits($0.phone) == Self.digits(phone) }
            return (items.map(ConsoleObject.customer), page.hasMore && items.count == page.items.count)
        case .customersByMerchantCustomerId(let merchantId):
            let page = try await client.listCustomers(CustomerListQuery(window: window, merchantCustomerId: merchantId))
            let items = page.items.filter { $0.merchantCustomerId == merchantId }
            return (items.map(ConsoleObject.customer), page.hasMore && items.count == page.items.count)
        }
    }

    private func retrieve(_ kind: ObjectKind, _ id: String) async throws -> ConsoleObject {
        switch kind {
        case .payment: return .payment(try await client.retrievePaymentIntent(id: id))
        case .customer: return .customer(try await client.retrieveCustomer(id: id))
        case .subscription: return .subscription(try await client.retrieveSubscription(id: id))
        case .refund: return .refund(try await client.retrieveRefund(id: id))
        case .invoice: return .billing(.invoice(try await client.retrieveInvoice(id: id)))
        case .mandate: return .billing(.mandate(try await client.retrieveMandate(id: id)))
        case .checkoutSession: return .billing(.checkoutSession(try await client.retrieveCheckoutSession(id: id)))
        }
    }

    /// Phones compare by their digits: "+82 10-1234-5678" is "+821012345678".
    static func digits(_ phone: String?) -> String { (phone ?? "").filter { $0.isASCII && $0.isNumber } }
}

/// Small text helpers for messages that quote what the user typed.
enum ConsoleText {
    /// The text in quotes, cut at 60 characters, with control characters replaced (it may be hostile).
    static func quoted(_ text: String) -> String {
        let clean = String(text.unicodeScalars.map { scalar -> Character in
            scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format ? "?" : Character(scalar)
        })
        return "\"" + (clean.count > 60 ? String(clean.prefix(59)) + "…" : clean) + "\""
    }
}
