import Foundation

public struct Customer: UseePayObject, Identifiable {
    public let id: String
    public let merchantCustomerId: String?
    public let name: String?
    public let firstName: String?
    public let lastName: String?
    public let email: String?
    public let phone: String?
    public let description: String?
    public let address: Address?
    public let shipping: Shipping?
    public let metadata: [String: JSONValue]?
    public let merchantNo: String?
    public let appId: String?
    public let createAt: Date?
    public let modifyAt: Date?
    public let raw: JSONValue

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "customer")
        id = try r.requiredID(what: "customer")
        merchantCustomerId = r.string("merchant_customer_id")
        name = r.string("name")
        firstName = r.string("first_name")
        lastName = r.string("last_name")
        email = r.string("email")
        phone = r.string("phone", "phone_number")
        description = r.string("description")
        address = r.nested("address", Address.init(json:))
        shipping = r.nested("shipping", Shipping.init(json:))
        metadata = r.dictionary("metadata")
        merchantNo = r.string("merchant_no")
        appId = r.string("app_id")
        createAt = r.date("create_at", "created_at", "created")
        modifyAt = r.date("modify_at", "updated_at")
        raw = json
    }

    public init(from decoder: any Decoder) throws { try self.init(json: JSONValue(from: decoder)) }

    public var displayName: String? {
        personDisplayName(firstName: firstName, lastName: lastName, name: name, email: email)
    }
}

/// The one rule for naming a person: "First Last", else the name, else the email; blanks count as missing.
func personDisplayName(firstName: String?, lastName: String?, name: String?, email: String?) -> String? {
    let full = [firstName, lastName].compactMap { $0?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    if !full.isEmpty { return full }
    return [name, email].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
}
