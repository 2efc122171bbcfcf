import ConsoleCore
import Foundation
import Testing
@testable import useepay

@Suite struct JournalAndKeymapTests {
    @Test func fileJournalAppendsJSONLinesAndReportsUnfinishedRequestsAfterATornLine() async throws {
        let path = NSTemporaryDirectory() + "journal-\(UUID().uuidString)/journal.jsonl"
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let journal = FileActionJournal(path: path, profile: "shop-a")
        let done = ActionRequest(consoleRequestId: "r1", action: .capture, objectId: "pi_1", amount: Decimal(string: "12.50"), currency: "USD")
        let open = ActionRequest(consoleRequestId: "r2", action: .refund, objectId: "pi_2", amount: 3, currency: "KRW")
        try await journal.append(JournalEntry(request: done, phase: .sending, recordedAt: Date(), mode: .sandbox))
        try await journal.append(JournalEntry(request: done, phase: .succeeded, recordedAt: Date(), mode: .sandbox))
        try await journal.append(JournalEntry(request: open, phase: .sending, recordedAt: Date(), mode: .live))
        // A crash in the middle of a write leaves half a line; it must not hide the rest.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"phase\":\"succ".utf8))
        try handle.close()

        let reopened = FileActionJournal(path: path, profile: "shop-a")
        let unfinished = try await reopened.unfinishedEntries()
        #expect(unfinished.map(\.request.consoleRequestId) == ["r2"])
        #expect(unfinished.first?.request.amount == 3)
        #expect(unfinished.first?.mode == .live)
        let lines = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 4)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func eachProfileSettlesOnlyItsOwnUnfinishedEntriesAndOldUnstampedLines() async throws {
        let path = NSTemporaryDirectory() + "journal-\(UUID().uuidString)/journal.jsonl"
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let shopA = FileActionJournal(path: path, profile: "shop-a")
        let shopB = FileActionJournal(path: path, profile: "shop-b")
        let forA = ActionRequest(consoleRequestId: "a1", action: .capture, objectId: "pi_a", amount: 5, currency: "USD")
        let forB = ActionRequest(consoleRequestId: "b1", action: .refund, objectId: "pi_b", amount: 7, currency: "EUR")
        try await shopA.append(JournalEntry(request: forA, phase: .sending, recordedAt: Date(), mode: .sandbox))
        try await shopB.append(JournalEntry(request: forB, phase: .sending, recordedAt: Date(), mode: .sandbox))
        // A line from before profiles were recorded: whichever profile opens first settles it.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"mode":"sandbox","phase":"sending","recordedAt":"2026-11-30T10:00:00Z","request":{"action":"cancelPayment","atPeriodEnd":false,"consoleRequestId":"old1","objectId":"pi_old"}}"#.utf8 + [0x0A]))
        try handle.close()

        #expect(try await shopA.unfinishedEntries().map(\.request.consoleRequestId) == ["a1", "old1"])
        #expect(try await shopB.unfinishedEntries().map(\.request.consoleRequestId) == ["b1", "old1"])
        let stamped = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
        #expect(stamped.contains(#""profile":"shop-a""#) && stamped.contains(#""profile":"shop-b""#))
    }

    @Test func keyOverridesRemapUnbindAndAreValidated() throws {
        let source = SettingSource.profile(name: "ops", path: "/c.toml")
        let keymap = try KeymapBuilder.build(Sourced(["capture": ["W"], "refund": []], source))
        #expect(keymap.command(for: KeyPress(.character("W")), in: .payments) == .capture)
        #expect(keymap.command(for: KeyPress(.character("A")), in: .payments) == nil)
        #expect(keymap.command(for: KeyPress(.character("R")), in: .payments) == nil)

        #expect(throws: CommandFailure.self) { try KeymapBuilder.build(Sourced(["capture": ["j"]], source)) }
        // Shifted but next to the space bar: the console's validator refuses it.
        #expect(throws: CommandFailure.self) { try KeymapBuilder.build(Sourced(["capture": ["C"]], source)) }
        #expect(throws: CommandFailure.self) { try KeymapBuilder.build(Sourced(["teleport": ["T"]], source)) }
        #expect(throws: CommandFailure.self) { try KeymapBuilder.build(Sourced(["capture": ["not a key"]], source)) }
    }

    @Test func aChosenKeyDisplacesAHarmlessDefaultButNeverAMoneyMove() throws {
        let source = SettingSource.profile(name: "ops", path: "/c.toml")
        // `L` is the default for copying the dashboard link; a profile that already used it keeps working.
        let keymap = try KeymapBuilder.build(Sourced(["reload": ["L"]], source))
        #expect(keymap.command(for: KeyPress(.character("L")), in: .payments) == .reload)
        #expect(keymap.command(for: KeyPress(.character("L")), in: .paymentDetail) == .reload)
        #expect(!keymap.bindings(in: .payments, readOnly: false).contains { $0.command == .copyDashboardLink })
        #expect(keymap.command(for: KeyPress(.character("c")), in: .payments) == .copyID, "other defaults stay")
        // Taking a money move's key is still refused: the merchant must unbind or move it on purpose.
        #expect(throws: CommandFailure.self) { try KeymapBuilder.build(Sourced(["reload": ["A"]], source)) }
    }
}
