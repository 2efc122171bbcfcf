import Foundation

public struct CustomerCreateParameters: Sendable, Hashable {
    public var merchantCustomerId: String
    public var name: String?
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var phone: String?
    public var description: String?
    public var address: Address?
    public var shipping: Shipping?
    public var metadata: [String: JSONValue]?

    public init(merchantCustomerId: String, name: String? = nil, firstName: String? = nil, lastName: String? = nil,
                email: String? = nil, phone: String? = nil, description: String? = nil, address: Address? = nil,
                shipping: Shipping? = nil, metadata: [String: JSONValue]? = nil) {
        self.merchantCustomerId = merchantCustomerId; self.name = name; self.firstName = firstName
        self.lastName = lastName; self.email = email; self.phone = phone; self.description = description
        self.address = address; self.shipping = shipping; self.metadata = metadata
    }

    var wire: WireJSON {
        customerWire(merchantCustomerId: merchantCustomerId, name: name, firstName: firstName, lastName: lastName,
                     email: email, phone: phone, description: description, address: address, shipping: shipping,
                     metadata: metadata)
    }
}

/// Fields to change; nil fields are left as they are.
public struct CustomerUpdateParameters: Sendable, Hashable {
    public var merchantCustomerId: String?
    public var name: String?
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var phone: String?
    public var description: String?
    public var address: Address?
    public var shipping: Shipping?
    public var metadata: [String: JSONValue]?

    public init(merchantCustomerId: String? = nil, name: String? = nil, firstName: String? = nil, lastName: String? = nil,
                email: String? = nil, phone: String? = nil, description: String? = nil, address: Address? = nil,
                shipping: Shipping? = nil, metadata: [String: JSONValue]? = nil) {
        self.merchantCustomerId = merchantCustomerId; self.name = name; self.firstName = firstName
        self.lastName = lastName; self.email = email; self.phone = phone; self.description = description
        self.address = address; self.shipping = shipping; self.metadata = metadata
    }

    var wire: WireJSON {
        customerWire(merchantCustomerId: merchantCustomerId, name: name, firstName: firstName, lastName: lastName,
                     email: email, phone: phone, description: description, address: address, shipping: shipping,
                     metadata: metadata)
    }
}

/// Create and update send the same fields; on update, nil fields are simply left out.
private func customerWire(merchantCustomerId: String?, name: String?, firstName: String?, lastName: String?,
                          email: String?, phone: String?, description: String?, address: Address?, shipping: Shipping?,
                          metadata: [String: JSONValue]?) -> WireJSON {
    var b = WireObjectBuilder()
    b.set("merchant_customer_id", merchantCustomerId)
    b.set("name", name); b.set("first_name", firstName); b.set("last_name", lastName)
    b.set("email", email); b.set("phone", phone); b.set("description", description)
    b.set("address", address?.wire); b.set("shipping", shipping?.wire); b.set("metadata", metadata)
    return b.json
}
