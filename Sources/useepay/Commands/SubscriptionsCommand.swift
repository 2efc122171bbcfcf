import ArgumentParser
import ConsoleCore
import Foundation
import UseePay

struct SubscriptionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscriptions", abstract: "List, show and cancel subscriptions.",
        subcommands: [ListCommand<SubscriptionFilters>.self, ShowCommand<Subscription>.self, SubscriptionsCancel.self])
}

struct SubscriptionFilters: ListFilters {
    static let listable = ListableKind<Subscription>(noun: "subscriptions", columns: SubscriptionColumns.columns(time:))

    @Option(help: ArgumentHelp("Only this customer id.", valueName: "id")) var customer: String?
    @Option(name: .customLong("status"), help: ArgumentHelp("Only this status; repeat for several.", valueName: "status"))
    var statuses: [String] = []

    func pages(_ client: UseePayClient, _ window: ListWindow) -> AutoPagingSequence<Subscription> {
        client.subscriptions(SubscriptionListQuery(window: window, customerId: customer, statuses: statuses.map(SubscriptionStatus.init(rawValue:))))
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
        try await MoneyCommandRunner(options, verb: "cancel", doneWord: "cancelled")
            .run(.cancelSubscription, idArgument: id, reason: comment, atPeriodEnd: atPeriodEnd)
    }
}
