import Foundation
import XCTest
@testable import UseePaySandbox

final class PersistenceAndSeedTests: XCTestCase {
    var directory: URL!

    override func setUp() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString)")
    }

    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    func testDataKeyAndClockSurviveARestart() async throws {
        let path = directory.appendingPathComponent("db/sandbox.sqlite").path
        let options = SandboxHarness.options { $0.database = .file(path) }
        var sandbox = try await SandboxHarness(options)
        let id = try await sandbox.intent(in: "requires_capture")
        let key = sandbox.server.publicKeyPEM
        XCTAssertEqual(try String(contentsOfFile: try XCTUnwrap(sandbox.server.publicKeyPath), encoding: .utf8), key)
        try await sandbox.advanceClock(seconds: 60)
        let clock = try await sandbox.admin(.GET, "clock")["offset_milliseconds"] as? Int
        await sandbox.stop()

        sandbox = try await SandboxHarness(options)
        let awaited45 = try await sandbox.get("/api/v1/payment_intents/\(id)").string("status")
        XCTAssertEqual(awaited45, "requires_capture")
        XCTAssertEqual(sandbox.server.publicKeyPEM, key, "the signing key is created once and kept")
        let awaited46 = try await sandbox.admin(.GET, "clock")["offset_milliseconds"] as? Int
        XCTAssertEqual(awaited46, clock)
        let awaited47 = try await sandbox.post("/api/v1/payment_intents/\(id)/capture").string("status")
        XCTAssertEqual(awaited47, "succeeded")
        let journalMode = try await sandbox.server.engine.journalMode()
        XCTAssertEqual(journalMode, "wal")
        await sandbox.stop()
    }

    func testSeedsOnlyAnEmptyDatabaseAndIsDeterministic() async throws {
        let path = directory.appendingPathComponent("seeded.sqlite").path
        let options = SandboxHarness.options { $0.database = .file(path); $0.seed = 300; $0.seedDays = 5 }
        var sandbox = try await SandboxHarness(options)
        XCTAssertNotNil(sandbox.server.seedSummary)
        let firstPage = try await sandbox.get("/api/v1/payment_intents?page_size=100").ids
        _ = try await sandbox.createIntent()
        await sandbox.stop()
        sandbox = try await SandboxHarness(options)
        XCTAssertNil(sandbox.server.seedSummary, "an existing database is never re-seeded")
        let awaited48 = Array(try await sandbox.get("/api/v1/payment_intents?page_size=100").ids.dropFirst())
        XCTAssertEqual(awaited48, Array(firstPage.prefix(99)))
        await sandbox.stop()

        let again = try await SandboxHarness(SandboxHarness.options { $0.seed = 300; $0.seedDays = 5 })
        let third = try await SandboxHarness(SandboxHarness.options { $0.seed = 300; $0.seedDays = 5 })
        func everything(_ sandbox: SandboxHarness) async throws -> Set<String> {
            var texts = Set<String>()
            for page in 0..<3 {
                for item in try await sandbox.get("/api/v1/payment_intents?page_size=100&page_num=\(page)").items {
                    texts.insert("\(item["id"]!) \(item["status"]!) \(item["currency"]!) \(item["description"]!) \(item["customer_id"]!)")
                }
            }
            return texts
        }
        let a = try await everything(again)
        let b = try await everything(third)
        XCTAssertEqual(a.count, 300)
        XCTAssertEqual(a, b, "same seed, same data")
        await again.stop()
        await third.stop()
    }

    func testSeededDataIsVariedAndScoped() async throws {
        let sandbox = try await SandboxHarness(SandboxHarness.options { $0.seed = 1500; $0.seedDays = 10; $0.hostileData = true })
        var statuses: [String: Int] = [:]
        var currencies = Set<String>()
        var texts = ""
        var page = 0
        while true {
            let reply = try await sandbox.get("/api/v1/payment_intents?page_num=\(page)&page_size=100")
            for item in reply.items {
                statuses[item["status"] as? String ?? "", default: 0] += 1
                currencies.insert(item["currency"] as? String ?? "")
                XCTAssertEqual(item["merchant_no"] as? String, sandbox.credentials.merchantNo)
            }
            texts += reply.text
            if reply["has_more"] as? Bool != true { break }
            page += 1
        }
        XCTAssertEqual(statuses.values.reduce(0, +), 1500, "the foreign merchant's seeded intents stay invisible")
        XCTAssertEqual(Set(statuses.keys), Set(SandboxHarness.allIntentStatuses))
        XCTAssertEqual(currencies, ["USD", "EUR", "GBP", "KRW", "JPY"])
        let startOfToday = Calendar.current.startOfDay(for: Date())
        let today = try await sandbox.get("/api/v1/payment_intents?status=requires_capture&page_size=100&from_created_at=\(SandboxTime.iso(milliseconds: Int64(startOfToday.timeIntervalSince1970 * 1000)))")
        XCTAssertGreaterThan(today.items.count, 20, "plenty to capture today")
        let customers = try await sandbox.get("/api/v1/customers?page_size=100").text
        for name in ["김", "佐藤", "王", "Müller"] { XCTAssertTrue(customers.contains(name), name) }
        XCTAssertTrue(texts.contains("\\u001b]52;"), "hostile OSC 52 is present, escaped on the wire")
        let refunds = try await sandbox.get("/api/v1/refunds?page_size=100")
        XCTAssertGreaterThan(refunds.items.count, 10)
        let subscriptions = Set(try await sandbox.get("/api/v1/subscriptions?page_size=100").items.compactMap { $0["status"] as? String })
        XCTAssertTrue(subscriptions.isSuperset(of: ["active", "trialing", "canceled", "past_due", "paused"]), "\(subscriptions)")
        await sandbox.stop()
    }
}
