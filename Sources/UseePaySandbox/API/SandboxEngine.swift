import Foundation
import GRDB
import Hummingbird
import Logging

/// One API call after transport concerns (faults, body size) are handled.
struct APIRequest: Sendable {
    var method: HTTPRequest.Method
    /// Path components after `/api/v1/`.
    var path: [String]
    var query: [(String, String)]
    var body: SandboxJSON?
    var merchant: SandboxCredentials

    func queryValues(_ name: String) -> [String] { query.filter { $0.0 == name }.map(\.1) }
    func queryValue(_ name: String) -> String? { queryValues(name).last }
}

struct APIResult: Sendable {
    var status: HTTPResponse.Status = .ok
    var json: SandboxJSON
    /// True when the call changed stored data (the drop-after-commit fault only applies then).
    var committedChange = false
    /// Already-serialised answer, UTF-8 (lists write their items once even when they appear twice).
    var rawBody: [UInt8]?

    init(status: HTTPResponse.Status = .ok, json: SandboxJSON, committedChange: Bool = false) {
        self.status = status
        self.json = json
        self.committedChange = committedChange
    }

    init(rawBody: [UInt8]) {
        self.json = .null
        self.rawBody = rawBody
    }
}

/// The emulator itself: storage, clock and the rules of every operation. HTTP plumbing lives in
/// `SandboxResponder`; this type is what its routes call.
final class SandboxEngine: Sendable {
    let database: SandboxDatabase
    let clock: SandboxClock
    let options: SandboxOptions
    let signer: WebhookSigner
    let merchants: [SandboxCredentials]
    let faults: FaultSettings
    let logger: Logger
    private let boundURL = LockedValue<URL?>(nil)

    let webhookDelivery: WebhookDelivery?
    let activity: BackgroundActivity

    init(database: SandboxDatabase, clock: SandboxClock, options: SandboxOptions, signer: WebhookSigner, logger: Logger,
         webhookDelivery: WebhookDelivery?, activity: BackgroundActivity = BackgroundActivity()) {
        self.webhookDelivery = webhookDelivery
        self.activity = activity
        self.database = database
        self.clock = clock
        self.options = options
        self.signer = signer
        self.merchants = [options.credentials] + options.additionalMerchants
        self.faults = FaultSettings(options.faults)
        self.logger = logger
    }

    /// Known once the listener is bound (the port may be 0 until then).
    var baseURL: URL {
        get { boundURL.value ?? URL(string: "http://\(options.host):\(options.port)")! }
    }

    func setBaseURL(_ url: URL) { boundURL.value = url }

    var writer: any DatabaseWriter { database.writer }
    var settleDelayMilliseconds: Int64 { max(options.refundSettleDelay.milliseconds, 0) }

    /// Matches all three headers against one configured merchant; the key is compared in constant time.
    func authenticate(merchantNo: String?, apiKey: String?, appId: String?) -> SandboxCredentials? {
        guard let merchantNo, let apiKey, let appId else { return nil }
        return merchants.first { merchant in
            merchant.merchantNo == merchantNo && merchant.appId == appId && Self.constantTimeEquals(merchant.apiKey, apiKey)
        }
    }

    private static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    // MARK: Routing

    func handle(_ request: APIRequest) async throws -> APIResult {
        let path = request.path
        let method = request.method
        guard let resource = path.first else { throw APIError.routeNotFound(method.rawValue, "/api/v1") }
        switch (resource, method, path.count) {
        case ("payment_intents", .get, 1): return try await list(.paymentIntent, request)
        case ("payment_intents", .post, 1): return try await createPaymentIntent(request)
        case ("payment_intents", .post, 2) where path[1] == "create": return try await createPaymentIntent(request)
        case ("payment_intents", .get, 2): return try await retrieve(.paymentIntent, id: path[1], request)
        case ("payment_intents", .post, 2): return try await updatePaymentIntent(id: path[1], request)
        case ("payment_intents", .post, 3) where path[2] == "confirm": return try await confirmPaymentIntent(id: path[1], request)
        case ("payment_intents", .post, 3) where path[2] == "capture": return try await capturePaymentIntent(id: path[1], request)
        case ("payment_intents", .post, 3) where path[2] == "cancel": return try await cancelPaymentIntent(id: path[1], request)

        case ("refunds", .get, 1): return try await list(.refund, request)
        case ("refunds", .post, 2) where path[1] == "create": return try await createRefund(request)
        case ("refunds", .get, 2): return try await retrieve(.refund, id: path[1], request)

        case ("customers", .get, 1): return try await list(.customer, request)
        case ("customers", .post, 2) where path[1] == "create": return try await createCustomer(request)
        case ("customers", .get, 2): return try await retrieve(.customer, id: path[1], request)
        case ("customers", .post, 2): return try await updateCustomer(id: path[1], request)

        case ("subscriptions", .get, 1): return try await list(.subscription, request)
        case ("subscriptions", .post, 2) where path[1] == "create": return try await createSubscription(request)
        case ("subscriptions", .get, 2): return try await retrieve(.subscription, id: path[1], request)
        case ("subscriptions", .post, 2): return try await updateSubscription(id: path[1], request)
        case ("subscriptions", .post, 3) where path[2] == "cancel": return try await cancelSubscription(id: path[1], request)

        case ("invoices", .get, 1): return try await list(.invoice, request)
        case ("invoices", .post, 2) where path[1] == "create": return try await createInvoice(request)
        case ("invoices", .get, 2): return try await retrieve(.invoice, id: path[1], request)
        case ("invoices", .post, 2): return try await updateInvoice(id: path[1], request)
        case ("invoices", .post, 3) where path[2] == "pay": return try await payInvoice(id: path[1], request)
        case ("invoices", .post, 3) where path[2] == "finalize": return try await finalizeInvoice(id: path[1], request)

        case ("checkout_sessions", .get, 1): return try await list(.checkoutSession, request)
        case ("checkout_sessions", .post, 1): return try await createCheckoutSession(request)
        case ("checkout_sessions", .post, 2) where path[1] == "create": return try await createCheckoutSession(request)
        case ("checkout_sessions", .get, 2): return try await retrieve(.checkoutSession, id: path[1], request)

        case ("mandates", .get, 1): return try await list(.mandate, request)
        case ("mandates", .post, 2) where path[1] == "create": return try await createMandate(request)
        case ("mandates", .get, 2): return try await retrieve(.mandate, id: path[1], request)

        case ("webhooks", .get, 1): return try await list(.webhookEndpoint, request)
        case ("webhooks", .post, 2) where path[1] == "create": return try await createWebhookEndpoint(request)
        case ("webhooks", .get, 2): return try await retrieve(.webhookEndpoint, id: path[1], request)
        case ("webhooks", .post, 2): return try await updateWebhookEndpoint(id: path[1], request)

        default:
            throw APIError.routeNotFound(method.rawValue, "/api/v1/" + path.joined(separator: "/"))
        }
    }

    // MARK: Reading

    func retrieve(_ kind: ResourceKind, id: String, _ request: APIRequest) async throws -> APIResult {
        let merchantNo = request.merchant.merchantNo
        let json = try await writer.read { db -> SandboxJSON? in
            guard let doc = try db.loadDocument(kind, id: id, merchantNo: merchantNo) else { return nil }
            return try self.render(kind, doc, db)
        }
        guard let json else { throw APIError.notFound(kind.displayName, id: id) }
        return APIResult(json: json)
    }

    /// The wire object: stored fields plus every documented field that is absent, as null.
    /// `customers` lets a list page read and render each embedded customer once (many payments of a
    /// page share a customer).
    func render(_ kind: ResourceKind, _ doc: Document, _ db: Database, customers: EmbeddedCustomers? = nil) throws -> SandboxJSON {
        var fields = doc
        for name in kind.wireFields where fields[name] == nil { fields[name] = .null }
        if kind == .paymentIntent, let customerId = doc.string("customer_id"), let merchantNo = doc.string("merchant_no") {
            if let cached = customers?.rendered[customerId] {
                fields["customer"] = cached
            } else if let customer = try db.loadDocument(.customer, id: customerId, merchantNo: merchantNo) {
                let rendered = try render(.customer, customer, db)
                fields["customer"] = rendered
                customers?.rendered[customerId] = rendered
            }
        }
        if kind == .checkoutSession, let customerId = doc.string("customer_id"), let merchantNo = doc.string("merchant_no"),
           let customer = try db.loadDocument(.customer, id: customerId, merchantNo: merchantNo) {
            // The documented session shows the customer's short form.
            var short: Document = [:]
            for field in ["id", "email", "name", "phone", "merchant_customer_id"] { short[field] = customer[field] ?? .null }
            fields["customer"] = .object(short)
        }
        return .object(fields)
    }

    // MARK: Writing helpers

    func now() -> Int64 { clock.nowMilliseconds() }

    /// Base fields every new object carries.
    func newDocument(id: String, merchant: SandboxCredentials, now: Int64) -> Document {
        [
            "id": .string(id), "merchant_no": .string(merchant.merchantNo), "app_id": .string(merchant.appId),
            "create_at": SandboxTime.isoJSON(milliseconds: now), "modify_at": SandboxTime.isoJSON(milliseconds: now),
        ]
    }

    func requireCustomer(_ id: String, merchantNo: String, db: Database, source: String = "customer_id") throws -> Document {
        guard let customer = try db.loadDocument(.customer, id: id, merchantNo: merchantNo) else {
            throw APIError.notFound("customer", id: id, source: source)
        }
        return customer
    }

    /// Records an event and queues one delivery per enabled endpoint that subscribed to it, inside
    /// the caller's transaction: the change and its notification commit together or not at all.
    func emit(_ name: String, kind: ResourceKind, doc: Document, db: Database, now: Int64) throws {
        guard let merchantNo = doc.string("merchant_no"), let objectId = doc.string("id") else { return }
        let eventId = IdentifierFactory.make(.event)
        let event = SandboxJSON.object(["id": .string(eventId), "name": .string(name), "data": try render(kind, doc, db)])
        let body = event.serialized()
        try db.execute(sql: "INSERT INTO events (id, merchant_no, create_at, name, object_id, body) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [eventId, merchantNo, now, name, objectId, body])
        let endpoints = try String.fetchAll(
            db, sql: "SELECT doc FROM webhook_endpoints WHERE merchant_no = ? AND status = 'enabled'", arguments: [merchantNo])
        for text in endpoints {
            let endpoint = try Database.decodeDocument(text)
            let events = endpoint["events"]?.arrayValue?.compactMap(\.stringValue) ?? []
            guard events.contains("*") || events.contains(name), let url = endpoint.string("url"), let endpointId = endpoint.string("id")
            else { continue }
            try db.execute(sql: """
                INSERT INTO webhook_deliveries (event_id, endpoint_id, merchant_no, url, create_at, status, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, 'pending', ?)
                """, arguments: [eventId, endpointId, merchantNo, url, now, now])
        }
    }
}

/// Customers already rendered while answering one list page.
final class EmbeddedCustomers {
    var rendered: [String: SandboxJSON] = [:]
    /// Wire text by customer id; `.some(nil)` when this merchant has no such customer.
    private var wireTexts: [String: [UInt8]?] = [:]
    private var writer = StoredWireText(.customer)

    /// The customer's wire object as `render` + `serialized()` would write it, read once per page.
    func wireText(_ id: String, merchantNo: String, _ db: Database, engine: SandboxEngine) throws -> [UInt8]? {
        if let known = wireTexts[id] { return known }
        var text: [UInt8]?
        let statement = try db.cachedStatement(sql: "SELECT doc FROM customers WHERE id = ? AND merchant_no = ?")
        if let stored = try Data.fetchOne(statement, arguments: [id, merchantNo]) {
            text = stored.withUnsafeBytes { raw -> [UInt8]? in
                let bytes = raw.bindMemory(to: UInt8.self)
                guard writer.scan(bytes) else { return nil }
                var output: [UInt8] = []
                writer.write(bytes, customer: nil, into: &output)
                return output
            }
            if text == nil {
                var slow = ""
                try engine.render(.customer, try Database.decodeDocument(bytes: stored), db).write(into: &slow)
                text = Array(slow.utf8)
            }
        }
        wireTexts[id] = .some(text)
        return text
    }
}

/// Fault settings can be changed at run time through the admin API.
final class FaultSettings: @unchecked Sendable {
    private let lock = NSLock()
    private var value: FaultOptions
    init(_ value: FaultOptions) { self.value = value }
    var current: FaultOptions {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

/// A value shared between tasks behind a lock.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    func withValue<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.withLock { body(&stored) }
    }
}
