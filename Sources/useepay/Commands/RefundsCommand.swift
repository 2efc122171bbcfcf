import ArgumentParser
import ConsoleCore
import Foundation
import UseePay

struct RefundsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refunds", abstract: "Create, list and show refunds.",
        subcommands: [RefundsCreate.self, RefundsList.self, RefundsShow.self])
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
        let settings = try global.loadSettings()
        let (from, to) = try listing.interval(timeZone: settings.timeZone.value)
        let query = RefundListQuery(window: ListingRunner.window(since: from, until: to), paymentIntentId: paymentIntent)
        let time = TimeText(timeZone: settings.timeZone.value)
        try await ServiceSession.with(settings) { session in
            try await ListingRunner.run(
                session.client.refunds(query), format: listing.format, columns: RefundColumns.columns(time: time), raw: \.raw,
                limit: listing.limit, noun: "refunds", streams: StandardStreams(), cells: listing.cells)
        }
    }
}

struct RefundsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one refund.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Refund id.") var id: String
    @Option(help: "table, json, jsonl or csv.") var format: OutputFormat = .table
    @Flag(help: "With --format csv: values exactly as received, UNSAFE to open in a spreadsheet.") var raw = false

    func validate() throws { try RawExportOption.validate(raw: raw, format: format) }

    func run() async throws {
        let settings = try global.loadSettings()
        let time = TimeText(timeZone: settings.timeZone.value)
        try await ServiceSession.with(settings) { session in
            let refund: Refund
            do { refund = try await session.client.retrieveRefund(id: id) } catch { throw FailureClassifier.failure(error) }
            ListingRunner.show(raw: refund.raw, fields: RefundColumns.fields(refund, time: time), dashboard: session.dashboardLinks.link(for: ObjectRef(.refund, refund.id)), format: format, streams: StandardStreams(), cells: raw ? .asReceived : .spreadsheetSafe)
        }
    }
}
