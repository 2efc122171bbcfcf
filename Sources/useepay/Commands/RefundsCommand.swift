import ArgumentParser
import ConsoleCore
import Foundation
import UseePay

struct RefundsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refunds", abstract: "Create, list and show refunds.",
        subcommands: [RefundsCreate.self, ListCommand<RefundFilters>.self, ShowCommand<Refund>.self])
}

struct RefundsCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Refund a succeeded payment (all that is left, or --amount).",
        discussion: """
            Asks for confirmation on a terminal; --yes skips it. ID "-" reads payment intent ids from stdin (needs --yes).
            Each refund carries a request id in its metadata (console_request_id), so a lost answer is settled by looking
            the refund up instead of refunding twice.
            """)

    @OptionGroup var options: MoneyMoveOptions
    @Argument(help: "Payment intent id, or - to read ids from stdin.") var paymentIntentId: String
    @Option(help: "Refund only this amount (major units). Default: everything still refundable.") var amount: String?
    @Option(help: "Reason sent to UseePay.") var reason: String?

    func run() async throws {
        try await MoneyCommandRunner(options, verb: "refund", doneWord: "refunded")
            .run(.refund, idArgument: paymentIntentId, amountText: amount, reason: reason)
    }
}

struct RefundFilters: ListFilters {
    static let listable = ListableKind<Refund>(noun: "refunds", columns: RefundColumns.columns(time:))

    @Option(help: ArgumentHelp("Only refunds of this payment intent.", valueName: "id")) var paymentIntent: String?

    func pages(_ client: UseePayClient, _ window: ListWindow) -> AutoPagingSequence<Refund> {
        client.refunds(RefundListQuery(window: window, paymentIntentId: paymentIntent))
    }
}

extension Refund: Showable {
    static let showable = ShowableKind<Refund>(noun: "refund", dashboardKind: .refund, fields: RefundColumns.fields(_:time:)) { client, id in
        try await client.retrieveRefund(id: id)
    }
}
