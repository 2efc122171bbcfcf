import Foundation
import GRDB

/// Payment intent create/update/confirm/capture/cancel. Each runs in one write transaction that
/// re-reads the intent and checks its status inside, so concurrent calls cannot both succeed.
extension SandboxEngine {
    func createPaymentIntent(_ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        let currency = try body.currency()!
        let amount = try body.amount("amount", currency: currency, required: true)!
        let merchantOrderId = try body.string("merchant_order_id", required: true, maxLength: 64)!
        let customerId = try body.string("customer_id", maxLength: 64)
        let description = try body.string("description", maxLength: 5000)
        let metadata = try body.rawObject("metadata")
        let order = try body.rawObject("order")
        let returnURL = try body.string("return_url", maxLength: 2048)
        let autoCapture = try body.bool("auto_capture")
        let confirm = try body.bool("confirm") ?? false
        let methodTypes = try body.stringArray("payment_method_types") ?? ["card"]
        let methodOptions = try body.rawObject("payment_method_options")
        let inlineCustomer = customerId == nil ? try body.object("customer") : nil
        let merchant = request.merchant
        let id = IdentifierFactory.make(.paymentIntent)
        let json = try await writer.write { db -> SandboxJSON in
            let now = self.now()
            if let customerId { _ = try self.requireCustomer(customerId, merchantNo: merchant.merchantNo, db: db) }
            let customerId = try customerId ?? inlineCustomer.map { try self.resolveInlineCustomer($0, merchant: merchant, db: db, now: now) }
            var doc = self.newDocument(id: id, merchant: merchant, now: now)
            doc["amount"] = amount.json
            doc["currency"] = .string(currency)
            doc["status"] = .string(PaymentIntentStatus.requiresPaymentMethod.rawValue)
            doc["merchant_order_id"] = .string(merchantOrderId)
            doc.set("customer_id", string: customerId)
            doc.set("description", string: description)
            doc.set("metadata", metadata)
            doc.set("order", order)
            doc.set("return_url", string: returnURL)
            doc["auto_capture"] = .bool(autoCapture ?? true)
            doc["confirm"] = .bool(confirm)
            doc["livemode"] = .bool(false)
            doc["payment_method_types"] = .array(methodTypes.map(SandboxJSON.string))
            doc["available_payment_method_types"] = .array(["card", "applepay", "googlepay"].map(SandboxJSON.string))
            doc.set("payment_method_options", methodOptions)
            doc["client_secret"] = .string(id + "_secret_" + IdentifierFactory.make(.clientSecret))
            var columns = Self.paymentIntentColumns(doc, amountMinor: amount.units)
            columns["id"] = id
            columns["merchant_no"] = merchant.merchantNo
            columns["create_at"] = now
            try db.insertDocument(.paymentIntent, doc, columns: columns)
            try self.emit("payment_intent.created", kind: .paymentIntent, doc: doc, db: db, now: now)
            if confirm {
                doc = try self.confirm(doc, body: body, db: db, now: now)
            }
            return try self.render(.paymentIntent, doc, db)
        }
        return APIResult(json: json, committedChange: true)
    }

    static func paymentIntentColumns(_ doc: Document, amountMinor: Int64? = nil) -> [String: (any DatabaseValueConvertible)?] {
        var columns: [String: (any DatabaseValueConvertible)?] = [
            "status": doc.string("status"), "customer_id": doc.string("customer_id"),
            "merchant_order_id": doc.string("merchant_order_id"), "currency": doc.string("currency"),
        ]
        if let amountMinor { columns["amount_minor"] = amountMinor }
        return columns
    }

    /// Loads an intent for a transition, or answers 404 for unknown ids and other merchants' intents.
    func loadIntent(_ id: String, merchantNo: String, db: Database, source: String? = nil) throws -> Document {
        try loadObject(.paymentIntent, id, merchantNo: merchantNo, db: db, source: source)
    }

    func status(of doc: Document) -> PaymentIntentStatus {
        PaymentIntentStatus(rawValue: doc.string("status") ?? "") ?? .failed
    }

    func updatePaymentIntent(id: String, _ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        return try await changeObject(.paymentIntent, id: id, request) { doc, db, now in
            let current = self.status(of: doc)
            guard PaymentIntentStatus.cancellable.contains(current) else {
                throw APIError.invalidStatus("payment intent \(id) is \(current.rawValue); only intents that are not yet completed can be updated")
            }
            let paymentFields = ["amount", "currency", "customer_id", "auto_capture", "payment_method_types"]
            if current != .requiresPaymentMethod, let field = paymentFields.first(where: { body.has($0) }) {
                throw APIError(status: .badRequest, code: "invalid_status",
                               message: "\(field) can only change while the intent is requires_payment_method (it is \(current.rawValue))",
                               source: field)
            }
            let currency = try body.currency(required: false) ?? doc.string("currency") ?? "USD"
            var columns: [String: (any DatabaseValueConvertible)?] = [:]
            if body.has("amount") || body.has("currency") {
                let amountText = body.has("amount") ? nil : doc["amount"]
                let amount: MinorAmount
                if let given = try body.amount("amount", currency: currency, required: false) {
                    amount = given
                } else if case .number(let text)? = amountText {
                    do { amount = try MinorAmount.parse(text, exponent: SandboxCurrency.exponent(of: currency)) } catch {
                        throw APIError.invalidArgument("currency", "the current amount does not fit \(currency); send amount too")
                    }
                } else { throw APIError.fieldRequired("amount") }
                doc["amount"] = amount.json
                doc["currency"] = .string(currency)
                columns["amount_minor"] = amount.units
            }
            if let customerId = try body.string("customer_id", maxLength: 64) {
                _ = try self.requireCustomer(customerId, merchantNo: request.merchant.merchantNo, db: db)
                doc["customer_id"] = .string(customerId)
            }
            if let value = try body.string("merchant_order_id", maxLength: 64) { doc["merchant_order_id"] = .string(value) }
            if body.has("description") { doc.set("description", string: try body.string("description", maxLength: 5000)) }
            if body.has("metadata") { doc.set("metadata", try body.rawObject("metadata")) }
            if body.has("order") { doc.set("order", try body.rawObject("order")) }
            if let value = try body.string("return_url", maxLength: 2048) { doc["return_url"] = .string(value) }
            if let value = try body.bool("auto_capture") { doc["auto_capture"] = .bool(value) }
            if let value = try body.stringArray("payment_method_types") { doc["payment_method_types"] = .array(value.map(SandboxJSON.string)) }
            if body.has("payment_method_options") { doc.set("payment_method_options", try body.rawObject("payment_method_options")) }
            doc["modify_at"] = SandboxTime.isoJSON(milliseconds: now)
            columns.merge(Self.paymentIntentColumns(doc)) { new, _ in new }
            try db.updateDocument(.paymentIntent, id: id, doc, columns: columns)
            return try self.render(.paymentIntent, doc, db)
        }
    }

    func confirmPaymentIntent(id: String, _ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        return try await changeObject(.paymentIntent, id: id, request) { doc, db, now in
            try self.render(.paymentIntent, self.confirm(doc, body: body, db: db, now: now), db)
        }
    }

    /// Runs the card through the test-card table and stores the outcome. Called inside a transaction.
    func confirm(_ original: Document, body: JSONBody, db: Database, now: Int64) throws -> Document {
        var doc = original
        let id = doc.string("id") ?? ""
        let current = status(of: doc)
        guard current == .requiresPaymentMethod else {
            throw APIError.invalidStatus("payment intent \(id) is \(current.rawValue); only requires_payment_method can be confirmed")
        }
        let methodData = try body.object("payment_method_data", required: true)!
        let type = try methodData.string("type") ?? "card"
        guard type == "card" else {
            throw APIError.invalidArgument("payment_method_data.type", "the sandbox only emulates card payments (type \"card\")")
        }
        let card = try methodData.object("card", required: true)!
        let rawNumber = try card.string("number", required: true, maxLength: 40)!
        let number = rawNumber.filter { $0 != " " && $0 != "-" }
        guard TestCard.passesLuhn(number) else {
            throw APIError.invalidArgument("payment_method_data.card.number", "the card number is not a valid card number")
        }
        let optionsOverride = try body.rawObject("payment_method_options")
        if let optionsOverride { doc["payment_method_options"] = optionsOverride }
        if let value = try body.string("return_url", maxLength: 2048) { doc["return_url"] = .string(value) }
        let cardOptions = doc["payment_method_options"]?["card"]
        let autoCapture = try body.bool("auto_capture") ?? cardOptions?["auto_capture"]?.boolValue ?? doc["auto_capture"]?.boolValue ?? true
        doc["auto_capture"] = .bool(autoCapture)
        let force3DS = cardOptions?["three_ds_action"]?.stringValue == "force_3ds"
        let testCard = TestCard.lookup(number)
        var paymentMethod: Document = ["type": .string("card"), "card": .object([
            "brand": .string(testCard.brand), "last4": .string(String(number.suffix(4))),
        ])]
        if let month = card.fields["expiry_month"] { paymentMethod["card"] = .object([
            "brand": .string(testCard.brand), "last4": .string(String(number.suffix(4))), "expiry_month": month,
            "expiry_year": card.fields["expiry_year"] ?? .null,
        ]) }
        doc["payment_method"] = .object(paymentMethod)
        doc["confirm"] = .bool(true)
        doc.removeValue(forKey: "last_payment_error")
        doc.removeValue(forKey: "next_action")
        for field in ["code", "message", "decline_code"] { doc.removeValue(forKey: field) }

        var columns: [String: (any DatabaseValueConvertible)?] = ["test_card": number, "authorized_at": nil, "settle_at": nil]
        let outcome = force3DS && testCard.outcome == .success ? .threeDSecure : testCard.outcome
        let newStatus: PaymentIntentStatus
        switch outcome {
        case .success, .refundFails:
            newStatus = autoCapture ? .succeeded : .requiresCapture
        case .threeDSecure:
            newStatus = .requiresCustomerAction
            doc["next_action"] = .object([
                "type": .string("redirect"),
                "redirect": .object([
                    "method": .string("GET"), "contentType": .string("text/html"),
                    "url": .string(baseURL.absoluteString + "/__sandbox/3ds/" + id),
                ]),
            ])
        case .pending:
            newStatus = .pending
            columns["settle_at"] = now + settleDelayMilliseconds
        case .decline(let status, let code, let declineCode):
            newStatus = status
            let message = TestCard.declineMessage(code: code, declineCode: declineCode)
            var error: Document = ["type": .string("card_error"), "code": .string(code), "message": .string(message)]
            error.set("decline_code", string: declineCode)
            doc["last_payment_error"] = .object(error)
            doc["code"] = .string(code)
            doc["message"] = .string(message)
            doc.set("decline_code", string: declineCode)
        }
        if newStatus == .succeeded {
            doc["captured_amount"] = doc["amount"]
            columns["captured_minor"] = try amountMinor(doc, "amount")
        }
        if newStatus == .requiresCapture { columns["authorized_at"] = now }
        doc["status"] = .string(newStatus.rawValue)
        doc["modify_at"] = SandboxTime.isoJSON(milliseconds: now)
        columns.merge(Self.paymentIntentColumns(doc)) { new, _ in new }
        try db.updateDocument(.paymentIntent, id: id, doc, columns: columns)
        try emit(newStatus.eventName, kind: .paymentIntent, doc: doc, db: db, now: now)
        return doc
    }

    func amountMinor(_ doc: Document, _ field: String) throws -> Int64 {
        guard case .number(let text)? = doc[field], let currency = doc.string("currency") else { return 0 }
        return try MinorAmount.parse(text, exponent: SandboxCurrency.exponent(of: currency)).units
    }

    func capturePaymentIntent(id: String, _ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        return try await changeObject(.paymentIntent, id: id, request) { doc, db, now in
            let current = self.status(of: doc)
            guard current == .requiresCapture else {
                throw APIError.invalidStatus("payment intent \(id) is \(current.rawValue); only requires_capture can be captured")
            }
            let currency = doc.string("currency") ?? "USD"
            let authorized = try self.amountMinor(doc, "amount")
            let amount = try body.amount("amount", currency: currency, required: false)
                ?? MinorAmount(units: authorized, exponent: SandboxCurrency.exponent(of: currency))
            guard amount.units <= authorized else {
                throw APIError.invalidArgument("amount", "amount \(amount.jsonText) is more than the authorised \(MinorAmount(units: authorized, exponent: amount.exponent).jsonText) \(currency)")
            }
            doc["captured_amount"] = amount.json
            doc["status"] = .string(PaymentIntentStatus.succeeded.rawValue)
            doc["modify_at"] = SandboxTime.isoJSON(milliseconds: now)
            var columns = Self.paymentIntentColumns(doc)
            columns["captured_minor"] = amount.units
            columns["authorized_at"] = nil
            try db.updateDocument(.paymentIntent, id: id, doc, columns: columns)
            try self.emit(PaymentIntentStatus.succeeded.eventName, kind: .paymentIntent, doc: doc, db: db, now: now)
            return try self.render(.paymentIntent, doc, db)
        }
    }

    func cancelPaymentIntent(id: String, _ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        let reason = try body.string("cancellation_reason", maxLength: 500)
        return try await changeObject(.paymentIntent, id: id, request) { doc, db, now in
            try self.render(.paymentIntent, self.cancel(doc, reason: reason, db: db, now: now), db)
        }
    }

    func cancel(_ original: Document, reason: String?, db: Database, now: Int64) throws -> Document {
        var doc = original
        let id = doc.string("id") ?? ""
        let current = status(of: doc)
        guard PaymentIntentStatus.cancellable.contains(current) else {
            throw APIError.invalidStatus("payment intent \(id) is \(current.rawValue); only requires_payment_method, requires_customer_action or requires_capture can be cancelled")
        }
        doc["status"] = .string(PaymentIntentStatus.canceled.rawValue)
        doc.set("cancellation_reason", string: reason)
        doc["cancelled_at"] = SandboxTime.isoJSON(milliseconds: now)
        doc["modify_at"] = SandboxTime.isoJSON(milliseconds: now)
        doc.removeValue(forKey: "next_action")
        var columns = Self.paymentIntentColumns(doc)
        columns["authorized_at"] = nil
        try db.updateDocument(.paymentIntent, id: id, doc, columns: columns)
        try emit(PaymentIntentStatus.canceled.eventName, kind: .paymentIntent, doc: doc, db: db, now: now)
        return doc
    }

    /// The 3DS page's buttons and the admin API end here.
    func finishThreeDSecure(id: String, succeed: Bool) async throws -> SandboxJSON {
        try await writer.write { db -> SandboxJSON in
            let now = self.now()
            guard let text = try String.fetchOne(db, sql: "SELECT doc FROM payment_intents WHERE id = ?", arguments: [id]) else {
                throw APIError.notFound("payment intent", id: id)
            }
            var doc = try Database.decodeDocument(text)
            let current = self.status(of: doc)
            guard current == .requiresCustomerAction else {
                throw APIError.invalidStatus("payment intent \(id) is \(current.rawValue), not requires_customer_action")
            }
            doc.removeValue(forKey: "next_action")
            var columns: [String: (any DatabaseValueConvertible)?] = [:]
            let newStatus: PaymentIntentStatus
            if succeed {
                let autoCapture = doc["auto_capture"]?.boolValue ?? true
                newStatus = autoCapture ? .succeeded : .requiresCapture
                if autoCapture {
                    doc["captured_amount"] = doc["amount"]
                    columns["captured_minor"] = try self.amountMinor(doc, "amount")
                } else {
                    columns["authorized_at"] = now
                }
            } else {
                newStatus = .requiresPaymentMethod
                let code = "payment_intent_authentication_failed"
                let message = TestCard.declineMessage(code: code, declineCode: nil)
                doc["last_payment_error"] = .object(["type": .string("card_error"), "code": .string(code), "message": .string(message)])
                doc["code"] = .string(code)
                doc["message"] = .string(message)
            }
            doc["status"] = .string(newStatus.rawValue)
            doc["modify_at"] = SandboxTime.isoJSON(milliseconds: now)
            columns.merge(Self.paymentIntentColumns(doc)) { new, _ in new }
            try db.updateDocument(.paymentIntent, id: id, doc, columns: columns)
            try self.emit(newStatus.eventName, kind: .paymentIntent, doc: doc, db: db, now: now)
            return try self.render(.paymentIntent, doc, db)
        }
    }
}
