import ArgumentParser
import Foundation

struct PaymentsCapture: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture",
        abstract: "Capture an authorised payment (all of it, or --amount).",
        discussion: """
            Asks for confirmation on a terminal; --yes skips it. Without a terminal, --yes is required.
            With ID "-", reads ids from stdin, one per line (needs --yes), and prints one result line per id:
              useepay payments capture - --yes < ids.txt
            """)

    @OptionGroup var options: MoneyMoveOptions
    @Argument(help: "Payment intent id, or - to read ids from stdin.") var id: String
    @Option(help: "Capture only this amount (major units, e.g. 12.50). Default: the full authorised amount.") var amount: String?

    func run() async throws {
        try await MoneyCommandRunner(options, verb: "capture", doneWord: "captured").run(.capture, idArgument: id, amountText: amount)
    }
}

struct PaymentsCancel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel a payment that is not completed (e.g. awaiting capture).",
        discussion: "Asks for confirmation on a terminal; --yes skips it. ID \"-\" reads ids from stdin (needs --yes).")

    @OptionGroup var options: MoneyMoveOptions
    @Argument(help: "Payment intent id, or - to read ids from stdin.") var id: String
    @Option(help: "Cancellation reason sent to UseePay.") var reason: String?

    func run() async throws {
        try await MoneyCommandRunner(options, verb: "cancel", doneWord: "cancelled").run(.cancelPayment, idArgument: id, reason: reason)
    }
}
