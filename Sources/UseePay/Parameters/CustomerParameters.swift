import Foundation

/// A new customer: the merchant's own id for it, which a create must give, and any other customer fields.
public struct CustomerCreateParameters: Sendable, Hashable, FieldsHolder {
    public var merchantCustomerId: String
    /// The other fields; their `merchantCustomerId` is ignored in favour of the one above.
    public var fields: CustomerFields

    public init(merchantCustomerId: String, name: String? = nil, firstName: String? = nil, lastName: String? = nil,
                email: String? = nil, phone: String? = nil, description: String? = nil, address: Address? = nil,
                shipping: Shipping? = nil, metadata: [String: JSONValue]? = nil) {
        self.merchantCustomerId = merchantCustomerId
        fields = CustomerFields(name: name, firstName: firstName, lastName: lastName, email: email, phone: phone,
                                description: description, address: address, shipping: shipping, metadata: metadata)
    }

    /// Create and update send the same fields.
    var wire: WireJSON {
        var all = fields
        all.merchantCustomerId = merchantCustomerId
        return all.wire
    }
}

/// Fields to change; nil fields are left as they are.
public typealias CustomerUpdateParameters = CustomerFields
