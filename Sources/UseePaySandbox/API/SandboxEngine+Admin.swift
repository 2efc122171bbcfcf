import Foundation
import GRDB

extension SandboxEngine {
    /// Empties every merchant table. The signing key and the clock offset stay.
    func reset() async throws {
        try await writer.write { db in
            for table in SandboxDatabase.dataTables { try db.execute(sql: "DELETE FROM \(table)") }
            try db.execute(sql: "DELETE FROM meta WHERE key = 'seeded'")
        }
    }

    /// Moves the sandbox clock forward, then settles whatever became due (refunds, pending
    /// payments, expired authorisations, subscription periods, webhook retries).
    func advanceClock(byMilliseconds delta: Int64) async throws {
        let offset = clock.advance(byMilliseconds: delta)
        try await writer.write { db in try db.setMetaValue("clock_offset_ms", String(offset)) }
        while try await settleDue() > 0 {}
        try await webhookDelivery?.startDueDeliveries()
    }
}

extension SandboxEngine {
    /// `wal` for file databases; used by tests and diagnostics.
    func journalMode() async throws -> String? {
        try await writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    }
}
