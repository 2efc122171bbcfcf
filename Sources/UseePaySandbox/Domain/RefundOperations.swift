import Foundation
import GRDB

/// Refunds: only of succeeded intents, and the sum of refunds that have not failed never exceeds
/// the captured amount. The check and the insert share one write transaction.
extension SandboxEngine {
    func createRefund(_ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        let intentId = try body.string("payment_intent_id", required: true, maxLength: 64)!
        let givenCurrency = try body.currency(required: false)
        let reason = try body.string("reason", maxLength: 500)
        let metadata = try body.rawObject("metadata")
        let merchant = request.merchant
        let id = IdentifierFactory.make(.refund)
        let json = try await writer.write { db -> SandboxJSON in
            let now = self.now()
            guard let intent = try db.loadDocument(.paymentIntent, id: intentId, merchantNo: merchant.merchantNo) else {
                throw APIError.notFound("payment intent", id: intentId, source: "payment_intent_id")
            }
            let status = self.status(of: intent)
            guard status == .succeeded else {
                throw APIError(status: .badRequest, code: "invalid_status",
                               message: "payment intent \(intentId) is \(status.rawValue); only succeeded payments can be refunded",
                               source: "payment_intent_id")
            }
            let currency = intent.string("currency") ?? "USD"
            if let givenCurrency, givenCurrency != currency {
                throw APIError.invalidArgument("currency", "currency \(givenCurrency) does not match the payment's \(currency)")
            }
            let exponent = SandboxCurrency.exponent(of: currency)
            let row = try Row.fetchOne(db, sql: "SELECT captured_minor, test_card FROM payment_intents WHERE id = ?", arguments: [intentId])
            let captured: Int64 = row?["captured_minor"] ?? 0
            let testCard: String? = row?["test_card"]
            let refunded = try Int64.fetchOne(
                db, sql: "SELECT COALESCE(SUM(amount_minor), 0) FROM refunds WHERE payment_intent_id = ? AND status != 'failed'",
                arguments: [intentId]) ?? 0
            let remaining = captured - refunded
            guard remaining > 0 else {
                throw APIError.invalidArgument("amount", "payment intent \(intentId) is already fully refunded")
            }
            let amount = try body.amount("amount", currency: currency, required: false) ?? MinorAmount(units: remaining, exponent: exponent)
            guard amount.units <= remaining else {
                throw APIError.invalidArgument("amount", "amount \(amount.jsonText) is more than the \(MinorAmount(units: remaining, exponent: exponent).jsonText) \(currency) left to refund")
            }
            var doc = self.newDocument(id: id, merchant: merchant, now: now)
            doc["payment_intent_id"] = .string(intentId)
            doc["amount"] = amount.json
            doc["currency"] = .string(currency)
            doc["status"] = .string("received")
            doc.set("reason", string: reason)
            doc.set("metadata", metadata)
            try db.insertDocument(.refund, doc, columns: [
                "id": id, "merchant_no": merchant.merchantNo, "create_at": now, "status": "received",
                "payment_intent_id": intentId, "amount_minor": amount.units,
                "will_fail": testCard == TestCard.refundFailure ? 1 : 0, "next_step_at": now + self.settleDelayMilliseconds,
            ])
            try self.emit("refund.received", kind: .refund, doc: doc, db: db, now: now)
            return try self.render(.refund, doc, db)
        }
        return APIResult(json: json, committedChange: true)
    }

    /// Moves due refunds one step (`received` → `accepted` → `succeeded`/`failed`) and settles due
    /// `pending` payments. Returns how many objects changed.
    @discardableResult
    func settleDue() async throws -> Int {
        try await writer.write { db -> Int in
            let now = self.now()
            var changed = 0
            let refunds = try Row.fetchAll(db, sql: """
                SELECT id, status, will_fail, next_step_at, doc FROM refunds WHERE next_step_at IS NOT NULL AND next_step_at <= ? LIMIT 500
                """, arguments: [now])
            for row in refunds {
                let id: String = row["id"]
                let status: String = row["status"]
                var doc = try Database.decodeDocument(row["doc"])
                let next: String
                var nextStepAt: Int64? = nil
                if status == "received" {
                    next = "accepted"
                    // Counted from when this step was due, so one big clock advance can cover both steps.
                    let dueAt: Int64 = row["next_step_at"]
                    nextStepAt = dueAt + self.settleDelayMilliseconds
                } else {
                    next = (row["will_fail"] as Int64? ?? 0) == 1 ? "failed" : "succeeded"
                    if next == "succeeded" { doc["acquirer_reference_number"] = .string(Self.acquirerReference(for: id)) }
                }
                doc["status"] = .string(next)
                doc["modify_at"] = SandboxTime.isoJSON(milliseconds: now)
                try db.updateDocument(.refund, id: id, doc, columns: ["status": next, "next_step_at": nextStepAt])
                try self.emit("refund." + next, kind: .refund, doc: doc, db: db, now: now)
                changed += 1
            }
            let pending = try Row.fetchAll(db, sql: """
                SELECT id, doc FROM payment_intents WHERE settle_at IS NOT NULL AND settle_at <= ? LIMIT 500
                """, arguments: [now])
            for row in pending {
                let id: String = row["id"]
                var doc = try Database.decodeDocument(row["doc"])
                guard self.status(of: doc) == .pending else {
                    try db.execute(sql: "UPDATE payment_intents SET settle_at = NULL WHERE id = ?", arguments: [id])
                    continue
                }
                let autoCapture = doc["auto_capture"]?.boolValue ?? true
                let next: PaymentIntentStatus = autoCapture ? .succeeded : .requiresCapture
                var columns: [String: (any DatabaseValueConvertible)?] = ["settle_at": nil]
                if autoCapture {
                    doc["captured_amount"] = doc["amount"]
                    columns["captured_minor"] = try self.amountMinor(doc, "amount")
                } else {
                    columns["authorized_at"] = now
                }
                doc["status"] = .string(next.rawValue)
                doc["modify_at"] = SandboxTime.isoJSON(milliseconds: now)
                columns.merge(Self.paymentIntentColumns(doc)) { new, _ in new }
                try db.updateDocument(.paymentIntent, id: id, doc, columns: columns)
                try self.emit(next.eventName, kind: .paymentIntent, doc: doc, db: db, now: now)
                changed += 1
            }
            changed += try self.expireAuthorizations(db, now: now)
            changed += try self.rollSubscriptionPeriods(db, now: now)
            changed += try self.expireDueCheckoutSessions(db, now: now)
            return changed
        }
    }

    /// Authorisations older than `authorizationLifetime` are released, as card networks do.
    private func expireAuthorizations(_ db: Database, now: Int64) throws -> Int {
        let cutoff = now - options.authorizationLifetime.milliseconds
        let rows = try Row.fetchAll(db, sql: """
            SELECT doc FROM payment_intents WHERE authorized_at IS NOT NULL AND authorized_at <= ? AND status = 'requires_capture' LIMIT 500
            """, arguments: [cutoff])
        for row in rows {
            _ = try cancel(try Database.decodeDocument(row["doc"]), reason: "authorization_expired", db: db, now: now)
        }
        return rows.count
    }

    static func acquirerReference(for id: String) -> String {
        var generator = SplitMix64(seed: UInt64(truncatingIfNeeded: id.hashValue))
        return (0..<23).map { _ in String(generator.next() % 10) }.joined()
    }
}
