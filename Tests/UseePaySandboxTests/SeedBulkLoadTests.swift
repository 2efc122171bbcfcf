import Foundation
import GRDB
import XCTest
@testable import UseePaySandbox

/// Seeding loads payment intents and refunds without their indexes and count triggers and builds
/// them afterwards (`BulkLoad`). Afterwards the schema must be whole, the hourly counts exactly what
/// the triggers would have counted, and the triggers working again.
final class SeedBulkLoadTests: XCTestCase {
    private static func schema(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT type || ' ' || name || ': ' || sql FROM sqlite_master
            WHERE tbl_name IN ('payment_intents', 'refunds') AND sql IS NOT NULL ORDER BY type, name
            """)
    }

    private static func counts(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT tbl || '/' || merchant_no || '/' || bucket || '/' || status || '=' || n FROM list_counts
            WHERE tbl IN ('payment_intents', 'refunds') AND n > 0 ORDER BY 1
            """)
    }

    private static func countedDirectly(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT t || '/' || merchant_no || '/' || bucket || '/' || status || '=' || n FROM (
                SELECT 'payment_intents' AS t, merchant_no, create_at / 3600000 AS bucket, status, COUNT(*) AS n
                FROM payment_intents GROUP BY merchant_no, bucket, status
                UNION ALL
                SELECT 'refunds', merchant_no, create_at / 3600000, status, COUNT(*) FROM refunds GROUP BY merchant_no, create_at / 3600000, status)
            ORDER BY 1
            """)
    }

    func testSeededDatabaseHasItsWholeSchemaExactCountsAndWorkingTriggers() async throws {
        let empty = try await SandboxHarness()
        let expectedSchema = try await empty.server.engine.writer.read { try Self.schema($0) }
        await empty.stop()
        XCTAssertGreaterThan(expectedSchema.count, 8, "indexes and triggers of both tables")

        let sandbox = try await SandboxHarness(SandboxHarness.options { $0.seed = 3_000; $0.seedDays = 2 })
        let writer = sandbox.server.engine.writer
        try await writer.read { db in
            XCTAssertEqual(try Self.schema(db), expectedSchema)
            let counted = try Self.counts(db)
            XCTAssertEqual(counted, try Self.countedDirectly(db))
            XCTAssertGreaterThan(counted.count, 10)
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM refunds") ?? 0, 50)
        }
        // The triggers count what comes after the seed.
        let before = try await sandbox.get("/api/v1/payment_intents?page_size=1")
        _ = try await sandbox.post("/api/v1/payment_intents/create", #"{"amount":12.50,"currency":"USD","merchant_order_id":"after-seed"}"#)
        let after = try await sandbox.get("/api/v1/payment_intents?page_size=1")
        XCTAssertEqual((after["total"] as? Int).map { $0 - 1 }, before["total"] as? Int)
        try await writer.read { db in XCTAssertEqual(try Self.counts(db), try Self.countedDirectly(db)) }
        await sandbox.stop()
    }
}
