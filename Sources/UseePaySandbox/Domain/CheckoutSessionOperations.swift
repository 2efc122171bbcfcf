import Foundation
import GRDB

/// Checkout sessions (SPEC §7.10): created `open`/`unpaid` with a hosted page under
/// `/__sandbox/checkout/{id}`. Paying there creates the payment intent (mode `payment`) or the
/// subscription and its first charge (mode `subscription`), and the session becomes
/// `complete`/`paid`. Open sessions past `expires_at` (sandbox clock) become `expired`.
extension SandboxEngine {
    /// 24 hours, as in the documented example (`expires_at - created = 86400`).
    static let checkoutSessionLifetimeSeconds: Int64 = 86_400

    /// The documented checkout-session validation errors use this code with `source: null`.
    static func checkoutRequestError(_ message: String) -> APIError {
        APIError(status: .badRequest, code: "invalid_request_error", message: message, source: nil)
    }

    private struct CheckoutLineItems {
        var items: [SandboxJSON] = []
        var total: Int64 = 0
        /// The first item's `price_data.recurring`: the subscription's billing period.
        var interval: String?
        var intervalCount = 1
        var billingCycles: Int?
    }

    private func parseLineItems(_ body: JSONBody, currency: String) throws(APIError) -> CheckoutLineItems {
        guard let value = body.fields["line_items"], !value.isNull else { throw APIError.fieldRequired("line_items") }
        guard case .array(let raw) = value, !raw.isEmpty else {
            throw APIError.invalidArgument("line_items", "line_items must be a non-empty array")
        }
        var parsed = CheckoutLineItems()
        for (index, element) in raw.enumerated() {
            guard case .object(let fields) = element else {
                throw APIError.invalidArgument("line_items[\(index)]", "line_items[\(index)] must be an object")
            }
            let item = JSONBody(fields, path: "line_items[\(index)]")
            guard let quantity = try item.integer("quantity", range: 1...1_000_000) else { throw APIError.fieldRequired(item.name("quantity")) }
            let price = try item.object("price_data", required: true)!
            let product = try price.object("product_data", required: true)!
            _ = try product.string("name", required: true, maxLength: 500)
            _ = try product.string("desc", maxLength: 5000)
            if let itemCurrency = try price.currency(required: false), itemCurrency != currency {
                throw APIError.invalidArgument(price.name("currency"), "\(price.name("currency")) must be the session's currency \(currency)")
            }
            let unit = try price.amount("unit_amount", currency: currency, required: true)!
            let (lineTotal, overflow) = unit.units.multipliedReportingOverflow(by: Int64(quantity))
            guard !overflow, parsed.total <= Int64.max - lineTotal else { throw APIError.invalidArgument(item.name("quantity"), "the line item total is too large") }
            parsed.total += lineTotal
            if let recurring = try price.object("recurring") {
                let interval = try recurring.string("interval", required: true)!
                guard Self.intervals.contains(interval) else {
                    throw APIError.invalidArgument(recurring.name("interval"), "\(recurring.name("interval")) must be day, week, month or year")
                }
                let count = try recurring.integer("interval_count", range: 1...365) ?? 1
                let cycles = try recurring.integer("total_billing_cycles", range: 1...1000)
                if parsed.interval == nil { (parsed.interval, parsed.intervalCount, parsed.billingCycles) = (interval, count, cycles) }
            }
            parsed.items.append(element)
        }
        return parsed
    }

    func createCheckoutSession(_ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        guard let mode = try body.string("mode"), !mode.isEmpty else { throw Self.checkoutRequestError("mode required") }
        guard ["payment", "subscription"].contains(mode) else {
            throw APIError.invalidArgument("mode", "mode must be payment or subscription")
        }
        let currency = try body.currency()!
        let amount = try body.amount("amount", currency: currency, required: true)!
        let lineItems = try parseLineItems(body, currency: currency)
        guard lineItems.total == amount.units else { throw Self.checkoutRequestError("amount not equals to item lines") }
        let customerId = try body.string("customer_id", maxLength: 64)
        let inlineCustomer = customerId == nil ? try body.object("customer") : nil
        var subscriptionData: SandboxJSON?
        if mode == "subscription" {
            guard let data = try body.object("subscription_data") else {
                throw Self.checkoutRequestError("subscription_data required for subscription mode")
            }
            if let discount = try data.object("discount_period_config") {
                _ = try discount.integer("discount_period_count", range: 1...1000)
                _ = try discount.amount("discount_period_amount", currency: currency, required: true)
            }
            subscriptionData = .object(data.fields)
            guard lineItems.interval != nil else {
                throw APIError.invalidArgument("line_items", "subscription mode needs a line item with price_data.recurring")
            }
            guard customerId != nil || inlineCustomer != nil else { throw APIError.fieldRequired("customer_id") }
        }
        var doc: Document = ["object": .string("checkout.session"), "mode": .string(mode), "status": .string("open"),
                             "payment_status": .string("unpaid"), "amount": amount.json, "currency": .string(currency),
                             "line_items": .array(lineItems.items)]
        doc.set("ui_mode", string: try body.string("ui_mode", maxLength: 40))
        doc.set("merchant_order_id", string: try body.string("merchant_order_id", maxLength: 64))
        doc.set("subscription_data", subscriptionData)
        doc.set("collection_method", string: try body.string("collection_method", maxLength: 40))
        doc["payment_method_types"] = .array((try body.stringArray("payment_method_types") ?? ["card"]).map(SandboxJSON.string))
        for field in ["metadata", "shipping", "billing"] { doc.set(field, try body.rawObject(field)) }
        let requestedExpiry = try body.integer("expires_at", range: 0...Int(Int32.max))
        let merchant = request.merchant
        let id = IdentifierFactory.make(.checkoutSession)
        let pageURL = baseURL.absoluteString + "/__sandbox/checkout/" + id
        let prepared = doc
        let json = try await writer.write { db -> SandboxJSON in
            let now = self.now()
            var doc = prepared
            let created = ListCounts.floorDivide(now, 1000)
            let expiresAt = Int64(requestedExpiry ?? Int(created + Self.checkoutSessionLifetimeSeconds))
            guard expiresAt > created, expiresAt <= created + Self.checkoutSessionLifetimeSeconds else {
                throw APIError.invalidArgument("expires_at", "expires_at must be in the next 24 hours (Unix seconds)")
            }
            if let customerId { _ = try self.requireCustomer(customerId, merchantNo: merchant.merchantNo, db: db) }
            let resolvedCustomer = try customerId ?? inlineCustomer.map { try self.resolveInlineCustomer($0, merchant: merchant, db: db, now: now) }
            doc["id"] = .string(id)
            doc["merchant_no"] = .string(merchant.merchantNo)
            doc["app_id"] = .string(merchant.appId)
            doc.set("customer_id", string: resolvedCustomer)
            doc["created"] = .integer(Int(created))
            doc["expires_at"] = .integer(Int(expiresAt))
            doc["client_secret"] = .string(id + "_secret_" + IdentifierFactory.make(.clientSecret))
            doc["url"] = .string(pageURL)
            try db.insertDocument(.checkoutSession, doc, columns: [
                "id": id, "merchant_no": merchant.merchantNo, "create_at": now, "status": "open", "customer_id": resolvedCustomer,
                "merchant_order_id": doc.string("merchant_order_id"), "expires_at": expiresAt * 1000,
            ])
            return try self.render(.checkoutSession, doc, db)
        }
        return APIResult(json: json, committedChange: true)
    }

    private static func checkoutColumns(_ doc: Document) -> [String: (any DatabaseValueConvertible)?] {
        ["status": doc.string("status"), "payment_intent_id": doc.string("payment_intent_id"), "subscription_id": doc.string("subscription_id")]
    }

    /// The hosted page's "Pay" button: charges `cardNumber` (default the success card). A declined
    /// card leaves the session `open` (with the failed attempt's `payment_intent_id`) so the payer can try again.
    func completeCheckoutSession(id: String, cardNumber: String?) async throws -> SandboxJSON {
        try await writer.write { db -> SandboxJSON in
            let now = self.now()
            guard let text = try String.fetchOne(db, sql: "SELECT doc FROM checkout_sessions WHERE id = ?", arguments: [id]) else {
                throw APIError.notFound("checkout session", id: id)
            }
            var session = try Database.decodeDocument(text)
            let status = session.string("status") ?? ""
            guard status == "open" else { throw APIError.invalidStatus("checkout session \(id) is \(status), not open") }
            if let expiresAt = session["expires_at"]?.intValue, Int64(expiresAt) * 1000 <= now {
                throw APIError.invalidStatus("checkout session \(id) expired at \(SandboxTime.iso(milliseconds: Int64(expiresAt) * 1000))")
            }
            let merchant = SandboxCredentials(merchantNo: session.string("merchant_no") ?? "", appId: session.string("app_id") ?? "", apiKey: "")
            let card = cardNumber ?? TestCard.success
            let succeeded: Bool
            if session.string("mode") == "subscription" {
                succeeded = try self.payCheckoutSubscription(&session, card: card, merchant: merchant, db: db, now: now)
            } else {
                let intent = try self.payCheckoutIntent(session, card: card, merchant: merchant, db: db, now: now)
                session["payment_intent_id"] = intent["id"]
                succeeded = self.status(of: intent) == .succeeded
            }
            if succeeded {
                session["status"] = .string("complete")
                session["payment_status"] = .string("paid")
            }
            try db.updateDocument(.checkoutSession, id: id, session, columns: Self.checkoutColumns(session))
            if succeeded { try self.emit("checkout_session.completed", kind: .checkoutSession, doc: session, db: db, now: now) }
            return try self.render(.checkoutSession, session, db)
        }
    }

    private func payCheckoutIntent(_ session: Document, card: String, merchant: SandboxCredentials, db: Database, now: Int64) throws -> Document {
        let intentId = IdentifierFactory.make(.paymentIntent)
        var intent = newDocument(id: intentId, merchant: merchant, now: now)
        intent["amount"] = session["amount"]
        intent["currency"] = session["currency"]
        intent["status"] = .string(PaymentIntentStatus.requiresPaymentMethod.rawValue)
        intent["merchant_order_id"] = session["merchant_order_id"] ?? session["id"]
        intent.set("customer_id", session["customer_id"])
        intent.set("metadata", session["metadata"])
        intent["description"] = .string("Checkout session " + (session.string("id") ?? ""))
        intent["auto_capture"] = .bool(true)
        intent["livemode"] = .bool(false)
        intent["payment_method_types"] = session["payment_method_types"] ?? .array([.string("card")])
        intent["client_secret"] = .string(intentId + "_secret_" + IdentifierFactory.make(.clientSecret))
        var columns = Self.paymentIntentColumns(intent, amountMinor: try amountMinor(intent, "amount"))
        columns["id"] = intentId
        columns["merchant_no"] = merchant.merchantNo
        columns["create_at"] = now
        try db.insertDocument(.paymentIntent, intent, columns: columns)
        try emit("payment_intent.created", kind: .paymentIntent, doc: intent, db: db, now: now)
        let charge = JSONBody(["payment_method_data": .object(["type": .string("card"), "card": .object(["number": .string(card)])])])
        return try confirm(intent, body: charge, db: db, now: now)
    }

    /// Creates the subscription on the first attempt (its first invoice priced at the discount when
    /// `subscription_data.discount_period_config` asks for one), then charges its open invoice.
    private func payCheckoutSubscription(_ session: inout Document, card: String, merchant: SandboxCredentials, db: Database,
                                         now: Int64) throws -> Bool {
        let currency = session.string("currency") ?? "USD"
        let exponent = SandboxCurrency.exponent(of: currency)
        var subscription: Document
        if let existing = session.string("subscription_id"), let loaded = try db.loadDocument(.subscription, id: existing, merchantNo: merchant.merchantNo) {
            subscription = loaded
        } else {
            let amount = try amountMinor(session, "amount")
            let recurringItem = session["line_items"]?.arrayValue?.lazy.compactMap { $0["price_data"]?["recurring"] }.first
            let interval = recurringItem?["interval"]?.stringValue ?? "month"
            let count = recurringItem?["interval_count"]?.intValue ?? 1
            var recurring: Document = ["interval": .string(interval), "interval_count": .integer(count),
                                       "unit_amount": MinorAmount(units: amount, exponent: exponent).json]
            recurring.set("total_billing_cycles", recurringItem?["total_billing_cycles"])
            var firstTotal = MinorAmount(units: amount, exponent: exponent)
            if case .number(let text)? = session["subscription_data"]?["discount_period_config"]?["discount_period_amount"] {
                firstTotal = try MinorAmount.parse(text, exponent: exponent)
            }
            subscription = try insertSubscription(SubscriptionTerms(
                customerId: session.string("customer_id") ?? "", currency: currency, recurring: .object(recurring), interval: interval,
                intervalCount: count, firstInvoiceTotal: firstTotal, description: "Checkout session " + (session.string("id") ?? ""),
                metadata: session["metadata"]), merchant: merchant, db: db, now: now)
            session["subscription_id"] = subscription["id"]
        }
        guard let invoiceId = subscription.string("latest_invoice"),
              let invoice = try db.loadDocument(.invoice, id: invoiceId, merchantNo: merchant.merchantNo),
              ["open", "payment_failed"].contains(invoice.string("status") ?? "") else {
            throw APIError.invalidStatus("the subscription of checkout session \(session.string("id") ?? "") has no invoice to pay")
        }
        let charged = try chargeInvoice(invoice, cardNumber: card, merchant: merchant, db: db, now: now)
        session["payment_intent_id"] = charged.intent["id"]
        return charged.invoice.string("status") == "paid"
    }

    /// The hosted page's "Let it expire" button.
    func expireCheckoutSession(id: String) async throws -> SandboxJSON {
        try await writer.write { db -> SandboxJSON in
            guard let text = try String.fetchOne(db, sql: "SELECT doc FROM checkout_sessions WHERE id = ?", arguments: [id]) else {
                throw APIError.notFound("checkout session", id: id)
            }
            var session = try Database.decodeDocument(text)
            let status = session.string("status") ?? ""
            guard status == "open" else { throw APIError.invalidStatus("checkout session \(id) is \(status), not open") }
            try self.expire(&session, db: db, now: self.now())
            return try self.render(.checkoutSession, session, db)
        }
    }

    private func expire(_ session: inout Document, db: Database, now: Int64) throws {
        session["status"] = .string("expired")
        try db.updateDocument(.checkoutSession, id: session.string("id") ?? "", session, columns: Self.checkoutColumns(session))
        try emit("checkout_session.expired", kind: .checkoutSession, doc: session, db: db, now: now)
    }

    /// Open sessions whose `expires_at` has passed on the sandbox clock; part of the background step.
    func expireDueCheckoutSessions(_ db: Database, now: Int64) throws -> Int {
        let rows = try String.fetchAll(db, sql: """
            SELECT doc FROM checkout_sessions WHERE status = 'open' AND expires_at <= ? LIMIT 500
            """, arguments: [now])
        for text in rows {
            var session = try Database.decodeDocument(text)
            try expire(&session, db: db, now: now)
        }
        return rows.count
    }
}
