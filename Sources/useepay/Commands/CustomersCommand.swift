import ArgumentParser
import ConsoleCore
import Foundation
import UseePay

struct CustomersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers", abstract: "List and show customers.", subcommands: [CustomersList.self, CustomersShow.self])
}

struct CustomersList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List customers, paging automatically.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var listing: ListingOptions
    @Option(help: "Only this email address.") var email: String?
    @Option(help: ArgumentHelp("Only this merchant customer id.", valueName: "id")) var merchantCustomerId: String?

    func run() async throws {
        let settings = try global.loadSettings()
        let (from, to) = try listing.interval(timeZone: settings.timeZone.value)
        let query = CustomerListQuery(window: ListingRunner.window(since: from, until: to), email: email, merchantCustomerId: merchantCustomerId)
        let time = TimeText(timeZone: settings.timeZone.value)
        try await ServiceSession.with(settings) { session in
            try await ListingRunner.run(
                session.client.customers(query), format: listing.format, columns: CustomerColumns.columns(time: time), raw: \.raw,
                limit: listing.limit, noun: "customers", streams: StandardStreams(), cells: listing.cells)
        }
    }
}

struct CustomersShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one customer.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Customer id.") var id: String
    @Option(help: "table, json, jsonl or csv.") var format: OutputFormat = .table
    @Flag(help: "With --format csv: values exactly as received, UNSAFE to open in a spreadsheet.") var raw = false

    func validate() throws { try RawExportOption.validate(raw: raw, format: format) }

    func run() async throws {
        let settings = try global.loadSettings()
        let time = TimeText(timeZone: settings.timeZone.value)
        try await ServiceSession.with(settings) { session in
            let customer: Customer
            do { customer = try await session.client.retrieveCustomer(id: id) } catch { throw FailureClassifier.failure(error) }
            ListingRunner.show(raw: customer.raw, fields: CustomerColumns.fields(customer, time: time), dashboard: session.dashboardLinks.link(for: ObjectRef(.customer, customer.id)), format: format, streams: StandardStreams(), cells: raw ? .asReceived : .spreadsheetSafe)
        }
    }
}
