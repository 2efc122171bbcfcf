import ArgumentParser
import ConsoleCore
import Foundation
import UseePay

struct PaymentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payments",
        abstract: "List, show, capture and cancel payment intents.",
        subcommands: [PaymentsList.self, ShowCommand<PaymentIntent>.self, PaymentsSummary.self, PaymentsCapture.self, PaymentsCancel.self])
}

struct PaymentsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List payments (today's by default), paging automatically.",
        discussion: "Example: useepay payments list --since 2026-11-01 --status requires_capture --format csv > awaiting.csv")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var listing: ListingOptions

    @Flag(help: "Only payments created today in the profile's time zone (the default when no --since/--until is given).")
    var today = false

    @Option(name: .customLong("status"), help: PaymentFilters.statusHelp)
    var statuses: [String] = []

    @Option(help: ArgumentHelp("Only this customer id.", valueName: "id"))
    var customer: String?

    @Option(help: ArgumentHelp("Only this merchant order id.", valueName: "id"))
    var order: String?

    func validate() throws { try PaymentFilters.validate(today: today, range: listing.range, statuses: statuses) }

    func run() async throws {
        let statuses = self.statuses.map(PaymentIntentStatus.init(rawValue:)), customer = self.customer, order = self.order
        try await ObjectCommand.list(global, listing, noun: "payments", defaultSinceToday: true,
                                     columns: PaymentIntentColumns.columns(time:), raw: \.raw) { client, window in
            client.paymentIntents(PaymentIntentListQuery(window: window, statuses: statuses, customerId: customer, merchantOrderId: order))
        }
    }
}

extension PaymentIntent: Showable {
    static let showable = ShowableKind<PaymentIntent>(noun: "payment intent", dashboardKind: .payment, fields: PaymentIntentColumns.fields(_:time:)) { client, id in
        try await client.retrievePaymentIntent(id: id)
    }
}
