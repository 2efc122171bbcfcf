import ArgumentParser
import ConsoleCore
import Foundation
import UseePay

struct SubscriptionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscriptions", abstract: "List, show and cancel subscriptions.",
        subcommands: [SubscriptionsList.self, ShowCommand<Subscription>.self, SubscriptionsCancel.self])
}

struct SubscriptionsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List subscriptions, paging automatically.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var listing: ListingOptions
    @Option(help: ArgumentHelp("Only this customer id.", valueName: "id")) var customer: String?
    @Option(name: .customLong("status"), help: ArgumentHelp("Only this status; repeat for several.", valueName: "status"))
    var statuses: [String] = []

    func run() async throws {
        let customer = self.customer, statuses = self.statuses.map(SubscriptionStatus.init(rawValue:))
        try await ObjectCommand.list(global, listing, noun: "subscriptions", columns: SubscriptionColumns.columns(time:), raw: \.raw) { client, window in
            client.subscriptions(SubscriptionListQuery(window: window, customerId: customer, statuses: statuses))
        }
    }
}

extension Subscription: Showable {
    static let showable = ShowableKind<Subscription>(noun: "subscription", dashboardKind: .subscription, fields: SubscriptionColumns.fields(_:time:)) { client, id in
        try await client.retrieveSubscription(id: id)
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
