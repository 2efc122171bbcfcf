import Foundation
import GRDB

extension SandboxEngine {
    /// Stores a new object that was prepared (and validated) outside the transaction: stamps it with the
    /// time of the write and inserts it, with the id, merchant and creation time beside its own `columns`.
    func insertObject(_ kind: ResourceKind, _ prepared: Document, merchant: SandboxCredentials,
                      columns: @escaping @Sendable (Document) -> [String: (any DatabaseValueConvertible)?]) async throws -> APIResult {
        let json = try await writer.write { db -> SandboxJSON in
            let now = self.now()
            var doc = prepared
            doc["create_at"] = SandboxTime.isoJSON(milliseconds: now)
            doc["modify_at"] = SandboxTime.isoJSON(milliseconds: now)
            var all = columns(doc)
            all["id"] = doc.string("id"); all["merchant_no"] = merchant.merchantNo; all["create_at"] = now
            try db.insertDocument(kind, doc, columns: all)
            return try self.render(kind, doc, db)
        }
        return APIResult(json: json, committedChange: true)
    }

    /// A change to one stored object, as every update and state transition makes it: in one write
    /// transaction it re-reads the merchant's object (404 when the id is unknown or another merchant's),
    /// and `change` checks its state, edits and saves it and renders the answer. Re-reading inside the
    /// transaction is what keeps two concurrent transitions from both succeeding.
    func changeObject(_ kind: ResourceKind, id: String, _ request: APIRequest,
                      _ change: @escaping @Sendable (_ doc: inout Document, _ db: Database, _ now: Int64) throws -> SandboxJSON)
        async throws -> APIResult {
        let merchantNo = request.merchant.merchantNo
        let json = try await writer.write { db -> SandboxJSON in
            let now = self.now()
            var doc = try self.loadObject(kind, id, merchantNo: merchantNo, db: db)
            return try change(&doc, db, now)
        }
        return APIResult(json: json, committedChange: true)
    }

    /// Loads one of the merchant's objects, or answers 404 for unknown ids and other merchants' objects.
    /// - Parameter source: the request field that named the object, when it was not the path.
    func loadObject(_ kind: ResourceKind, _ id: String, merchantNo: String, db: Database, source: String? = nil) throws -> Document {
        guard let doc = try db.loadDocument(kind, id: id, merchantNo: merchantNo) else {
            throw APIError.notFound(kind.displayName, id: id, source: source)
        }
        return doc
    }
}
