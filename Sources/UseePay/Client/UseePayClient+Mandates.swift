import Foundation

extension UseePayClient {
    public func createMandate(_ p: MandateCreateParameters) async throws -> Mandate {
        try await object(Mandate.self, .post, "/api/v1/mandates/create", body: p.wire)
    }

    public func retrieveMandate(id: String) async throws -> Mandate {
        try await object(Mandate.self, .get, try path("mandates", id, method: .get))
    }

    public func listMandates(_ q: MandateListQuery) async throws -> Page<Mandate> {
        try await page(Mandate.self, "/api/v1/mandates", q)
    }

    public func mandates(_ q: MandateListQuery, maxPages: Int = 500) -> AutoPagingSequence<Mandate> {
        autoPaging(q, maxPages: maxPages) { [self] in try await self.listMandates($0) }
    }
}
