import Foundation

/// What the payer must do next (3DS, redirect). `redirect` uses camelCase `contentType` on the wire.
public struct NextAction: Sendable, Hashable, Decodable {
    public struct Redirect: Sendable, Hashable {
        public var contentType: String?
        public var method: String?
        public var url: String?
        public var data: JSONValue?
    }

    public var type: String?
    public var redirect: Redirect?
    public var raw: JSONValue

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "next_action")
        type = r.string("type")
        redirect = r.nested("redirect") { value in
            let rr = try JSONObjectReader(value, what: "redirect")
            return Redirect(contentType: rr.string("contentType", "content_type"), method: rr.string("method"),
                            url: rr.string("url"), data: rr.value("data"))
        }
        raw = json
    }

    public init(from decoder: any Decoder) throws { try self.init(json: JSONValue(from: decoder)) }
}

/// Why the last payment attempt failed (`card_declined` + `insufficient_funds`, ...).
public struct LastPaymentError: Sendable, Hashable, Decodable {
    public var type: String?
    public var code: String?
    public var declineCode: String?
    public var message: String?

    public init(type: String? = nil, code: String? = nil, declineCode: String? = nil, message: String? = nil) {
        self.type = type; self.code = code; self.declineCode = declineCode; self.message = message
    }

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "last_payment_error")
        self.init(type: r.string("type"), code: r.string("code"), declineCode: r.string("decline_code"),
                  message: r.string("message"))
    }

    public init(from decoder: any Decoder) throws { try self.init(json: JSONValue(from: decoder)) }
}

/// The payment method used, as far as the API reveals it (never a full card number).
public struct PaymentMethodSummary: Sendable, Hashable, Decodable {
    public struct Card: Sendable, Hashable {
        public var brand: String?
        public var last4: String?
        public var expiryMonth: String?
        public var expiryYear: String?
    }

    public var id: String?
    public var type: String?
    public var card: Card?

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "payment_method")
        id = r.string("id")
        type = r.string("type")
        card = r.nested("card") { value in
            let c = try JSONObjectReader(value, what: "card")
            return Card(brand: c.string("brand"), last4: c.string("last4"),
                        expiryMonth: c.string("expiry_month"), expiryYear: c.string("expiry_year"))
        }
    }

    public init(from decoder: any Decoder) throws { try self.init(json: JSONValue(from: decoder)) }
}

public struct PaymentMethodOptions: Sendable, Hashable, Decodable {
    public struct Card: Sendable, Hashable {
        public var authorizationType: String?
        public var autoCapture: Bool?
        public var threeDSAction: String?

        public init(authorizationType: String? = nil, autoCapture: Bool? = nil, threeDSAction: String? = nil) {
            self.authorizationType = authorizationType; self.autoCapture = autoCapture; self.threeDSAction = threeDSAction
        }
    }

    public var type: String?
    public var card: Card?
    /// Everything, including the wallet keys (`klarna`, `wechatpay`, `alipay_hk`) not modelled here.
    public var raw: JSONValue

    public init(type: String? = "card", card: Card?) {
        self.type = type
        self.card = card
        var b = WireObjectBuilder()
        b.set("type", type)
        if let card {
            var c = WireObjectBuilder()
            c.set("authorization_type", card.authorizationType); c.set("auto_capture", card.autoCapture)
            c.set("three_ds_action", card.threeDSAction)
            b.set("card", c.json)
        }
        raw = (try? JSONValue.parse(b.json.serialized())) ?? .null
    }

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "payment_method_options")
        type = r.string("type")
        card = r.nested("card") { value in
            let c = try JSONObjectReader(value, what: "card options")
            return Card(authorizationType: c.string("authorization_type"), autoCapture: c.bool("auto_capture"),
                        threeDSAction: c.string("three_ds_action"))
        }
        raw = json
    }

    public init(from decoder: any Decoder) throws { try self.init(json: JSONValue(from: decoder)) }

    var wire: WireJSON { WireJSON(raw) }
}

/// The customer embedded in a PaymentIntent (may have no id when given inline).
public struct EmbeddedCustomer: Sendable, Hashable, Decodable {
    public var id: String?
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

    public init(id: String? = nil, merchantCustomerId: String? = nil, name: String? = nil, firstName: String? = nil,
                lastName: String? = nil, email: String? = nil, phone: String? = nil, description: String? = nil,
                address: Address? = nil, shipping: Shipping? = nil, metadata: [String: JSONValue]? = nil) {
        self.id = id; self.merchantCustomerId = merchantCustomerId; self.name = name; self.firstName = firstName
        self.lastName = lastName; self.email = email; self.phone = phone; self.description = description
        self.address = address; self.shipping = shipping; self.metadata = metadata
    }

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "customer")
        self.init(id: r.string("id"), merchantCustomerId: r.string("merchant_customer_id"), name: r.string("name"),
                  firstName: r.string("first_name"), lastName: r.string("last_name"), email: r.string("email"),
                  phone: r.string("phone", "phone_number"), description: r.string("description"),
                  address: r.nested("address", Address.init(json:)), shipping: r.nested("shipping", Shipping.init(json:)),
                  metadata: r.dictionary("metadata"))
    }

    public init(from decoder: any Decoder) throws { try self.init(json: JSONValue(from: decoder)) }

    /// "First Last" or name or email, whichever is known.
    public var displayName: String? {
        personDisplayName(firstName: firstName, lastName: lastName, name: name, email: email)
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.set("id", id); b.set("merchant_customer_id", merchantCustomerId); b.set("name", name)
        b.set("first_name", firstName); b.set("last_name", lastName); b.set("email", email); b.set("phone", phone)
        b.set("description", description); b.set("address", address?.wire); b.set("shipping", shipping?.wire)
        b.set("metadata", metadata)
        return b.json
    }
}
