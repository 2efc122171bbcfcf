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
        let full = [firstName, lastName].compactMap { $0 }.joined(separator: " ")
        if !full.isEmpty { return full }
        return name ?? email
    }
}
