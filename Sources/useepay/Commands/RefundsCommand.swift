import ArgumentParser
import ConsoleCore
import Foundation
import UseePay

struct RefundsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refunds", abstract: "Create, list and show refunds.",
        subcommands: [RefundsCreate.self, RefundsList.self, ShowCommand<Refund>.self])
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
        let amount = self.amount, reason = self.reason
        try await MoneyCommandRunner(options, verb: "refund", doneWord: "refunded")
            .run(idArgument: paymentIntentId) { preparation, id in
                try await preparation.prepare(.refund, id: id, amountText: amount, reason: reason)
            }
    }
}

struct RefundsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List refunds, paging automatically.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var listing: ListingOptions
    @Option(help: ArgumentHelp("Only refunds of this payment intent.", valueName: "id")) var paymentIntent: String?

    func run() async throws {
        let paymentIntent = self.paymentIntent
        try await ObjectCommand.list(global, listing, noun: "refunds", columns: RefundColumns.columns(time:), raw: \.raw) { client, window in
            client.refunds(RefundListQuery(window: window, paymentIntentId: paymentIntent))
        }
    }
}

extension Refund: Showable {
    static let showable = ShowableKind<Refund>(noun: "refund", dashboardKind: .refund, fields: RefundColumns.fields(_:time:)) { client, id in
        try await client.retrieveRefund(id: id)
    }
}
