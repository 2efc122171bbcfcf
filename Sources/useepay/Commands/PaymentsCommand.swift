import ArgumentParser
import ConsoleCore
import Foundation
import UseePay

struct PaymentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payments",
        abstract: "List, show, capture and cancel payment intents.",
        subcommands: [PaymentsList.self, PaymentsShow.self, PaymentsCapture.self, PaymentsCancel.self])
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

    @Option(name: .customLong("status"), help: ArgumentHelp(
        "Only this status; repeat for several. \(PaymentIntentStatus.knownCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "status"))
    var statuses: [String] = []

    @Option(help: ArgumentHelp("Only this customer id.", valueName: "id"))
    var customer: String?

    @Option(help: ArgumentHelp("Only this merchant order id.", valueName: "id"))
    var order: String?

    func validate() throws {
        if today && (listing.since != nil || listing.until != nil) {
            throw ValidationError("--today cannot be combined with --since or --until")
        }
        let known = Set(PaymentIntentStatus.knownCases.map(\.rawValue)).union(["cancelled"])
        for status in statuses where !known.contains(status) {
            throw ValidationError("unknown status \"\(status)\"; use one of \(PaymentIntentStatus.knownCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() async throws {
        let settings = try global.loadSettings()
        let (from, to) = try listing.interval(timeZone: settings.timeZone.value, defaultSinceToday: true)
        let query = PaymentIntentListQuery(
            window: ListingRunner.window(since: from, until: to), statuses: statuses.map(PaymentIntentStatus.init(rawValue:)),
            customerId: customer, merchantOrderId: order)
        let time = TimeText(timeZone: settings.timeZone.value)
        try await ServiceSession.with(settings) { session in
            try await ListingRunner.run(
                session.client.paymentIntents(query), format: listing.format,
                columns: PaymentIntentColumns.columns(time: time), raw: \.raw, limit: listing.limit, noun: "payments",
                streams: StandardStreams(), cells: listing.cells)
        }
    }
}

struct PaymentsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one payment intent.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Payment intent id.") var id: String
    @Option(help: "table, json, jsonl or csv.") var format: OutputFormat = .table
    @Flag(help: "With --format csv: values exactly as received, UNSAFE to open in a spreadsheet.") var raw = false

    func validate() throws { try RawExportOption.validate(raw: raw, format: format) }

    func run() async throws {
        let settings = try global.loadSettings()
        let time = TimeText(timeZone: settings.timeZone.value)
        try await ServiceSession.with(settings) { session in
            let intent: PaymentIntent
            do {
                intent = try await session.client.retrievePaymentIntent(id: id)
            } catch {
                throw FailureClassifier.failure(error)
            }
            ListingRunner.show(raw: intent.raw, fields: PaymentIntentColumns.fields(intent, time: time), dashboard: session.dashboardLinks.link(for: ObjectRef(.payment, intent.id)), format: format, streams: StandardStreams(), cells: raw ? .asReceived : .spreadsheetSafe)
        }
    }
}
