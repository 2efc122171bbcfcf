import ArgumentParser
import ConsoleCore
import Foundation
import UseePay

struct CustomersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers", abstract: "List and show customers.", subcommands: [CustomersList.self, ShowCommand<Customer>.self])
}

struct CustomersList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List customers, paging automatically.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var listing: ListingOptions
    @Option(help: "Only this email address.") var email: String?
    @Option(help: ArgumentHelp("Only this merchant customer id.", valueName: "id")) var merchantCustomerId: String?

    func run() async throws {
        let email = self.email, merchantCustomerId = self.merchantCustomerId
        try await ObjectCommand.list(global, listing, noun: "customers", columns: CustomerColumns.columns(time:), raw: \.raw) { client, window in
            client.customers(CustomerListQuery(window: window, email: email, merchantCustomerId: merchantCustomerId))
        }
    }
}

extension Customer: Showable {
    static let showable = ShowableKind<Customer>(noun: "customer", dashboardKind: .customer, fields: CustomerColumns.fields(_:time:)) { client, id in
        try await client.retrieveCustomer(id: id)
    }
}
