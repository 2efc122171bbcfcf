import Foundation
import GRDB

/// Mandates (SPEC §7.7): a customer's recorded acceptance to be charged later, optionally tied to
/// the payment intent where it was given. Created, retrieved and listed (`customer_id`,
/// `payment_intent_id`, `from_created_at`/`to_created_at`); the sandbox has no mandate states.
extension SandboxEngine {
    static let acceptanceTypes = ["online", "offline"]

    func createMandate(_ request: APIRequest) async throws -> APIResult {
        let body = try JSONBody.parse(request.body)
        let customerId = try body.string("customer_id", required: true, maxLength: 64)!
        let intentId = try body.string("payment_intent_id", maxLength: 64)
        let acceptance = try body.object("customer_acceptance", required: true)!
        let type = try acceptance.string("type", required: true)!
        guard Self.acceptanceTypes.contains(type) else {
            throw APIError.invalidArgument(acceptance.name("type"), "\(acceptance.name("type")) must be online or offline")
        }
        let acceptedAtText = try acceptance.string("accepted_at", maxLength: 40)
        if let acceptedAtText, SandboxTime.parse(acceptedAtText) == nil {
            throw APIError.invalidArgument(acceptance.name("accepted_at"), "\(acceptance.name("accepted_at")) must be an ISO-8601 time such as 2024-10-06T10:56:21Z")
        }
        var online: SandboxJSON?
        if let details = try acceptance.object("online") {
            var fields: Document = [:]
            fields.set("ip_address", string: try details.string("ip_address", maxLength: 64))
            fields.set("user_agent", string: try details.string("user_agent", maxLength: 1000))
            online = .object(fields)
        } else if type == "online" {
            throw APIError.fieldRequired(acceptance.name("online"))
        }
        let onlineDetails = online
        let merchant = request.merchant
        let id = IdentifierFactory.make(.mandate)
        let json = try await writer.write { db -> SandboxJSON in
            let now = self.now()
            _ = try self.requireCustomer(customerId, merchantNo: merchant.merchantNo, db: db)
            if let intentId {
                let intent = try self.loadIntent(intentId, merchantNo: merchant.merchantNo, db: db, source: "payment_intent_id")
                if let owner = intent.string("customer_id"), owner != customerId {
                    throw APIError.invalidArgument("payment_intent_id", "payment intent \(intentId) belongs to another customer")
                }
            }
            var acceptanceFields: Document = ["type": .string(type)]
            acceptanceFields["accepted_at"] = .string(acceptedAtText ?? SandboxTime.iso(milliseconds: now))
            acceptanceFields.set("online", onlineDetails)
            var doc = self.newDocument(id: id, merchant: merchant, now: now)
            doc["customer_id"] = .string(customerId)
            doc.set("payment_intent_id", string: intentId)
            doc["customer_acceptance"] = .object(acceptanceFields)
            try db.insertDocument(.mandate, doc, columns: [
                "id": id, "merchant_no": merchant.merchantNo, "create_at": now, "customer_id": customerId, "payment_intent_id": intentId,
            ])
            return try self.render(.mandate, doc, db)
        }
        return APIResult(json: json, committedChange: true)
    }
}
