import Foundation

/// A postal address. Reads both older (`country_code`, `postcode`) and newer (`country`, `postal_code`) names.
public struct Address: JSONReadable {
    public var country: String?
    public var state: String?
    public var city: String?
    public var line1: String?
    public var line2: String?
    public var postcode: String?

    public init(country: String? = nil, state: String? = nil, city: String? = nil,
                line1: String? = nil, line2: String? = nil, postcode: String? = nil) {
        self.country = country; self.state = state; self.city = city
        self.line1 = line1; self.line2 = line2; self.postcode = postcode
    }

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "address")
        self.init(country: r.string("country", "country_code"), state: r.string("state"), city: r.string("city"),
                  line1: r.string("line1"), line2: r.string("line2"), postcode: r.string("postcode", "postal_code"))
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.set("country", country); b.set("state", state); b.set("city", city)
        b.set("line1", line1); b.set("line2", line2); b.set("postcode", postcode)
        return b.json
    }
}

public struct Shipping: JSONReadable {
    public var address: Address?
    public var name: String?
    public var firstName: String?
    public var lastName: String?
    public var phone: String?
    public var shippingMethod: String?

    public init(address: Address? = nil, name: String? = nil, firstName: String? = nil, lastName: String? = nil,
                phone: String? = nil, shippingMethod: String? = nil) {
        self.address = address; self.name = name; self.firstName = firstName; self.lastName = lastName
        self.phone = phone; self.shippingMethod = shippingMethod
    }

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "shipping")
        self.init(address: r.nested("address", Address.init(json:)), name: r.string("name"),
                  firstName: r.string("first_name"), lastName: r.string("last_name"),
                  phone: r.string("phone", "phone_number"), shippingMethod: r.string("shipping_method"))
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.set("address", address?.wire); b.set("name", name); b.set("first_name", firstName)
        b.set("last_name", lastName); b.set("phone", phone); b.set("shipping_method", shippingMethod)
        return b.json
    }
}

public struct Seller: JSONReadable {
    public var identifier: String?
    public var name: String?

    public init(identifier: String? = nil, name: String? = nil) { self.identifier = identifier; self.name = name }

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "seller")
        self.init(identifier: r.string("identifier"), name: r.string("name"))
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.set("identifier", identifier); b.set("name", name)
        return b.json
    }
}

/// A line of an order. `price` reads the newer `price` or the older `unit_price`.
public struct Product: JSONReadable {
    public var id: String?
    public var name: String?
    public var desc: String?
    public var quantity: Int?
    public var sku: String?
    public var type: String?
    public var url: String?
    public var code: String?
    public var category: String?
    public var price: Decimal?
    public var effectiveStartAt: Date?
    public var effectiveEndAt: Date?
    public var seller: Seller?

    public init(id: String? = nil, name: String? = nil, desc: String? = nil, quantity: Int? = nil, sku: String? = nil,
                type: String? = nil, url: String? = nil, code: String? = nil, category: String? = nil,
                price: Decimal? = nil, effectiveStartAt: Date? = nil, effectiveEndAt: Date? = nil, seller: Seller? = nil) {
        self.id = id; self.name = name; self.desc = desc; self.quantity = quantity; self.sku = sku; self.type = type
        self.url = url; self.code = code; self.category = category; self.price = price
        self.effectiveStartAt = effectiveStartAt; self.effectiveEndAt = effectiveEndAt; self.seller = seller
    }

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "product")
        self.init(id: r.string("id"), name: r.string("name"), desc: r.string("desc"), quantity: r.int("quantity"),
                  sku: r.string("sku"), type: r.string("type"), url: r.string("url"), code: r.string("code"),
                  category: r.string("category"), price: r.decimal("price") ?? r.decimal("unit_price"),
                  effectiveStartAt: r.date("effective_start_at"), effectiveEndAt: r.date("effective_end_at"),
                  seller: r.nested("seller", Seller.init(json:)))
    }

    func wire(currency: CurrencyCode?) -> WireJSON {
        var b = WireObjectBuilder()
        b.set("id", id); b.set("name", name); b.set("desc", desc); b.set("quantity", quantity); b.set("sku", sku)
        b.set("type", type); b.set("url", url); b.set("code", code); b.set("category", category)
        b.setAmount("price", price, currency: currency)
        b.set("effective_start_at", effectiveStartAt); b.set("effective_end_at", effectiveEndAt)
        b.set("seller", seller?.wire)
        return b.json
    }
}

public struct Order: JSONReadable {
    public var category: String?
    public var products: [Product]?
    public var shipping: Shipping?

    public init(category: String? = nil, products: [Product]? = nil, shipping: Shipping? = nil) {
        self.category = category; self.products = products; self.shipping = shipping
    }

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "order")
        self.init(category: r.string("category"), products: r.nestedArray("products", Product.init(json:)),
                  shipping: r.nested("shipping", Shipping.init(json:)))
    }

    func wire(currency: CurrencyCode?) -> WireJSON {
        var b = WireObjectBuilder()
        b.set("category", category)
        b.set("products", products.map { WireJSON.array($0.map { $0.wire(currency: currency) }) })
        b.set("shipping", shipping?.wire)
        return b.json
    }
}
