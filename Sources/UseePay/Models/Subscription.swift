import Foundation

/// How often and how much a subscription bills. `unitAmount` is in major units of the subscription currency.
public struct Recurring: JSONReadable {
    public var interval: String?
    public var intervalCount: Int?
    public var unitAmount: Decimal?
    public var totalBillingCycles: Int?

    public init(interval: String? = nil, intervalCount: Int? = nil, unitAmount: Decimal? = nil, totalBillingCycles: Int? = nil) {
        self.interval = interval; self.intervalCount = intervalCount
        self.unitAmount = unitAmount; self.totalBillingCycles = totalBillingCycles
    }

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "recurring")
        self.init(interval: r.string("interval"), intervalCount: r.int("interval_count"),
                      unitAmount: r.decimal("unit_amount"), totalBillingCycles: r.int("total_billing_cycles"))
    }

    func wire(currency: CurrencyCode?) -> WireJSON {
        var b = WireObjectBuilder()
        b.set("interval", interval); b.set("interval_count", intervalCount)
        b.setAmount("unit_amount", unitAmount, currency: currency)
        b.set("total_billing_cycles", totalBillingCycles)
        return b.json
    }
}

public struct CancellationDetails: JSONReadable {
    public var comment: String?
    /// `customer_service`, `low_quality`, `missing_features`, `other`, `switched_service`, `too_complex`, `too_expensive`, `unused`.
    public var feedback: String?

    public init(comment: String? = nil, feedback: String? = nil) { self.comment = comment; self.feedback = feedback }

    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "cancellation_details")
        self.init(comment: r.string("comment"), feedback: r.string("feedback"))
    }
}

public struct Subscription: UseePayObject, ReportsBusinessFailure, Identifiable {
    public let id: String
    public let status: SubscriptionStatus
    public let customerId: String?
    public let currency: CurrencyCode?
    public let recurring: Recurring?
    public let description: String?
    public let order: Order?
    public let metadata: [String: JSONValue]?
    public let livemode: Bool?
    public let prorate: Bool?
    public let cancelAtPeriodEnd: Bool?
    public let currentPeriodStart: Date?
    public let currentPeriodEnd: Date?
    public let latestInvoice: String?
    public let firstInvoiceId: String?
    public let cancelAt: Date?
    public let canceledAt: Date?
    public let endedAt: Date?
    public let collectionMethod: String?
    public let daysUntilDue: Int?
    public let defaultPaymentMethod: String?
    public let cancellationDetails: CancellationDetails?
    public let invoiceNow: Bool?
    public let stamp: ObjectStamp
    public let failure: BusinessFailure
    public let raw: JSONValue

    /// The amount billed each period, with the subscription's currency.
    public var unitMoney: Money? {
        Money(ifKnown: recurring?.unitAmount, currency)
    }
}

extension Subscription {
    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "subscription")
        try self.init(id: r.requiredID(what: "subscription"),
                      status: SubscriptionStatus(rawValue: r.string("status") ?? ""),
                      customerId: r.string("customer_id"), currency: r.currency("currency"),
                      recurring: r.nested("recurring", Recurring.init(json:)), description: r.string("description"),
                      order: r.nested("order", Order.init(json:)), metadata: r.dictionary("metadata"),
                      livemode: r.bool("livemode"), prorate: r.bool("prorate"),
                      cancelAtPeriodEnd: r.bool("cancel_at_period_end"),
                      currentPeriodStart: r.date("current_period_start"), currentPeriodEnd: r.date("current_period_end"),
                      // latest_invoice may be an id or an expanded object.
                      latestInvoice: r.string("latest_invoice") ?? r.value("latest_invoice")?["id"]?.stringValue,
                      firstInvoiceId: r.string("first_invoice_id"), cancelAt: r.date("cancel_at"),
                      canceledAt: r.date("canceled_at", "cancelled_at"), endedAt: r.date("ended_at"),
                      collectionMethod: r.string("collection_method"), daysUntilDue: r.int("days_until_due"),
                      defaultPaymentMethod: r.string("default_payment_method"),
                      cancellationDetails: r.nested("cancellation_details", CancellationDetails.init(json:)),
                      invoiceNow: r.bool("invoice_now"), stamp: ObjectStamp(r), failure: BusinessFailure(r), raw: json)
    }
}
