import Foundation

/// The customer a checkout session is for, as the session carries it (id may be absent on request echoes).
public struct CheckoutCustomer: Sendable, Hashable {
    public var id: String?
    public var email: String?
    public var name: String?
    public var phone: String?
    public var merchantCustomerId: String?

    public init(id: String? = nil, email: String? = nil, name: String? = nil, phone: String? = nil, merchantCustomerId: String? = nil) {
        self.id = id; self.email = email; self.name = name; self.phone = phone; self.merchantCustomerId = merchantCustomerId
    }

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "customer")
        self.init(id: r.string("id"), email: r.string("email"), name: r.string("name"), phone: r.string("phone"),
                  merchantCustomerId: r.string("merchant_customer_id"))
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.set("id", id); b.set("email", email); b.set("name", name); b.set("phone", phone)
        b.set("merchant_customer_id", merchantCustomerId)
        return b.json
    }
}

/// One line of a checkout session: `quantity` × `price_data.unit_amount` in `price_data.currency`,
/// optionally recurring (subscription mode).
public struct CheckoutLineItem: Sendable, Hashable {
    public var quantity: Int
    public var name: String?
    public var desc: String?
    public var unitAmount: Decimal?
    public var currency: CurrencyCode?
    public var recurring: Recurring?

    public init(quantity: Int = 1, name: String? = nil, desc: String? = nil, unitAmount: Decimal? = nil,
                currency: CurrencyCode? = nil, recurring: Recurring? = nil) {
        self.quantity = quantity; self.name = name; self.desc = desc; self.unitAmount = unitAmount
        self.currency = currency; self.recurring = recurring
    }

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "line_item")
        let price = r.value("price_data").flatMap { try? JSONObjectReader($0, what: "price_data") }
        let product = price?.value("product_data").flatMap { try? JSONObjectReader($0, what: "product_data") }
        self.init(quantity: r.int("quantity") ?? 1, name: product?.string("name"), desc: product?.string("desc", "description"),
                  unitAmount: price?.decimal("unit_amount"), currency: price?.currency("currency"),
                  recurring: price?.nested("recurring", Recurring.init(json:)))
    }

    /// quantity × unit amount, when both are known.
    public var total: Decimal? { unitAmount.map { $0 * Decimal(quantity) } }

    func wire(defaultCurrency: CurrencyCode?) -> WireJSON {
        let currency = self.currency ?? defaultCurrency
        var product = WireObjectBuilder()
        product.set("name", name); product.set("desc", desc)
        var price = WireObjectBuilder()
        price.set("product_data", product.json)
        price.setAmount("unit_amount", unitAmount, currency: currency)
        price.set("currency", currency?.code)
        price.set("recurring", recurring?.wire(currency: currency))
        var b = WireObjectBuilder()
        b.set("quantity", quantity)
        b.set("price_data", price.json)
        return b.json
    }
}

/// `subscription_data.discount_period_config`: the first `discountPeriodCount` periods cost `discountPeriodAmount`.
public struct CheckoutSubscriptionData: Sendable, Hashable {
    public var discountPeriodCount: Int?
    public var discountPeriodAmount: Decimal?

    public init(discountPeriodCount: Int? = nil, discountPeriodAmount: Decimal? = nil) {
        self.discountPeriodCount = discountPeriodCount; self.discountPeriodAmount = discountPeriodAmount
    }

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "subscription_data")
        let discount = r.value("discount_period_config").flatMap { try? JSONObjectReader($0, what: "discount_period_config") }
        self.init(discountPeriodCount: discount?.int("discount_period_count"),
                  discountPeriodAmount: discount?.decimal("discount_period_amount"))
    }

    func wire(currency: CurrencyCode?) -> WireJSON {
        var b = WireObjectBuilder()
        if discountPeriodCount != nil || discountPeriodAmount != nil {
            var discount = WireObjectBuilder()
            discount.set("discount_period_count", discountPeriodCount)
            discount.setAmount("discount_period_amount", discountPeriodAmount, currency: currency)
            b.set("discount_period_config", discount.json)
        }
        return b.json
    }
}
