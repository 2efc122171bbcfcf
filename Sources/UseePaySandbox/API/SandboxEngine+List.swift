import Foundation
import GRDB

extension SandboxEngine {
    /// `GET /api/v1/<resource>`: `{"items": […], "has_more": bool}` as documented, plus (unless the
    /// sandbox runs with the documented envelope only) what the official SDK reads: `data` (the same
    /// items), `total`, `page` (1-based) and `page_size`. Keys are written in sorted order like every
    /// other answer; the items are serialised once and written twice.
    func list(_ kind: ResourceKind, _ request: APIRequest) async throws -> APIResult {
        let query = try ListQuery(kind: kind, request: request)
        let plan = ListPlan(kind: kind, query: query, merchantNo: request.merchant.merchantNo)
        let withSDKFields = options.listEnvelope == .both
        let body = try await writer.read { db -> [UInt8] in
            let page = try plan.fetchPage(db)
            let items = try self.listItems(kind, page.storedTexts, db)
            var body: [UInt8] = []
            body.reserveCapacity(items.count * (withSDKFields ? 2 : 1) + 128)
            body.append(UInt8(ascii: "{"))
            if withSDKFields { body += Array("\"data\":".utf8) + items + [UInt8(ascii: ",")] }
            body += Array("\"has_more\":\(page.hasMore),\"items\":".utf8)
            body += items
            if withSDKFields {
                body += Array(",\"page\":\(query.page),\"page_size\":\(query.pageSize),\"total\":\(try plan.total(db))".utf8)
            }
            body.append(UInt8(ascii: "}"))
            return body
        }
        return APIResult(rawBody: body)
    }

    /// The JSON array of a page's wire objects, each written from its stored text (`StoredWireText`);
    /// a text outside the expected shape, and checkout sessions (whose customer is a short form),
    /// take the general path through `render`.
    func listItems(_ kind: ResourceKind, _ storedTexts: [Data], _ db: Database) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(storedTexts.count * 1600 + 2)
        output.append(UInt8(ascii: "["))
        var writer = StoredWireText(kind)
        let customers = EmbeddedCustomers()
        for (index, stored) in storedTexts.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            let written = try kind != .checkoutSession && stored.withUnsafeBytes { raw -> Bool in
                let bytes = raw.bindMemory(to: UInt8.self)
                guard writer.scan(bytes) else { return false }
                var customer: [UInt8]?
                if kind == .paymentIntent, writer.has(StoredWireText.customerIdKey, in: bytes) {
                    // An id or merchant that needs unescaping is rare enough to leave to the general path.
                    guard let customerId = writer.plainString(StoredWireText.customerIdKey, in: bytes),
                          let merchantNo = writer.plainString(StoredWireText.merchantNoKey, in: bytes) else { return false }
                    customer = try customers.wireText(customerId, merchantNo: merchantNo, db, engine: self)
                }
                writer.write(bytes, customer: customer, into: &output)
                return true
            }
            if !written {
                var slow = ""
                try render(kind, try Database.decodeDocument(bytes: stored), db, customers: customers).write(into: &slow)
                output.append(contentsOf: slow.utf8)
            }
        }
        output.append(UInt8(ascii: "]"))
        return output
    }
}
