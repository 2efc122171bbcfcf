import Foundation
import GRDB

/// Subscriptions: created `incomplete` with an open first invoice (or `trialing` with a trial);
/// paying that invoice makes them `active`. Cancel now, or at the end of the current period.
extension SandboxEngine {
    static let intervals = ["day", "week", "month", "year"]
    static let cancellationFeedback = ["customer_service", "low_quality", "missing_features", "other", "switched_service",
                                       "too_complex", "too_expensive", "unused"]

    static func periodEnd(from start: Int64, interval: String, count: Int) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let component: Calendar.Component = switch interval {
        case "day": .day
        case "week": .weekOfYear
        case "year": .year
        default: .month
        }
        let date = Date(timeIntervalSince1970: Double(start) / 1000)
        let end = calendar.date(byAdding: component, value: count, to: date) ?? date
        return Int64(end.timeIntervalSince1970 * 1000)
    }

    func parseRecurring(_ body: JSONBody, currency: String) throws(APIError) -> (SandboxJSON, interval: String, count: Int, amount: MinorAmount) {
        let recurring = try body.object("recurring", required: true)!
        let interval = try recurring.string("interval", required: true)!
        guard Self.intervals.contains(interval) else {
            throw APIError.invalidArgument("recurring.interval", "recurring.interval must be day, week, month or year")
        }
        let count = try recurring.integer("interval_count", range: 1...365) ?? 1
        let amount = try recurring.amount("unit_amount", currency: currency, required: true)!
        var fields: Document = ["interval": .string(interval), "interval_count": .integer(count), "unit_amount": amount.json]
        if let cycles = try recurring.integer("total_billing_cycles", range: 1...1000) { fields["total_billing_cycles"] = .integer(cycles) }
        return (.object(fields), interval, count, amount)
    }

    func createSubscription(_ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        let customerId = try body.string("customer_id", required: true, maxLength: 64)!
        let currency = try body.currency()!
        let (recurring, interval, count, unitAmount) = try parseRecurring(body, currency: currency)
        let collection = try body.string("collection_method") ?? "charge_automatically"
        guard ["charge_automatically", "send_invoice"].contains(collection) else {
            throw APIError.invalidArgument("collection_method", "collection_method must be charge_automatically or send_invoice")
        }
        let trialDays = try body.integer("trial_period_days", range: 0...730) ?? 0
        let daysUntilDue = try body.integer("days_until_due", range: 0...365)
        let description = try body.string("description", maxLength: 5000)
        let metadata = try body.rawObject("metadata")
        let order = try body.rawObject("order")
        let defaultMethod = try body.string("default_payment_method", maxLength: 64)
        let merchant = request.merchant
        let json = try await writer.write { db -> SandboxJSON in
            let now = self.now()
            _ = try self.requireCustomer(customerId, merchantNo: merchant.merchantNo, db: db)
            let doc = try self.insertSubscription(SubscriptionTerms(
                customerId: customerId, currency: currency, recurring: recurring, interval: interval, intervalCount: count,
                firstInvoiceTotal: unitAmount, collection: collection, trialDays: trialDays, daysUntilDue: daysUntilDue,
                description: description, metadata: metadata, order: order, defaultPaymentMethod: defaultMethod),
                merchant: merchant, db: db, now: now)
            return try self.render(.subscription, doc, db)
        }
        return APIResult(json: json, committedChange: true)
    }

    struct SubscriptionTerms {
        var customerId: String
        var currency: String
        var recurring: SandboxJSON
        var interval: String
        var intervalCount: Int
        /// What the first invoice asks for (the unit amount, or a first-period discount price).
        var firstInvoiceTotal: MinorAmount
        var collection = "charge_automatically"
        var trialDays = 0
        var daysUntilDue: Int?
        var description: String?
        var metadata: SandboxJSON?
        var order: SandboxJSON?
        var defaultPaymentMethod: String?
    }

    /// Creates a subscription (`incomplete` with an open first invoice, or `trialing`) inside the
    /// caller's transaction; subscriptions create and checkout sessions share it.
    func insertSubscription(_ terms: SubscriptionTerms, merchant: SandboxCredentials, db: Database, now: Int64) throws -> Document {
        let id = IdentifierFactory.make(.subscription)
        var doc = newDocument(id: id, merchant: merchant, now: now)
        doc["customer_id"] = .string(terms.customerId)
        doc["currency"] = .string(terms.currency)
        doc["recurring"] = terms.recurring
        doc["collection_method"] = .string(terms.collection)
        doc.set("days_until_due", terms.daysUntilDue.map(SandboxJSON.integer))
        doc.set("description", string: terms.description)
        doc.set("metadata", terms.metadata)
        doc.set("order", terms.order)
        doc.set("default_payment_method", string: terms.defaultPaymentMethod)
        doc["livemode"] = .bool(false)
        doc["prorate"] = .bool(false)
        doc["cancel_at_period_end"] = .bool(false)
        let periodEnd = terms.trialDays > 0 ? now + Int64(terms.trialDays) * 86_400_000
            : Self.periodEnd(from: now, interval: terms.interval, count: terms.intervalCount)
        doc["current_period_start"] = SandboxTime.isoJSON(milliseconds: now)
        doc["current_period_end"] = SandboxTime.isoJSON(milliseconds: periodEnd)
        if terms.trialDays > 0 {
            doc["status"] = .string("trialing")
        } else {
            doc["status"] = .string("incomplete")
            let invoice = try insertInvoice(merchant: merchant, customerId: terms.customerId, subscriptionId: id, currency: terms.currency,
                                            total: terms.firstInvoiceTotal, collection: terms.collection, daysUntilDue: terms.daysUntilDue,
                                            description: terms.description, footer: nil, metadata: nil,
                                            period: (now, periodEnd), db: db, now: now)
            doc["latest_invoice"] = .string(invoice)
            doc["first_invoice_id"] = .string(invoice)
        }
        try db.insertDocument(.subscription, doc, columns: [
            "id": id, "merchant_no": merchant.merchantNo, "create_at": now, "status": doc.string("status"),
            "customer_id": terms.customerId, "period_end": periodEnd,
        ])
        try emit("subscription.created", kind: .subscription, doc: doc, db: db, now: now)
        return doc
    }

    func updateSubscription(id: String, _ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        return try await changeObject(.subscription, id: id, request) { doc, db, now in
            let current = doc.string("status") ?? ""
            guard !["canceled", "incomplete_expired"].contains(current) else {
                throw APIError.invalidStatus("subscription \(id) is \(current) and can no longer change")
            }
            var events = ["subscription.updated"]
            if body.has("recurring") {
                doc["recurring"] = try self.parseRecurring(body, currency: doc.string("currency") ?? "USD").0
            }
            if body.fields["description"] != nil { doc.set("description", string: try body.string("description", maxLength: 5000)) }
            if body.fields["metadata"] != nil { doc.set("metadata", try body.rawObject("metadata")) }
            if body.fields["order"] != nil { doc.set("order", try body.rawObject("order")) }
            if body.fields["default_payment_method"] != nil {
                doc.set("default_payment_method", string: try body.string("default_payment_method", maxLength: 64))
            }
            if let collection = try body.string("collection_method") {
                guard ["charge_automatically", "send_invoice"].contains(collection) else {
                    throw APIError.invalidArgument("collection_method", "collection_method must be charge_automatically or send_invoice")
                }
                doc["collection_method"] = .string(collection)
            }
            if let days = try body.integer("days_until_due", range: 0...365) { doc["days_until_due"] = .integer(days) }
            if let atPeriodEnd = try body.bool("cancel_at_period_end") {
                doc["cancel_at_period_end"] = .bool(atPeriodEnd)
                doc.set("cancel_at", atPeriodEnd ? doc["current_period_end"] : nil)
            }
            if let status = try body.string("status"), status != current {
                switch (current, status) {
                case ("active", "paused"), ("trialing", "paused"): events.append("subscription.paused")
                case ("paused", "active"): events.append("subscription.active")
                default:
                    throw APIError(status: .badRequest, code: "invalid_status",
                                   message: "a subscription cannot go from \(current) to \(status) by update; only active/trialing → paused and paused → active",
                                   source: "status")
                }
                doc["status"] = .string(status)
            }
            doc["modify_at"] = SandboxTime.isoJSON(milliseconds: now)
            try db.updateDocument(.subscription, id: id, doc, columns: ["status": doc.string("status")])
            for event in events { try self.emit(event, kind: .subscription, doc: doc, db: db, now: now) }
            return try self.render(.subscription, doc, db)
        }
    }

    func cancelSubscription(id: String, _ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        let atPeriodEnd = try body.bool("at_period_end") ?? false
        let comment = try body.string("comment", maxLength: 5000)
        let feedback = try body.string("feedback")
        if let feedback, !Self.cancellationFeedback.contains(feedback) {
            throw APIError.invalidArgument("feedback", "feedback must be one of \(Self.cancellationFeedback.joined(separator: ", "))")
        }
        return try await changeObject(.subscription, id: id, request) { doc, db, now in
            let current = doc.string("status") ?? ""
            guard !["canceled", "incomplete_expired"].contains(current) else {
                throw APIError.invalidStatus("subscription \(id) is already \(current)")
            }
            var details: Document = [:]
            details.set("comment", string: comment)
            details.set("feedback", string: feedback)
            if !details.isEmpty { doc["cancellation_details"] = .object(details) }
            doc["modify_at"] = SandboxTime.isoJSON(milliseconds: now)
            if atPeriodEnd {
                doc["cancel_at_period_end"] = .bool(true)
                doc["cancel_at"] = doc["current_period_end"]
                try db.updateDocument(.subscription, id: id, doc)
                try self.emit("subscription.updated", kind: .subscription, doc: doc, db: db, now: now)
            } else {
                try self.endSubscription(&doc, db: db, now: now)
            }
            return try self.render(.subscription, doc, db)
        }
    }

    func endSubscription(_ doc: inout Document, db: Database, now: Int64) throws {
        doc["status"] = .string("canceled")
        doc["canceled_at"] = SandboxTime.isoJSON(milliseconds: now)
        doc["ended_at"] = SandboxTime.isoJSON(milliseconds: now)
        doc["modify_at"] = SandboxTime.isoJSON(milliseconds: now)
        try db.updateDocument(.subscription, id: doc.string("id") ?? "", doc, columns: ["status": "canceled", "period_end": nil])
        try emit("subscription.cancelled", kind: .subscription, doc: doc, db: db, now: now)
    }

    /// At the end of a period: cancel when asked to, otherwise start the next period.
    func rollSubscriptionPeriods(_ db: Database, now: Int64) throws -> Int {
        let rows = try Row.fetchAll(db, sql: """
            SELECT doc FROM subscriptions WHERE period_end IS NOT NULL AND period_end <= ? LIMIT 500
            """, arguments: [now])
        for row in rows {
            var doc = try Database.decodeDocument(row["doc"])
            let id = doc.string("id") ?? ""
            let status = doc.string("status") ?? ""
            if doc["cancel_at_period_end"]?.boolValue == true || status == "canceled" {
                if status != "canceled" { try endSubscription(&doc, db: db, now: now) }
                else { try db.execute(sql: "UPDATE subscriptions SET period_end = NULL WHERE id = ?", arguments: [id]) }
                continue
            }
            let recurring = doc["recurring"]
            let interval = recurring?["interval"]?.stringValue ?? "month"
            let count = recurring?["interval_count"]?.intValue ?? 1
            var start = SandboxTime.parse(doc.string("current_period_end") ?? "") ?? now
            var end = Self.periodEnd(from: start, interval: interval, count: count)
            while end <= now { start = end; end = Self.periodEnd(from: start, interval: interval, count: count) }
            doc["current_period_start"] = SandboxTime.isoJSON(milliseconds: start)
            doc["current_period_end"] = SandboxTime.isoJSON(milliseconds: end)
            var events = ["subscription.updated"]
            if status == "trialing" { doc["status"] = .string("active"); events.append("subscription.active") }
            doc["modify_at"] = SandboxTime.isoJSON(milliseconds: now)
            try db.updateDocument(.subscription, id: id, doc, columns: ["status": doc.string("status"), "period_end": end])
            for event in events { try emit(event, kind: .subscription, doc: doc, db: db, now: now) }
        }
        return rows.count
    }
}
