import Foundation

/// What the payer must do next (3DS, redirect). `redirect` uses camelCase `contentType` on the wire.
public struct NextAction: JSONReadable {
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
}

/// Why the last payment attempt failed (`card_declined` + `insufficient_funds`, ...).
public struct LastPaymentError: JSONReadable {
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
}

/// The payment method used, as far as the API reveals it (never a full card number).
public struct PaymentMethodSummary: JSONReadable {
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
}

public struct PaymentMethodOptions: JSONReadable {
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

    var wire: WireJSON { WireJSON(raw) }
}

/// The customer embedded in a PaymentIntent (may have no id when given inline): an id and the customer fields.
public struct EmbeddedCustomer: JSONReadable, FieldsHolder {
    public var id: String?
    public var fields: CustomerFields

    public init(id: String? = nil, _ fields: CustomerFields = CustomerFields()) {
        self.id = id; self.fields = fields
    }

    public init(json: JSONValue) throws {
        self.init(id: try JSONObjectReader(json, what: "customer").string("id"), try CustomerFields(json: json))
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.set("id", id)
        fields.write(into: &b)
        return b.json
    }
}
