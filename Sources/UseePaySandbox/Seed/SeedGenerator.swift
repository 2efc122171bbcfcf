import Foundation
import GRDB

struct SeedPlan: Sendable {
    var paymentIntents: Int
    var days: Int
    var randomState: UInt64
    var hostileData: Bool
}

struct SeedSummary: Sendable {
    var paymentIntents = 0, customers = 0, refunds = 0, subscriptions = 0, invoices = 0
    var json: Document {
        ["payment_intents": .integer(paymentIntents), "customers": .integer(customers), "refunds": .integer(refunds),
         "subscriptions": .integer(subscriptions), "invoices": .integer(invoices)]
    }
}

/// Deterministic seed data (SplitMix64 from a fixed state). Rows go in with prepared statements in
/// batches of one transaction each, so a million payment intents take about a minute, not hours.
struct SeedGenerator: Sendable {
    let plan: SeedPlan
    let merchant: SandboxCredentials
    let timeZone: TimeZone
    /// In milliseconds: the sandbox clock when seeding starts, its refund settle delay and authorisation lifetime.
    let now, settleDelay, authorizationLifetime: Int64
    var random: SplitMix64

    init(plan: SeedPlan, merchant: SandboxCredentials, timeZone: TimeZone, now: Int64, settleDelay: Int64, authorizationLifetime: Int64) {
        self.plan = plan
        self.merchant = merchant
        self.timeZone = timeZone
        self.now = now
        self.settleDelay = settleDelay
        self.authorizationLifetime = authorizationLifetime
        random = SplitMix64(seed: plan.randomState)
    }

    static let batchSize = 20_000

    /// `String(format: "%0*d")` without Foundation's formatter, which loads ICU locale data per call
    /// (a measurable share of seeding a million rows).
    static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    mutating func roll(_ upperBound: Int) -> Int { Int(random.next() % UInt64(upperBound)) }
    mutating func chance(_ percent: Int) -> Bool { roll(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[roll(items.count)] }

    /// Start of each seeded day in the merchant's time zone, today first.
    func dayStarts() -> [Int64] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let today = calendar.startOfDay(for: Date(timeIntervalSince1970: Double(now) / 1000))
        return (0...max(plan.days, 0)).map { offset in
            let start = calendar.date(byAdding: .day, value: -offset, to: today) ?? today
            return Int64(start.timeIntervalSince1970 * 1000)
        }
    }

    mutating func text(_ normal: String) -> String {
        if plan.hostileData, chance(3) { return pick(SeedVocabulary.hostile) + " " + normal }
        if chance(2) { return pick(SeedVocabulary.awkward) }
        return normal
    }

    /// SQLite's page cache while seeding (KiB, as `cache_size` takes it negative). A million payments
    /// make indexes of about 300 MB whose pages are written in random order; with the default 2 MB
    /// cache nearly every insert read an index page back from the file.
    static let seedingCacheKiB = 256 * 1024

    mutating func run(writer: any DatabaseWriter) throws -> SeedSummary {
        let previousCache = try writer.writeWithoutTransaction { db in
            let previous = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = \(-Self.seedingCacheKiB)")
            return previous
        }
        defer { try? writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = \(previousCache)") } }
        var summary = SeedSummary()
        let customers = try seedCustomers(writer: writer, count: max(20, min(plan.paymentIntents / 20, 20_000)))
        summary.customers = customers.count
        let days = dayStarts()
        // One transaction: a seed that stops half-way (killed, disk full) leaves an empty database to
        // seed again, never half a seed with its indexes missing.
        var generator = self
        let counts = try writer.write { db -> (Int, Int) in
            try BulkLoad.withIndexesBuiltAfterwards(tables: ["payment_intents", "refunds"], db) {
                var remaining = plan.paymentIntents
                var sequence = 0
                var counts = (0, 0)
                while remaining > 0 {
                    let batch = min(remaining, Self.batchSize)
                    let done = try generator.seedIntents(db, count: batch, firstSequence: sequence, customers: customers, days: days)
                    counts.0 += done.0
                    counts.1 += done.1
                    sequence += batch
                    remaining -= batch
                }
                return counts
            }
        }
        self.random = generator.random
        summary.paymentIntents += counts.0
        summary.refunds += counts.1
        generator = self
        let billing = try writer.write { db in try generator.seedSubscriptions(db, customers: customers) }
        self.random = generator.random
        summary.subscriptions = billing.0
        summary.invoices = billing.1
        try writer.write { db in try db.setMetaValue("seeded", String(plan.paymentIntents)) }
        return summary
    }

    private mutating func seedCustomers(writer: any DatabaseWriter, count: Int) throws -> [(id: String, doc: Document)] {
        var customers: [(id: String, doc: Document)] = []
        for index in 0..<count {
            let person = pick(SeedVocabulary.people)
            let id = IdentifierFactory.make(.customer, using: &random)
            let createdAt = now - Int64(plan.days + 30) * 86_400_000 + Int64(index) * 1000
            var doc: Document = [
                "id": .string(id), "merchant_no": .string(merchant.merchantNo), "app_id": .string(merchant.appId),
                "create_at": SandboxTime.isoJSON(milliseconds: createdAt), "modify_at": SandboxTime.isoJSON(milliseconds: createdAt),
                "merchant_customer_id": .string("C" + Self.zeroPadded(index + 1, width: 6)),
                "name": .string(text(person.full)), "first_name": .string(person.first), "last_name": .string(person.last),
                "email": .string("\(person.emailLocal)+\(index + 1)@example.com"),
                "phone": .string("+82 10-" + Self.zeroPadded(roll(10_000), width: 4) + "-" + Self.zeroPadded(roll(10_000), width: 4)),
                "address": .object(["country": .string(person.country), "city": .string(person.city), "line1": .string("\(roll(300) + 1) Example Street")]),
            ]
            if chance(20) { doc["metadata"] = .object(["tier": .string(pick(["gold", "silver", "bronze"])), "loyalty_points": .integer(roll(5000))]) }
            customers.append((id, doc))
        }
        try writer.write { db in
            let statement = try db.makeStatement(sql: """
                INSERT INTO customers (id, merchant_no, create_at, email, merchant_customer_id, phone, doc) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for (id, doc) in customers {
                try statement.execute(arguments: [id, merchant.merchantNo, SandboxTime.parse(doc.string("create_at")!), doc.string("email"),
                                                  doc.string("merchant_customer_id"), doc.string("phone"), SandboxJSON.object(doc).serialized()])
            }
        }
        return customers
    }

    private static let availableMethods = SandboxJSON.array(["card", "applepay", "googlepay"].map(SandboxJSON.string))
    private static let currencies: [(String, Int)] = [("USD", 40), ("EUR", 15), ("GBP", 10), ("KRW", 20), ("JPY", 15)]

    private mutating func amount(for currency: String) -> MinorAmount {
        switch currency {
        case "KRW": return MinorAmount(units: Int64(roll(2_000) + 1) * 1000 + Int64(roll(10)) * 100, exponent: 0)
        case "JPY": return MinorAmount(units: Int64(roll(20_000) + 1) * 10, exponent: 0)
        default:
            let major = pick([5, 12, 19, 25, 49, 99, 120, 250, 499, 1200])
            return MinorAmount(units: Int64(major * 100 + roll(100)), exponent: 2)
        }
    }

    private mutating func status(isToday: Bool, ageMilliseconds: Int64) -> PaymentIntentStatus {
        let value = roll(100)
        let canCapture = ageMilliseconds < authorizationLifetime - 86_400_000
        if isToday {
            switch value {
            case 0..<40: return .succeeded
            case 40..<65: return .requiresCapture
            case 65..<72: return .requiresPaymentMethod
            case 72..<78: return .requiresCustomerAction
            case 78..<84: return .pending
            case 84..<92: return .canceled
            default: return .failed
            }
        }
        switch value {
        case 0..<60: return .succeeded
        case 60..<68: return canCapture ? .requiresCapture : .succeeded
        case 68..<74: return .requiresPaymentMethod
        case 74..<77: return .requiresCustomerAction
        case 77..<79: return .pending
        case 79..<90: return .canceled
        default: return .failed
        }
    }

    private mutating func seedIntents(_ db: Database, count: Int, firstSequence: Int, customers: [(id: String, doc: Document)],
                                      days: [Int64]) throws -> (Int, Int) {
        let intentStatement = try db.makeStatement(sql: """
            INSERT INTO payment_intents (id, merchant_no, create_at, status, customer_id, merchant_order_id, currency, amount_minor,
            captured_minor, test_card, authorized_at, settle_at, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let refundStatement = try db.makeStatement(sql: """
            INSERT INTO refunds (id, merchant_no, create_at, status, payment_intent_id, amount_minor, will_fail, next_step_at, doc)
            VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)
            """)
        var refunds = 0
        let baseURL = "http://127.0.0.1/__sandbox/3ds/"
        for index in 0..<count {
            let sequence = firstSequence + index
            // Today gets a larger share so the console's default view is busy.
            let dayIndex = days.count > 1 && chance(25) ? 0 : roll(days.count)
            let dayStart = days[dayIndex]
            let dayLength: Int64 = dayIndex == 0 ? max(now - dayStart, 1) : (days[dayIndex - 1] - dayStart)
            let createdAt = dayStart + Int64(random.next() % UInt64(max(dayLength, 1)))
            let status = status(isToday: dayIndex == 0, ageMilliseconds: now - createdAt)
            var currencyRoll = roll(100)
            var currency = "USD"
            for (code, weight) in Self.currencies {
                if currencyRoll < weight { currency = code; break }
                currencyRoll -= weight
            }
            let amount = amount(for: currency)
            let id = IdentifierFactory.make(.paymentIntent, using: &random)
            let customer: (id: String, doc: Document)? = chance(80) ? customers[roll(customers.count)] : nil
            let autoCapture = status != .requiresCapture && chance(85)
            let created = SandboxTime.isoJSON(milliseconds: createdAt)
            let modifiedAt = min(createdAt + Int64(roll(600_000)), now)
            var doc: Document = [
                "id": .string(id), "merchant_no": .string(merchant.merchantNo), "app_id": .string(merchant.appId),
                "create_at": created, "modify_at": SandboxTime.isoJSON(milliseconds: modifiedAt),
                "amount": amount.json, "currency": .string(currency), "status": .string(status.rawValue),
                "merchant_order_id": .string("ORD-" + Self.zeroPadded(sequence + 1, width: 8)),
                "description": .string(text(pick(SeedVocabulary.products))),
                "auto_capture": .bool(autoCapture), "confirm": .bool(status != .requiresPaymentMethod), "livemode": .bool(false),
                "payment_method_types": .array([.string("card")]), "available_payment_method_types": Self.availableMethods,
                "client_secret": .string(id + "_secret_" + IdentifierFactory.make(.clientSecret, using: &random)),
            ]
            if let customer { doc["customer_id"] = .string(customer.id) }
            if chance(10) { doc["metadata"] = .object(["channel": .string(pick(["web", "app", "pos"])), "cart_items": .integer(roll(9) + 1)]) }
            var card = TestCard.success
            var captured: Int64?
            var authorizedAt: Int64?
            switch status {
            case .succeeded:
                captured = chance(10) ? max(amount.units * Int64(roll(9) + 1) / 10, 1) : amount.units
                doc["captured_amount"] = MinorAmount(units: captured!, exponent: amount.exponent).json
                if chance(3) { card = TestCard.refundFailure }
            case .requiresCapture:
                authorizedAt = modifiedAt
            case .requiresCustomerAction:
                card = TestCard.threeDSecure
                doc["next_action"] = .object(["type": .string("redirect"), "redirect": .object([
                    "method": .string("GET"), "contentType": .string("text/html"), "url": .string(baseURL + id)])])
            case .canceled:
                doc["cancelled_at"] = SandboxTime.isoJSON(milliseconds: modifiedAt)
                doc["cancellation_reason"] = .string(text(pick(["Order canceled", "Customer changed their mind", "Out of stock", "duplicate"])))
            case .failed, .requiresPaymentMethod:
                if status == .failed || chance(50) {
                    let decline = pick([("card_declined", "insufficient_funds"), ("card_declined", "lost_card"), ("card_declined", "expired_card"),
                                        ("fraudulent", nil), ("processing_error", nil), ("card_declined", "stolen_card")] as [(String, String?)])
                    var error: Document = ["type": .string("card_error"), "code": .string(decline.0),
                                           "message": .string(TestCard.declineMessage(code: decline.0, declineCode: decline.1))]
                    error.set("decline_code", string: decline.1)
                    doc["last_payment_error"] = .object(error)
                    card = "4000000000000002"
                }
            case .pending:
                card = "4000000000000077"
            }
            if status != .requiresPaymentMethod || doc["last_payment_error"] != nil {
                doc["payment_method"] = .object(["type": .string("card"), "card": .object([
                    "brand": .string("visa"), "last4": .string(String(card.suffix(4)))])])
            }
            try intentStatement.execute(arguments: [
                id, merchant.merchantNo, createdAt, status.rawValue, customer?.id, doc.string("merchant_order_id"), currency, amount.units,
                captured, card, authorizedAt, nil as Int64?, SandboxJSON.object(doc).serialized(),
            ])
            if let captured, chance(8) {
                var left = captured
                let parts = chance(50) ? 1 : 2
                for part in 0..<parts where left > 0 {
                    let refundAmount = part == 0 && parts == 1 && chance(50) ? left : max(left / Int64(2 + roll(3)), 1)
                    left -= refundAmount
                    let refundId = IdentifierFactory.make(.refund, using: &random)
                    let refundCreated = min(modifiedAt + Int64(part + 1) * 3_600_000, now)
                    let settling = pick(["received", "accepted"])  // drawn unconditionally so the sequence never depends on the clock
                    let refundStatus = card == TestCard.refundFailure ? "failed" : (now - refundCreated < 3_600_000 ? settling : "succeeded")
                    var refund: Document = [
                        "id": .string(refundId), "merchant_no": .string(merchant.merchantNo), "app_id": .string(merchant.appId),
                        "create_at": SandboxTime.isoJSON(milliseconds: refundCreated), "modify_at": SandboxTime.isoJSON(milliseconds: refundCreated),
                        "payment_intent_id": .string(id), "amount": MinorAmount(units: refundAmount, exponent: amount.exponent).json,
                        "currency": .string(currency), "status": .string(refundStatus),
                        "reason": .string(text(pick(["requested_by_customer", "Damaged in transit", "Wrong size", "duplicate"]))),
                    ]
                    if refundStatus == "succeeded" { refund["acquirer_reference_number"] = .string(SandboxEngine.acquirerReference(for: refundId)) }
                    let nextStep: Int64? = ["received", "accepted"].contains(refundStatus) ? now + settleDelay : nil
                    try refundStatement.execute(arguments: [
                        refundId, merchant.merchantNo, refundCreated, refundStatus, id, refundAmount, nextStep, SandboxJSON.object(refund).serialized(),
                    ])
                    refunds += 1
                }
            }
        }
        return (count, refunds)
    }

    private mutating func seedSubscriptions(_ db: Database, customers: [(id: String, doc: Document)]) throws -> (Int, Int) {
        let count = max(12, min(plan.paymentIntents / 50, 5_000))
        let statuses = ["active", "active", "active", "active", "trialing", "past_due", "canceled", "canceled", "paused", "incomplete", "unpaid", "incomplete_expired"]
        var invoices = 0
        for index in 0..<count {
            let customer = customers[roll(customers.count)]
            let status = statuses[index % statuses.count]
            let id = IdentifierFactory.make(.subscription, using: &random)
            let currency = pick(["USD", "EUR", "KRW", "JPY", "GBP"])
            let unit = amount(for: currency)
            let interval = pick(["month", "month", "year", "week"])
            let createdAt = now - Int64(roll(max(plan.days, 1) * 86_400)) * 1000 - 86_400_000
            let periodStart = max(createdAt, now - 20 * 86_400_000)
            let periodEnd = SandboxEngine.periodEnd(from: periodStart, interval: interval, count: 1)
            let adjustedEnd = periodEnd <= now ? now + 86_400_000 * Int64(roll(20) + 1) : periodEnd
            var doc: Document = [
                "id": .string(id), "merchant_no": .string(merchant.merchantNo), "app_id": .string(merchant.appId),
                "create_at": SandboxTime.isoJSON(milliseconds: createdAt), "modify_at": SandboxTime.isoJSON(milliseconds: createdAt),
                "customer_id": .string(customer.id), "currency": .string(currency), "status": .string(status),
                "recurring": .object(["interval": .string(interval), "interval_count": .integer(1), "unit_amount": unit.json]),
                "description": .string(text(pick(["Coffee club", "Pro plan", "월간 구독", "定期便", "会员订阅", "Magazine"]))),
                "livemode": .bool(false), "prorate": .bool(false), "collection_method": .string("charge_automatically"),
                "cancel_at_period_end": .bool(status == "active" && chance(15)),
                "current_period_start": SandboxTime.isoJSON(milliseconds: periodStart), "current_period_end": SandboxTime.isoJSON(milliseconds: adjustedEnd),
            ]
            if doc["cancel_at_period_end"]?.boolValue == true { doc["cancel_at"] = doc["current_period_end"] }
            if status == "canceled" || status == "incomplete_expired" {
                doc["canceled_at"] = SandboxTime.isoJSON(milliseconds: createdAt + 86_400_000)
                doc["ended_at"] = doc["canceled_at"]
                doc["cancellation_details"] = .object(["feedback": .string(pick(SandboxEngine.cancellationFeedback)), "comment": .string(text("Switching plans"))])
            }
            if status != "trialing" {
                let invoiceId = IdentifierFactory.make(.invoice, using: &random)
                let invoiceStatus = ["active", "canceled", "paused"].contains(status) ? "paid" : (status == "incomplete_expired" ? "void" : "open")
                invoices += 1
                let invoice: Document = [
                    "id": .string(invoiceId), "merchant_no": .string(merchant.merchantNo), "app_id": .string(merchant.appId),
                    "create_at": SandboxTime.isoJSON(milliseconds: createdAt), "modify_at": SandboxTime.isoJSON(milliseconds: createdAt),
                    "number": .string("invoicenum" + Self.zeroPadded(invoices, width: 9)), "customer_id": .string(customer.id), "subscription_id": .string(id),
                    "currency": .string(currency), "total_amount": unit.json, "status": .string(invoiceStatus),
                    "collection_method": .string("charge_automatically"),
                    "period_start": SandboxTime.isoJSON(milliseconds: periodStart), "period_end": SandboxTime.isoJSON(milliseconds: adjustedEnd),
                ]
                try db.insertDocument(.invoice, invoice, columns: [
                    "id": invoiceId, "merchant_no": merchant.merchantNo, "create_at": createdAt, "status": invoiceStatus,
                    "customer_id": customer.id, "subscription_id": id,
                ])
                doc["latest_invoice"] = .string(invoiceId)
                doc["first_invoice_id"] = .string(invoiceId)
            }
            let live = ["active", "trialing", "past_due", "paused", "unpaid"].contains(status)
            try db.insertDocument(.subscription, doc, columns: [
                "id": id, "merchant_no": merchant.merchantNo, "create_at": createdAt, "status": status, "customer_id": customer.id,
                "period_end": live ? adjustedEnd : nil,
            ])
        }
        return (count, invoices)
    }
}

extension SandboxEngine {
    /// Seeds the configured merchant, plus a handful of objects for a second, foreign merchant so
    /// that merchant scoping can be seen (those must never appear in the first merchant's lists).
    func seed(_ plan: SeedPlan) async throws -> SeedSummary {
        let generator = seedGenerator(plan, for: options.credentials)
        let writer = self.writer
        // Seeding blocks for up to minutes; it runs on a plain thread, not the cooperative pool.
        let summary = try await Self.offPool { var copy = generator; return try copy.run(writer: writer) }
        let foreign = seedGenerator(SeedPlan(paymentIntents: 5, days: 1, randomState: plan.randomState ^ 0xF0F0, hostileData: false),
                                    for: SandboxCredentials(merchantNo: "500000000009999", appId: "other.example", apiKey: "not-used"))
        _ = try await Self.offPool { var copy = foreign; return try copy.run(writer: writer) }
        return summary
    }

    /// A generator for `merchant` that follows this sandbox's time zone, clock and delays.
    private func seedGenerator(_ plan: SeedPlan, for merchant: SandboxCredentials) -> SeedGenerator {
        SeedGenerator(plan: plan, merchant: merchant, timeZone: options.timeZone, now: now(),
                      settleDelay: settleDelayMilliseconds, authorizationLifetime: options.authorizationLifetime.milliseconds)
    }

    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try work() }) }
        }
    }
}
