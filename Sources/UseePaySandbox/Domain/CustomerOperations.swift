import Foundation
import GRDB

extension SandboxEngine {
    private static let customerStringFields: [(String, Int)] = [
        ("name", 200), ("first_name", 100), ("last_name", 100), ("email", 254), ("phone", 40), ("description", 5000),
    ]

    private func applyCustomerFields(_ body: JSONBody, to doc: inout Document) throws(APIError) {
        for (field, limit) in Self.customerStringFields where body.fields[field] != nil {
            let value = try body.string(field, maxLength: limit)
            if field == "email", let value, !value.contains("@") {
                throw APIError.invalidArgument(body.name("email"), "\(body.name("email")) must be an e-mail address")
            }
            doc.set(field, string: value)
        }
        for field in ["address", "shipping", "metadata"] where body.fields[field] != nil {
            doc.set(field, try body.rawObject(field))
        }
    }

    private static func customerColumns(_ doc: Document) -> [String: (any DatabaseValueConvertible)?] {
        ["email": doc.string("email"), "merchant_customer_id": doc.string("merchant_customer_id"), "phone": doc.string("phone")]
    }

    func createCustomer(_ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        let merchantCustomerId = try body.string("merchant_customer_id", required: true, maxLength: 64)!
        let merchant = request.merchant
        var doc = newDocument(id: IdentifierFactory.make(.customer), merchant: merchant, now: 0)
        doc["merchant_customer_id"] = .string(merchantCustomerId)
        try applyCustomerFields(body, to: &doc)
        return try await insertObject(.customer, doc, merchant: merchant) { Self.customerColumns($0) }
    }

    func updateCustomer(id: String, _ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        return try await changeObject(.customer, id: id, request) { doc, db, now in
            if let value = try body.string("merchant_customer_id", maxLength: 64) {
                guard !value.isEmpty else { throw APIError.fieldRequired("merchant_customer_id") }
                doc["merchant_customer_id"] = .string(value)
            }
            try self.applyCustomerFields(body, to: &doc)
            doc["modify_at"] = SandboxTime.isoJSON(milliseconds: now)
            try db.updateDocument(.customer, id: id, doc, columns: Self.customerColumns(doc))
            return try self.render(.customer, doc, db)
        }
    }

    /// The inline `customer{…}` of a payment intent (or checkout session) create: an existing
    /// customer by `id`, else this merchant's customer with that `merchant_customer_id`, else a new
    /// customer made from the given fields. Returns the customer's id. Runs inside the caller's transaction.
    func resolveInlineCustomer(_ body: JSONBody, merchant: SandboxCredentials, db: Database, now: Int64) throws -> String {
        if let id = try body.string("id", maxLength: 64), !id.isEmpty {
            _ = try requireCustomer(id, merchantNo: merchant.merchantNo, db: db, source: body.name("id"))
            return id
        }
        let merchantCustomerId = try body.string("merchant_customer_id", required: true, maxLength: 64)!
        if let existing = try String.fetchOne(db, sql: """
            SELECT id FROM customers WHERE merchant_no = ? AND merchant_customer_id = ? ORDER BY create_at, id LIMIT 1
            """, arguments: [merchant.merchantNo, merchantCustomerId]) {
            return existing
        }
        var doc = newDocument(id: IdentifierFactory.make(.customer), merchant: merchant, now: now)
        doc["merchant_customer_id"] = .string(merchantCustomerId)
        var fields = body.fields
        // The older PaymentIntent schema calls it phone_number.
        if fields["phone"] == nil, let phone = fields["phone_number"] { fields["phone"] = phone }
        try applyCustomerFields(JSONBody(fields, path: body.path), to: &doc)
        var columns = Self.customerColumns(doc)
        columns["id"] = doc.string("id")
        columns["merchant_no"] = merchant.merchantNo
        columns["create_at"] = now
        try db.insertDocument(.customer, doc, columns: columns)
        return doc.string("id")!
    }
}
