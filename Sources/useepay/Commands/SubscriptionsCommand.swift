import ArgumentParser
import ConsoleCore
import Foundation
import UseePay

struct SubscriptionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscriptions", abstract: "List, show and cancel subscriptions.",
        subcommands: [SubscriptionsList.self, SubscriptionsShow.self, SubscriptionsCancel.self])
}

struct SubscriptionsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List subscriptions, paging automatically.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var listing: ListingOptions
    @Option(help: ArgumentHelp("Only this customer id.", valueName: "id")) var customer: String?
    @Option(name: .customLong("status"), help: ArgumentHelp("Only this status; repeat for several.", valueName: "status"))
    var statuses: [String] = []

    func run() async throws {
        let settings = try global.loadSettings()
        let (from, to) = try listing.interval(timeZone: settings.timeZone.value)
        let query = SubscriptionListQuery(
            window: ListingRunner.window(since: from, until: to), customerId: customer, statuses: statuses.map(SubscriptionStatus.init(rawValue:)))
        let time = TimeText(timeZone: settings.timeZone.value)
        try await ServiceSession.with(settings) { session in
            try await ListingRunner.run(
                session.client.subscriptions(query), format: listing.format, columns: SubscriptionColumns.columns(time: time),
                raw: \.raw, limit: listing.limit, noun: "subscriptions", streams: StandardStreams(), cells: listing.cells)
        }
    }
}

struct SubscriptionsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one subscription.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Subscription id.") var id: String
    @Option(help: "table, json, jsonl or csv.") var format: OutputFormat = .table
    @Flag(help: "With --format csv: values exactly as received, UNSAFE to open in a spreadsheet.") var raw = false

    func validate() throws { try RawExportOption.validate(raw: raw, format: format) }

    func run() async throws {
        let settings = try global.loadSettings()
        let time = TimeText(timeZone: settings.timeZone.value)
        try await ServiceSession.with(settings) { session in
            let subscription: Subscription
            do { subscription = try await session.client.retrieveSubscription(id: id) } catch { throw FailureClassifier.failure(error) }
            ListingRunner.show(raw: subscription.raw, fields: SubscriptionColumns.fields(subscription, time: time), dashboard: session.dashboardLinks.link(for: ObjectRef(.subscription, subscription.id)), format: format,
                               streams: StandardStreams(), cells: raw ? .asReceived : .spreadsheetSafe)
        }
    }
}

struct SubscriptionsCancel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel a subscription now, or --at-period-end.",
        discussion: "Asks for confirmation on a terminal; --yes skips it. ID \"-\" reads ids from stdin (needs --yes).")

    @OptionGroup var options: MoneyMoveOptions
    @Argument(help: "Subscription id, or - to read ids from stdin.") var id: String
    @Flag(help: "Let the current period run out instead of cancelling now.") var atPeriodEnd = false
    @Option(help: "A comment kept with the cancellation.") var comment: String?

    func run() async throws {
        let atPeriodEnd = self.atPeriodEnd, comment = self.comment
        try await MoneyCommandRunner(options, verb: "cancel", doneWord: "cancelled")
            .run(idArgument: id) { preparation, id in
                try await preparation.prepare(.cancelSubscription, id: id, reason: comment, atPeriodEnd: atPeriodEnd)
            }
    }
}
