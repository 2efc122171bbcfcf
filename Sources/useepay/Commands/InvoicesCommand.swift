import ConsoleCore
import ArgumentParser
import Foundation
import UseePay

struct InvoicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoices", abstract: "List and show invoices.", subcommands: [InvoicesList.self, InvoicesShow.self])
}

struct InvoicesList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List invoices, paging automatically.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var listing: ListingOptions
    @Option(help: ArgumentHelp("Only this customer id.", valueName: "id")) var customer: String?
    @Option(help: ArgumentHelp("Only this subscription id.", valueName: "id")) var subscription: String?

    func run() async throws {
        let settings = try global.loadSettings()
        let (from, to) = try listing.interval(timeZone: settings.timeZone.value)
        let query = InvoiceListQuery(window: ListingRunner.window(since: from, until: to), customerId: customer, subscriptionId: subscription)
        let time = TimeText(timeZone: settings.timeZone.value)
        try await ServiceSession.with(settings) { session in
            try await ListingRunner.run(
                session.client.invoices(query), format: listing.format, columns: InvoiceColumns.columns(time: time), raw: \.raw,
                limit: listing.limit, noun: "invoices", streams: StandardStreams(), cells: listing.cells)
        }
    }
}

struct InvoicesShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one invoice.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Invoice id.") var id: String
    @Option(help: "table, json, jsonl or csv.") var format: OutputFormat = .table
    @Flag(help: "With --format csv: values exactly as received, UNSAFE to open in a spreadsheet.") var raw = false

    func validate() throws { try RawExportOption.validate(raw: raw, format: format) }

    func run() async throws {
        let settings = try global.loadSettings()
        let time = TimeText(timeZone: settings.timeZone.value)
        try await ServiceSession.with(settings) { session in
            let invoice: Invoice
            do { invoice = try await session.client.retrieveInvoice(id: id) } catch { throw FailureClassifier.failure(error) }
            ListingRunner.show(raw: invoice.raw, fields: InvoiceColumns.fields(invoice, time: time), format: format, streams: StandardStreams(), cells: raw ? .asReceived : .spreadsheetSafe)
        }
    }
}
