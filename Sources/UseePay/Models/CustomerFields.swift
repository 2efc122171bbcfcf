import Foundation

/// What describes a customer: the fields a customer object carries (on its own or embedded in a payment)
/// and the ones a create or an update sends. Listed, read and written here once.
public struct CustomerFields: JSONReadable {
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

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "customer")
        self.init(merchantCustomerId: r.string("merchant_customer_id"), name: r.string("name"),
                  firstName: r.string("first_name"), lastName: r.string("last_name"), email: r.string("email"),
                  phone: r.string("phone", "phone_number"), description: r.string("description"),
                  address: r.nested("address", Address.init(json:)), shipping: r.nested("shipping", Shipping.init(json:)),
                  metadata: r.dictionary("metadata"))
    }

    /// The one rule for naming a person: "First Last", else the name, else the email; blanks count as missing.
    public var displayName: String? {
        // `trimmed` skips Foundation when the ends are plain ASCII: this runs for every row of every frame.
        let full = [firstName, lastName].compactMap { $0?.trimmed(.whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        if !full.isEmpty { return full }
        return [name, email].compactMap { $0 }.first { !$0.trimmed(.whitespaces).isEmpty }
    }

    /// Writes the fields that are set; nil ones are left out (which, on an update, leaves them as they are).
    func write(into b: inout WireObjectBuilder) {
        b.set("merchant_customer_id", merchantCustomerId)
        b.set("name", name); b.set("first_name", firstName); b.set("last_name", lastName)
        b.set("email", email); b.set("phone", phone); b.set("description", description)
        b.set("address", address?.wire); b.set("shipping", shipping?.wire); b.set("metadata", metadata)
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        write(into: &b)
        return b.json
    }
}
