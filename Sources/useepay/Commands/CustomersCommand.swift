import ArgumentParser
import ConsoleCore
import Foundation
import UseePay

struct CustomersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers", abstract: "List and show customers.", subcommands: [ListCommand<CustomerFilters>.self, ShowCommand<Customer>.self])
}

struct CustomerFilters: ListFilters {
    static let listable = ListableKind<Customer>(noun: "customers", columns: CustomerColumns.columns(time:))

    @Option(help: "Only this email address.") var email: String?
    @Option(help: ArgumentHelp("Only this merchant customer id.", valueName: "id")) var merchantCustomerId: String?

    func pages(_ client: UseePayClient, _ window: ListWindow) -> AutoPagingSequence<Customer> {
        client.customers(CustomerListQuery(window: window, email: email, merchantCustomerId: merchantCustomerId))
    }
}

extension Customer: Showable {
    static let showable = ShowableKind<Customer>(noun: "customer", dashboardKind: .customer, fields: CustomerColumns.fields(_:time:)) { client, id in
        try await client.retrieveCustomer(id: id)
    }
}
