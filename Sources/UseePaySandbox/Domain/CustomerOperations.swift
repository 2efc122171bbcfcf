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
                throw APIError.invalidArgument("email", "email must be an e-mail address")
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
        let prepared = doc
        let json = try await writer.write { db -> SandboxJSON in
            let now = self.now()
            var doc = prepared
            doc["create_at"] = SandboxTime.isoJSON(milliseconds: now)
            doc["modify_at"] = SandboxTime.isoJSON(milliseconds: now)
            var columns = Self.customerColumns(doc)
            columns["id"] = doc.string("id")
            columns["merchant_no"] = merchant.merchantNo
            columns["create_at"] = now
            try db.insertDocument(.customer, doc, columns: columns)
            return try self.render(.customer, doc, db)
        }
        return APIResult(json: json, committedChange: true)
    }

    func updateCustomer(id: String, _ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        let merchantNo = request.merchant.merchantNo
        let json = try await writer.write { db -> SandboxJSON in
            guard var doc = try db.loadDocument(.customer, id: id, merchantNo: merchantNo) else {
                throw APIError.notFound("customer", id: id)
            }
            if let value = try body.string("merchant_customer_id", maxLength: 64) {
                guard !value.isEmpty else { throw APIError.fieldRequired("merchant_customer_id") }
                doc["merchant_customer_id"] = .string(value)
            }
            try self.applyCustomerFields(body, to: &doc)
            doc["modify_at"] = SandboxTime.isoJSON(milliseconds: self.now())
            try db.updateDocument(.customer, id: id, doc, columns: Self.customerColumns(doc))
            return try self.render(.customer, doc, db)
        }
        return APIResult(json: json, committedChange: true)
    }
}
