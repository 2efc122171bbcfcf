import XCTest
import Foundation
import UseePay
@testable import UseePaySandbox
import TestSupport
@testable import ConsoleCore

/// `:export` against a live sandbox over loopback HTTP: a day of 20,000 payments is written whole (every
/// page of the query, not the rows the list holds), each row once, while the exporter holds at most a page.
/// (Seeding and paging 20,000 rows takes about a minute on a loaded machine; the other tests are small.)
final class ExportSandboxTests: XCTestCase {
    func testExportOfADayOfTwentyThousandWritesEveryRowOnceHoldingOnePage() async throws {
        let server = try await TestSandbox.start { options in
            options.seed = 20_000
            options.seedDays = 0
        }
        let relay = APIRequestRelay()
        let client = try TestSandbox.client(for: server, requestObserver: relay.observer)
        let directory = NSTemporaryDirectory() + "useepay-export-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        addTeardownBlock {
            try? await client.shutdown()
            await server.stop()
            try? FileManager.default.removeItem(atPath: directory)
        }

        // Through the console: `:export csv` on today's payments, progress shown, the file named after the day.
        let events = ConsoleEventRelay()
        let progress = ProgressLog()
        let state = ConsoleState(mode: .sandbox, profileName: "sandbox", merchantTimeZone: TimeZone(identifier: "UTC")!,
                                 size: TerminalSize(columns: 120, rows: 40), sessionTag: "export")
        let runner = EffectRunner(client: client, journal: InMemoryActionJournal(), events: events, exportDirectory: directory)
        let store = ConsoleStore(state: state, runner: runner, relay: relay)
        events.attach(store)
        addTeardownBlock { await store.stop() }
        await store.connect(onState: { state in if let flash = state.flash { progress.add(flash.text) } }, onTerminalEffect: { _ in })
        await store.start()
        await store.waitUntilIdle()
        let heldBefore = await store.state.payments.count
        XCTAssertLessThan(heldBefore, 20_000, "the list holds a window, so an export of the held rows would be short")

        await palette(store, "export csv")
        let day = CalendarDay(date: Date(), timeZone: TimeZone(identifier: "UTC")!)
        let path = directory + "/payments-\(day).csv"
        let after = await store.state
        XCTAssertEqual(after.flash, Flash("Wrote 20,000 payments to \(path)", .success))
        XCTAssertNil(after.export)
        XCTAssertTrue(progress.lines.contains("exported 12,300 rows…"), "progress lines: \(progress.lines.suffix(3))")

        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: true)
        XCTAssertEqual(lines.first, "created_at,id,status,amount,currency,captured_amount,customer_id,customer_email,merchant_order_id,description")
        let ids = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[1] }
        XCTAssertEqual(ids.count, 20_000)
        XCTAssertEqual(Set(ids).count, 20_000, "every payment once")

        // Constant memory: the exporter never held more than one page of rows read but not yet written.
        let report = try XCTUnwrap(after.lastExport)
        XCTAssertEqual(report.rows, 20_000)
        XCTAssertEqual(report.pages, 200)
        XCTAssertLessThanOrEqual(report.peakRowsHeld, ListExporter.pageSize)
    }

    /// Never overwriting: the suggested name is numbered beside an existing file; a given path that exists is refused.
    func testExportNeverOverwrites() async throws {
        let server = try await TestSandbox.start { options in
            options.seed = 30
            options.seedDays = 0
        }
        let client = try TestSandbox.client(for: server)
        let directory = NSTemporaryDirectory() + "useepay-export-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        addTeardownBlock {
            try? await client.shutdown()
            await server.stop()
            try? FileManager.default.removeItem(atPath: directory)
        }
        let state = ConsoleState(mode: .sandbox, profileName: "sandbox", merchantTimeZone: TimeZone(identifier: "UTC")!,
                                 size: TerminalSize(columns: 120, rows: 40), sessionTag: "export")
        let store = ConsoleStore(state: state, runner: EffectRunner(client: client, journal: InMemoryActionJournal(), exportDirectory: directory))
        addTeardownBlock { await store.stop() }
        await store.start()
        await store.waitUntilIdle()
        let day = CalendarDay(date: Date(), timeZone: TimeZone(identifier: "UTC")!)

        await palette(store, "export csv")
        let shown2 = await flash(store)
        XCTAssertEqual(shown2, Flash("Wrote 30 payments to \(directory)/payments-\(day).csv", .success))
        let first = try String(contentsOfFile: "\(directory)/payments-\(day).csv", encoding: .utf8)
        await palette(store, "export csv")
        let shown3 = await flash(store)
        XCTAssertEqual(shown3,
                       Flash("Wrote 30 payments to \(directory)/payments-\(day)-2.csv (payments-\(day).csv exists, not overwritten)", .success))
        XCTAssertEqual(try String(contentsOfFile: "\(directory)/payments-\(day).csv", encoding: .utf8), first)

        await palette(store, "export jsonl payments-\(day).csv")
        let shown4 = await flash(store)
        XCTAssertEqual(shown4,
                       Flash("Export failed: \(directory)/payments-\(day).csv exists; not overwritten (give another path, or remove it first)", .error))
        XCTAssertEqual(try String(contentsOfFile: "\(directory)/payments-\(day).csv", encoding: .utf8), first)

        // The same list as JSON lines, to a path given: every payment once, as the API sent it.
        await palette(store, "export jsonl all.jsonl")
        let shown1 = await flash(store)
        XCTAssertEqual(shown1, Flash("Wrote 30 payments to \(directory)/all.jsonl", .success))
        let jsonLines = try String(contentsOfFile: directory + "/all.jsonl", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(jsonLines.count, 30)
        XCTAssertEqual(Set(jsonLines.map { try? JSONValue.parse(String($0))["id"]?.stringValue }).count, 30)
        let jsonReport = await store.state.lastExport
        XCTAssertLessThanOrEqual(try XCTUnwrap(jsonReport).peakRowsHeld, ListExporter.pageSize)

        await palette(store, "export xlsx")
        let shown5 = await flash(store)
        XCTAssertEqual(shown5, Flash("Use :export csv [PATH] or :export jsonl [PATH]", .error))
    }
}

extension ExportSandboxTests {
    /// An export cut short keeps the rows it wrote under PATH.partial and never leaves a file at PATH that
    /// looks complete; only a finished export takes the name. (A console quit or killed mid-way leaves the
    /// same `.partial` file, since the name is given only after the last page.)
    func testAnExportCutShortIsKeptAsPartialNeverUnderTheFinalName() async throws {
        let server = try await TestSandbox.start { options in
            options.seed = 250
            options.seedDays = 0
        }
        let client = try TestSandbox.client(for: server)
        let directory = NSTemporaryDirectory() + "useepay-export-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        addTeardownBlock {
            try? await client.shutdown()
            await server.stop()
            try? FileManager.default.removeItem(atPath: directory)
        }
        let window = ListWindow(pageNum: 0, pageSize: 100)
        let request = ExportRequest(kind: .payments, query: .payments(PaymentIntentListQuery(window: window)), format: .csv,
                                    path: "cut.csv", suggestedName: "payments", timeZone: TimeZone(identifier: "UTC")!)
        let exporter = ListExporter(client: client, directory: directory)
        // After the first page is written, every answer becomes nginx's 502 page: the second page never comes.
        let engine = server.engine
        do {
            _ = try await exporter.export(request) { written in
                if written == 100 { engine.faults.current.rate502HTML = 1 }
            }
            XCTFail("the export should have stopped at the second page")
        } catch {
            XCTAssertEqual(error.rowsWritten, 100)
            XCTAssertEqual(error.path, directory + "/cut.csv.partial")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/cut.csv"), "nothing under the final name")
        let kept = try String(contentsOfFile: directory + "/cut.csv.partial", encoding: .utf8)
        XCTAssertEqual(kept.split(separator: "\r\n").count, 101, "the header and the first page's 100 rows are kept")

        // Finished: the name is given, and no .partial is left behind.
        engine.faults.current = FaultOptions()
        var finished = request
        finished.path = "whole.csv"
        let report = try await exporter.export(finished) { _ in }
        XCTAssertEqual(report.rows, 250)
        XCTAssertEqual(report.path, directory + "/whole.csv")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/whole.csv.partial"))
    }
}

private func palette(_ store: ConsoleStore, _ line: String) async {
    for c in ":" + line { store.enqueue(.key(.char(c))) }
    store.enqueue(.key(KeyPress(.enter)))
    await store.waitUntilIdle()
}

private func flash(_ store: ConsoleStore) async -> Flash? { await store.state.flash }

final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func add(_ line: String) { lock.withLock { if stored.last != line { stored.append(line) } } }
    var lines: [String] { lock.withLock { stored } }
}
