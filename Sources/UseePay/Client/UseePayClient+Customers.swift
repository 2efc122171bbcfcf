import Foundation

extension UseePayClient {
    public func createCustomer(_ p: CustomerCreateParameters) async throws -> Customer {
        try await object(Customer.self, .post, "/api/v1/customers/create", body: p.wire)
    }

    public func retrieveCustomer(id: String) async throws -> Customer {
        try await object(Customer.self, .get, try path("customers", id, method: .get))
    }

    public func updateCustomer(id: String, _ p: CustomerUpdateParameters) async throws -> Customer {
        try await object(Customer.self, .post, try path("customers", id, method: .post), body: p.wire)
    }

    public func listCustomers(_ q: CustomerListQuery) async throws -> Page<Customer> {
        try await page(Customer.self, "/api/v1/customers", q)
    }

    public func customers(_ q: CustomerListQuery, maxPages: Int = 500) -> AutoPagingSequence<Customer> {
        autoPaging(q, maxPages: maxPages) { [self] in try await self.listCustomers($0) }
    }
}
