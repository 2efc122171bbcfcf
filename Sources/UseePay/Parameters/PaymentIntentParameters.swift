import Foundation

/// Card details for confirming a payment. The number and CVC never appear in descriptions or dumps.
public struct CardDetails: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var number: String
    public var expiryMonth: String
    public var expiryYear: String
    public var cvc: String
    public var name: String?

    public init(number: String, expiryMonth: String, expiryYear: String, cvc: String, name: String? = nil) {
        self.number = number; self.expiryMonth = expiryMonth; self.expiryYear = expiryYear; self.cvc = cvc; self.name = name
    }

    public var description: String {
        let digits = number.filter(\.isNumber)
        return "card ••••\(digits.suffix(4)) \(expiryMonth)/\(expiryYear)"
    }
    public var debugDescription: String { "CardDetails(\(description))" }
    public var customMirror: Mirror { Mirror(self, children: ["card": description], displayStyle: .struct) }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.set("number", number); b.set("expiry_month", expiryMonth); b.set("expiry_year", expiryYear)
        b.set("cvc", cvc); b.set("name", name); b.set("number_type", "pan")
        return b.json
    }
}

public struct BillingDetails: Sendable, Hashable {
    public var name: String?
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var phone: String?
    public var address: Address?

    public init(name: String? = nil, firstName: String? = nil, lastName: String? = nil, email: String? = nil,
                phone: String? = nil, address: Address? = nil) {
        self.name = name; self.firstName = firstName; self.lastName = lastName; self.email = email
        self.phone = phone; self.address = address
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.set("name", name); b.set("first_name", firstName); b.set("last_name", lastName)
        b.set("email", email); b.set("phone", phone); b.set("address", address?.wire)
        return b.json
    }
}

/// `payment_method_data`: a new payment method given inline.
public struct PaymentMethodData: Sendable, Hashable {
    public var type: String
    public var card: CardDetails?
    public var billing: BillingDetails?

    public init(type: String = "card", card: CardDetails? = nil, billing: BillingDetails? = nil) {
        self.type = type; self.card = card; self.billing = billing
    }

    public static func card(_ card: CardDetails, billing: BillingDetails? = nil) -> PaymentMethodData {
        PaymentMethodData(type: "card", card: card, billing: billing)
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.set("type", type); b.set("card", card?.wire); b.set("billing", billing?.wire)
        return b.json
    }
}

public struct PaymentIntentCreateParameters: Sendable, Hashable {
    public var amount: Decimal
    public var currency: CurrencyCode
    public var merchantOrderId: String
    public var customerId: String?
    public var customer: EmbeddedCustomer?
    public var paymentMethodId: String?
    public var paymentMethodTypes: [String]?
    public var paymentMethodData: PaymentMethodData?
    public var paymentMethodOptions: PaymentMethodOptions?
    public var confirm: Bool?
    public var autoCapture: Bool?
    public var description: String?
    public var returnUrl: String?
    public var metadata: [String: JSONValue]?
    public var order: Order?
    public var deviceData: [String: JSONValue]?

    public init(amount: Decimal, currency: CurrencyCode, merchantOrderId: String, customerId: String? = nil,
                customer: EmbeddedCustomer? = nil, paymentMethodId: String? = nil, paymentMethodTypes: [String]? = nil,
                paymentMethodData: PaymentMethodData? = nil, paymentMethodOptions: PaymentMethodOptions? = nil,
                confirm: Bool? = nil, autoCapture: Bool? = nil, description: String? = nil, returnUrl: String? = nil,
                metadata: [String: JSONValue]? = nil, order: Order? = nil, deviceData: [String: JSONValue]? = nil) {
        self.amount = amount; self.currency = currency; self.merchantOrderId = merchantOrderId
        self.customerId = customerId; self.customer = customer; self.paymentMethodId = paymentMethodId
        self.paymentMethodTypes = paymentMethodTypes; self.paymentMethodData = paymentMethodData
        self.paymentMethodOptions = paymentMethodOptions; self.confirm = confirm; self.autoCapture = autoCapture
        self.description = description; self.returnUrl = returnUrl; self.metadata = metadata; self.order = order
        self.deviceData = deviceData
    }

    public init(amount: Money, merchantOrderId: String) {
        self.init(amount: amount.amount, currency: amount.currency, merchantOrderId: merchantOrderId)
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.setAmount("amount", amount, currency: currency)
        b.set("currency", currency.code)
        b.set("merchant_order_id", merchantOrderId)
        b.set("customer_id", customerId)
        b.set("customer", customer?.wire)
        b.set("payment_method_id", paymentMethodId)
        b.set("payment_method_types", paymentMethodTypes)
        b.set("payment_method_data", paymentMethodData?.wire)
        b.set("payment_method_options", paymentMethodOptions?.wire)
        b.set("confirm", confirm)
        b.set("auto_capture", autoCapture)
        b.set("description", description)
        b.set("return_url", returnUrl)
        b.set("metadata", metadata)
        b.set("order", order?.wire(currency: currency))
        b.set("device_data", deviceData)
        return b.json
    }
}

/// Fields to change on an unpaid intent; nil fields are left as they are.
public struct PaymentIntentUpdateParameters: Sendable, Hashable {
    public var amount: Decimal?
    public var currency: CurrencyCode?
    public var merchantOrderId: String?
    public var customerId: String?
    public var description: String?
    public var returnUrl: String?
    public var metadata: [String: JSONValue]?
    public var order: Order?

    public init(amount: Decimal? = nil, currency: CurrencyCode? = nil, merchantOrderId: String? = nil,
                customerId: String? = nil, description: String? = nil, returnUrl: String? = nil,
                metadata: [String: JSONValue]? = nil, order: Order? = nil) {
        self.amount = amount; self.currency = currency; self.merchantOrderId = merchantOrderId
        self.customerId = customerId; self.description = description; self.returnUrl = returnUrl
        self.metadata = metadata; self.order = order
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.setAmount("amount", amount, currency: currency)
        b.set("currency", currency?.code)
        b.set("merchant_order_id", merchantOrderId)
        b.set("customer_id", customerId)
        b.set("description", description)
        b.set("return_url", returnUrl)
        b.set("metadata", metadata)
        b.set("order", order?.wire(currency: currency))
        return b.json
    }
}

public struct PaymentIntentConfirmParameters: Sendable, Hashable {
    public var paymentMethodId: String?
    public var paymentMethodData: PaymentMethodData?
    public var paymentMethodOptions: PaymentMethodOptions?
    public var returnUrl: String?
    public var deviceData: [String: JSONValue]?

    public init(paymentMethodId: String? = nil, paymentMethodData: PaymentMethodData? = nil,
                paymentMethodOptions: PaymentMethodOptions? = nil, returnUrl: String? = nil,
                deviceData: [String: JSONValue]? = nil) {
        self.paymentMethodId = paymentMethodId; self.paymentMethodData = paymentMethodData
        self.paymentMethodOptions = paymentMethodOptions; self.returnUrl = returnUrl; self.deviceData = deviceData
    }

    var wire: WireJSON {
        var b = WireObjectBuilder()
        b.set("payment_method_id", paymentMethodId)
        b.set("payment_method_data", paymentMethodData?.wire)
        b.set("payment_method_options", paymentMethodOptions?.wire)
        b.set("return_url", returnUrl)
        b.set("device_data", deviceData)
        return b.json
    }
}
