import Foundation
import GRDB

/// Invoices are created `open` (event `invoice.sent`); paying one charges a card through the
/// test-card table: `paid` on success, `payment_failed` (HTTP 200, as SPEC §5.2 describes) otherwise.
extension SandboxEngine {
    func insertInvoice(merchant: SandboxCredentials, customerId: String, subscriptionId: String?, currency: String,
                       total: MinorAmount, collection: String, daysUntilDue: Int?, description: String?, footer: String?,
                       metadata: SandboxJSON?, period: (Int64, Int64)?, db: Database, now: Int64) throws -> String {
        let id = IdentifierFactory.make(.invoice)
        let sequence = (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invoices WHERE merchant_no = ?", arguments: [merchant.merchantNo]) ?? 0) + 1
        var doc = newDocument(id: id, merchant: merchant, now: now)
        doc["number"] = .string(String(format: "invoicenum%09d", sequence))
        doc["customer_id"] = .string(customerId)
        doc.set("subscription_id", string: subscriptionId)
        doc["currency"] = .string(currency)
        doc["total_amount"] = total.json
        doc["status"] = .string("open")
        doc["collection_method"] = .string(collection)
        doc.set("days_until_due", daysUntilDue.map(SandboxJSON.integer))
        doc.set("description", string: description)
        doc.set("footer", string: footer)
        doc.set("metadata", metadata)
        if let period {
            doc["period_start"] = SandboxTime.isoJSON(milliseconds: period.0)
            doc["period_end"] = SandboxTime.isoJSON(milliseconds: period.1)
        }
        try db.insertDocument(.invoice, doc, columns: [
            "id": id, "merchant_no": merchant.merchantNo, "create_at": now, "status": "open",
            "customer_id": customerId, "subscription_id": subscriptionId,
        ])
        try emit("invoice.sent", kind: .invoice, doc: doc, db: db, now: now)
        return id
    }

    func createInvoice(_ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        let customerId = try body.string("customer_id", required: true, maxLength: 64)!
        let currency = try body.currency()!
        let total = try body.amount("total_amount", currency: currency, required: true)!
        let subscriptionId = try body.string("subscription_id", maxLength: 64)
        let collection = try body.string("collection_method") ?? "send_invoice"
        guard ["charge_automatically", "send_invoice"].contains(collection) else {
            throw APIError.invalidArgument("collection_method", "collection_method must be charge_automatically or send_invoice")
        }
        let daysUntilDue = try body.integer("days_until_due", range: 0...365)
        let description = try body.string("description", maxLength: 5000)
        let footer = try body.string("footer", maxLength: 5000)
        let metadata = try body.rawObject("metadata")
        let merchant = request.merchant
        let json = try await writer.write { db -> SandboxJSON in
            let now = self.now()
            _ = try self.requireCustomer(customerId, merchantNo: merchant.merchantNo, db: db)
            if let subscriptionId {
                guard let subscription = try db.loadDocument(.subscription, id: subscriptionId, merchantNo: merchant.merchantNo) else {
                    throw APIError.notFound("subscription", id: subscriptionId, source: "subscription_id")
                }
                guard subscription.string("customer_id") == customerId else {
                    throw APIError.invalidArgument("subscription_id", "subscription \(subscriptionId) belongs to another customer")
                }
            }
            let id = try self.insertInvoice(merchant: merchant, customerId: customerId, subscriptionId: subscriptionId, currency: currency,
                                            total: total, collection: collection, daysUntilDue: daysUntilDue, description: description,
                                            footer: footer, metadata: metadata, period: nil, db: db, now: now)
            return try self.render(.invoice, try db.loadDocument(.invoice, id: id, merchantNo: merchant.merchantNo) ?? [:], db)
        }
        return APIResult(json: json, committedChange: true)
    }

    func payInvoice(id: String, _ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        let cardNumber = try body.object("payment_method_data")?.object("card")?.string("number") ?? TestCard.success
        let merchant = request.merchant
        return try await changeObject(.invoice, id: id, request) { invoice, db, now in
            let status = invoice.string("status") ?? ""
            guard ["open", "payment_failed"].contains(status) else {
                throw APIError.invalidStatus("invoice \(id) is \(status); only open or payment_failed invoices can be paid")
            }
            invoice = try self.chargeInvoice(invoice, cardNumber: cardNumber, merchant: merchant, db: db, now: now).invoice
            return try self.render(.invoice, invoice, db)
        }
    }

    /// `POST /api/v1/invoices/{id}`: description, footer, metadata and `days_until_due` while the
    /// invoice is `open`.
    func updateInvoice(id: String, _ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        return try await changeObject(.invoice, id: id, request) { invoice, db, now in
            let status = invoice.string("status") ?? ""
            guard status == "open" else {
                throw APIError.invalidStatus("invoice \(id) is \(status); only open invoices can be updated")
            }
            if body.fields["description"] != nil { invoice.set("description", string: try body.string("description", maxLength: 5000)) }
            if body.fields["footer"] != nil { invoice.set("footer", string: try body.string("footer", maxLength: 5000)) }
            if body.fields["metadata"] != nil { invoice.set("metadata", try body.rawObject("metadata")) }
            if body.fields["days_until_due"] != nil {
                invoice.set("days_until_due", try body.integer("days_until_due", range: 0...365).map(SandboxJSON.integer))
            }
            invoice["modify_at"] = SandboxTime.isoJSON(milliseconds: now)
            try db.updateDocument(.invoice, id: id, invoice)
            return try self.render(.invoice, invoice, db)
        }
    }

    /// `POST /api/v1/invoices/{id}/finalize` (in the SDK): sandbox invoices are created final
    /// (`open`), so finalizing an open invoice answers it unchanged; any other status is refused.
    func finalizeInvoice(id: String, _ request: APIRequest) async throws -> APIResult {
        _ = try JSONBody.parse(request.body)
        let merchantNo = request.merchant.merchantNo
        let json = try await writer.read { db -> SandboxJSON in
            let invoice = try self.loadObject(.invoice, id, merchantNo: merchantNo, db: db)
            let status = invoice.string("status") ?? ""
            guard status == "open" else {
                throw APIError.invalidStatus("invoice \(id) is \(status); only an open invoice can be finalized")
            }
            return try self.render(.invoice, invoice, db)
        }
        return APIResult(json: json)
    }

    /// Charges an open (or failed) invoice with a card through an ordinary payment intent, inside the
    /// caller's transaction: `paid` (and its subscription `active`) or `payment_failed`.
    func chargeInvoice(_ original: Document, cardNumber: String, merchant: SandboxCredentials, db: Database,
                       now: Int64) throws -> (invoice: Document, intent: Document) {
        var invoice = original
        let id = invoice.string("id") ?? ""
        let currency = invoice.string("currency") ?? "USD"
        let customerId = invoice.string("customer_id")
        // The charge is an ordinary payment intent, so it shows up in lists and webhooks like any other.
        let intentId = IdentifierFactory.make(.paymentIntent)
        var intent = self.newDocument(id: intentId, merchant: merchant, now: now)
        intent["amount"] = invoice["total_amount"]
        intent["currency"] = .string(currency)
        intent["status"] = .string(PaymentIntentStatus.requiresPaymentMethod.rawValue)
        intent["merchant_order_id"] = invoice["number"]
        intent.set("customer_id", string: customerId)
        intent["invoice_id"] = .string(id)
        intent.set("subscription_id", invoice["subscription_id"])
        intent["description"] = .string("Invoice " + (invoice.string("number") ?? id))
        intent["auto_capture"] = .bool(true)
        intent["livemode"] = .bool(false)
        intent["payment_method_types"] = .array([.string("card")])
        var columns = Self.paymentIntentColumns(intent, amountMinor: try self.amountMinor(intent, "amount"))
        columns["id"] = intentId
        columns["merchant_no"] = merchant.merchantNo
        columns["create_at"] = now
        try db.insertDocument(.paymentIntent, intent, columns: columns)
        try self.emit("payment_intent.created", kind: .paymentIntent, doc: intent, db: db, now: now)
        let charge = JSONBody(["payment_method_data": .object(["type": .string("card"), "card": .object(["number": .string(cardNumber)])])])
        intent = try self.confirm(intent, body: charge, db: db, now: now)
        invoice["payment_intent"] = .string(intentId)
        invoice["modify_at"] = SandboxTime.isoJSON(milliseconds: now)
        if self.status(of: intent) == .succeeded {
            invoice["status"] = .string("paid")
            for field in ["code", "message", "decline_code"] { invoice.removeValue(forKey: field) }
            try db.updateDocument(.invoice, id: id, invoice, columns: ["status": "paid"])
            try self.emit("invoice.paid", kind: .invoice, doc: invoice, db: db, now: now)
            try self.activateSubscriptionAfterPayment(invoice, db: db, now: now)
        } else {
            invoice["status"] = .string("payment_failed")
            let error = intent["last_payment_error"]
            invoice.set("code", error?["code"] ?? .string("payment_failed"))
            invoice.set("message", error?["message"] ?? .string("The invoice payment did not complete (status \(self.status(of: intent).rawValue))."))
            invoice.set("decline_code", error?["decline_code"])
            try db.updateDocument(.invoice, id: id, invoice, columns: ["status": "payment_failed"])
            try self.emit("invoice.payment_failed", kind: .invoice, doc: invoice, db: db, now: now)
        }
        return (invoice, intent)
    }

    private func activateSubscriptionAfterPayment(_ invoice: Document, db: Database, now: Int64) throws {
        guard let subscriptionId = invoice.string("subscription_id"), let merchantNo = invoice.string("merchant_no"),
              var subscription = try db.loadDocument(.subscription, id: subscriptionId, merchantNo: merchantNo),
              ["incomplete", "past_due", "unpaid"].contains(subscription.string("status") ?? "") else { return }
        subscription["status"] = .string("active")
        subscription["latest_invoice"] = invoice["id"]
        subscription["modify_at"] = SandboxTime.isoJSON(milliseconds: now)
        try db.updateDocument(.subscription, id: subscriptionId, subscription, columns: ["status": "active"])
        try emit("subscription.active", kind: .subscription, doc: subscription, db: db, now: now)
    }
}
