import ArgumentParser
import ConsoleCore
import Foundation
import UseePay

struct CheckoutSessionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout-sessions", abstract: "Create, list and show hosted checkout sessions.",
        subcommands: [CheckoutSessionsCreate.self, ListCommand<CheckoutSessionFilters>.self, ShowCommand<CheckoutSession>.self])
}

struct CheckoutSessionsCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a checkout session: a page where the payer pays (payment) or subscribes (subscription).",
        discussion: """
            Nothing is charged until the payer completes the session's page. The amount must equal the sum of the \
            line items: give --amount, --item, or both.
            Examples:
              useepay checkout-sessions create --sandbox --currency USD --order ORD-1001 --amount 99.99 --email a@example.com
              useepay checkout-sessions create --sandbox --currency USD --order ORD-1002 --item "Tea=4.50x2" --item "Cake=3"
              useepay checkout-sessions create --sandbox --mode subscription --currency USD --order SUB-7 \\
                  --item "Monthly plan=9.99" --interval month --cycles 12 --customer cus_…
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "payment or subscription.") var mode: String = "payment"
    @Option(help: "Currency code, e.g. USD, KRW.") var currency: String
    @Option(name: .customLong("order"), help: ArgumentHelp("Your order id (merchant_order_id), at most 64 characters.", valueName: "id"))
    var merchantOrderId: String
    @Option(help: "Total in major units, e.g. 99.99 (default: the sum of the items).") var amount: String?
    @Option(name: .customLong("item"), help: ArgumentHelp("A line item NAME=UNIT_AMOUNT, optionally xQUANTITY (e.g. \"Tea=4.50x2\"); repeat for several.", valueName: "item"))
    var items: [String] = []
    @Option(help: ArgumentHelp("An existing customer.", valueName: "id")) var customer: String?
    @Option(help: "Customer email (the customer is described inline).") var email: String?
    @Option(help: "Customer name.") var name: String?
    @Option(help: "Customer phone.") var phone: String?
    @Option(help: ArgumentHelp("Your own customer id.", valueName: "id")) var merchantCustomerId: String?
    @Option(help: "Subscription mode: day, week, month or year.") var interval: String = "month"
    @Option(help: "Subscription mode: bill every N intervals.") var intervalCount: Int = 1
    @Option(help: "Subscription mode: number of billing periods (default: until cancelled).") var cycles: Int?
    @Option(help: "Subscription mode: how many first periods are discounted.") var discountPeriods: Int?
    @Option(help: "Subscription mode: the discounted price of those periods.") var discountAmount: String?
    @Option(name: .customLong("payment-method-type"), help: ArgumentHelp("card, apple_pay or google_pay; repeat for several.", valueName: "type"))
    var paymentMethodTypes: [String] = []
    @Option(name: .customLong("metadata"), help: ArgumentHelp("KEY=VALUE kept with the session; repeat for several.", valueName: "pair"))
    var metadataPairs: [String] = []
    @Option(help: "table, json, jsonl or csv.") var format: OutputFormat = .table

    func validate() throws {
        guard ["payment", "subscription"].contains(mode) else { throw ValidationError("--mode is payment or subscription") }
        guard ["day", "week", "month", "year"].contains(interval) else { throw ValidationError("--interval is day, week, month or year") }
        guard merchantOrderId.count <= 64, !merchantOrderId.isEmpty else { throw ValidationError("--order must be 1 to 64 characters") }
        if customer != nil, [email, name, phone, merchantCustomerId].contains(where: { $0 != nil }) {
            throw ValidationError("give --customer, or describe the customer with --email/--name/--phone/--merchant-customer-id, not both")
        }
        if intervalCount < 1 { throw ValidationError("--interval-count must be at least 1") }
        if let cycles, cycles < 1 { throw ValidationError("--cycles must be at least 1") }
        if amount == nil, items.isEmpty { throw ValidationError("give --amount, --item, or both") }
        if (discountPeriods == nil) != (discountAmount == nil) { throw ValidationError("--discount-periods and --discount-amount go together") }
    }

    func run() async throws {
        let parameters = try makeParameters()
        let settings = try global.loadSettings()
        let time = TimeText(timeZone: settings.timeZone.value)
        try await ServiceSession.with(settings) { session in
            let created: CheckoutSession
            do { created = try await session.client.createCheckoutSession(parameters) } catch { throw FailureClassifier.failure(error) }
            ListingRunner.show(raw: created.raw, fields: CheckoutSessionColumns.fields(created, time: time), format: format,
                               streams: StandardStreams())
        }
    }

    func makeParameters() throws(CommandFailure) -> CheckoutSessionCreateParameters {
        let code = CurrencyCode(currency)
        guard code.code.count == 3, code.code.allSatisfy({ $0.isLetter && $0.isASCII }) else {
            throw CommandFailure(.usage, "--currency \"\(currency)\" is not a currency code like USD")
        }
        func money(_ text: String, _ flag: String) throws(CommandFailure) -> Decimal {
            do { return try Money.parse(text, currency: code).amount } catch {
                throw CommandFailure(.usage, "\(flag) \"\(text)\": \(error)")
            }
        }
        let isSubscription = mode == "subscription"
        let recurring = isSubscription ? Recurring(interval: interval, intervalCount: intervalCount, totalBillingCycles: cycles) : nil
        var lineItems: [CheckoutLineItem] = []
        for text in items {
            guard let equals = text.lastIndex(of: "=") else {
                throw CommandFailure(.usage, "--item \"\(text)\": use NAME=AMOUNT or NAME=AMOUNTxQUANTITY")
            }
            let name = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
            var price = String(text[text.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            var quantity = 1
            if let x = price.lastIndex(where: { $0 == "x" || $0 == "×" || $0 == "*" }) {
                guard let q = Int(price[price.index(after: x)...]), q >= 1 else {
                    throw CommandFailure(.usage, "--item \"\(text)\": the quantity after x must be a whole number from 1")
                }
                quantity = q
                price = String(price[..<x])
            }
            guard !name.isEmpty else { throw CommandFailure(.usage, "--item \"\(text)\": the item needs a name before =") }
            let unitAmount = try money(price, "--item")
            lineItems.append(CheckoutLineItem(quantity: quantity, name: name, unitAmount: unitAmount, currency: code, recurring: recurring))
        }
        let itemsTotal = lineItems.reduce(Decimal(0)) { $0 + ($1.total ?? 0) }
        let total: Decimal
        if let amount {
            total = try money(amount, "--amount")
            if lineItems.isEmpty {
                lineItems = [CheckoutLineItem(quantity: 1, name: "Order \(merchantOrderId)", unitAmount: total, currency: code, recurring: recurring)]
            } else if total != itemsTotal {
                throw CommandFailure(.usage, "--amount \(Money(amount: total, currency: code).formatted()) is not the items' total "
                                     + "\(Money(amount: itemsTotal, currency: code).formatted()); the API refuses a mismatch")
            }
        } else {
            total = itemsTotal
        }
        guard total > 0 else { throw CommandFailure(.usage, "the amount must be more than zero") }
        var metadata: [String: JSONValue] = [:]
        for pair in metadataPairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw CommandFailure(.usage, "--metadata \"\(pair)\": use KEY=VALUE")
            }
            metadata[String(pair[..<equals])] = .string(String(pair[pair.index(after: equals)...]))
        }
        let inline = [email, name, phone, merchantCustomerId].contains { $0 != nil }
            ? CheckoutCustomer(email: email, name: name, phone: phone, merchantCustomerId: merchantCustomerId) : nil
        var subscriptionData: CheckoutSubscriptionData?
        if isSubscription {
            // Required in subscription mode, even when empty (the API answers 400 without it).
            var discount: Decimal?
            if let discountAmount { discount = try money(discountAmount, "--discount-amount") }
            subscriptionData = CheckoutSubscriptionData(discountPeriodCount: discountPeriods, discountPeriodAmount: discount)
        }
        return CheckoutSessionCreateParameters(
            mode: CheckoutSessionMode(rawValue: mode), amount: total, currency: code, merchantOrderId: merchantOrderId,
            lineItems: lineItems, customerId: customer, customer: inline,
            paymentMethodTypes: paymentMethodTypes.isEmpty ? nil : paymentMethodTypes, subscriptionData: subscriptionData,
            collectionMethod: isSubscription ? "auto_charge" : nil, metadata: metadata.isEmpty ? nil : metadata)
    }
}

struct CheckoutSessionFilters: ListFilters {
    static let listable = ListableKind<CheckoutSession>(noun: "checkout sessions", columns: CheckoutSessionColumns.columns(time:))

    @Option(help: ArgumentHelp("Only this customer's sessions.", valueName: "id")) var customer: String?
    @Option(help: ArgumentHelp("Only the session that created this payment intent.", valueName: "id")) var paymentIntent: String?
    @Option(name: .customLong("order"), help: ArgumentHelp("Only this merchant order id.", valueName: "id")) var merchantOrderId: String?
    @Option(name: .customLong("status"), help: ArgumentHelp("open, complete or expired; repeat for several.", valueName: "status"))
    var statuses: [String] = []

    func pages(_ client: UseePayClient, _ window: ListWindow) -> AutoPagingSequence<CheckoutSession> {
        client.checkoutSessions(CheckoutSessionListQuery(
            window: window, customerId: customer, paymentIntentId: paymentIntent, merchantOrderId: merchantOrderId,
            statuses: statuses.map(CheckoutSessionStatus.init(rawValue:))))
    }
}

extension CheckoutSession: Showable {
    static let showable = ShowableKind<CheckoutSession>(noun: "checkout session", dashboardKind: nil, fields: CheckoutSessionColumns.fields(_:time:)) { client, id in
        try await client.retrieveCheckoutSession(id: id)
    }
}
