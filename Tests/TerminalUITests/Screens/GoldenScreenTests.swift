import Foundation
import XCTest
import ConsoleCore
@testable import TerminalUI

/// Whole screens, line by line, against the text files in `__Snapshots__` (one per entry of
/// `GoldenScenarios.all`). To accept a deliberate change: `USEEPAY_RECORD=1 swift test --filter Golden`
/// rewrites the files; review them in `git diff` like any other change.
final class GoldenScreenTests: XCTestCase {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    static var recording: Bool { ProcessInfo.processInfo.environment["USEEPAY_RECORD"] == "1" }

    static func file(for name: String) -> URL { snapshots.appendingPathComponent(name + ".txt") }

    static func text(_ scenario: GoldenScenarios.Scenario) -> String {
        render(scenario.state(), size: scenario.size).lines().joined(separator: "\n") + "\n"
    }

    func testEveryScreenMatchesItsSnapshot() throws {
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
        }
        for scenario in GoldenScenarios.all {
            let actual = Self.text(scenario)
            let file = Self.file(for: scenario.name)
            if Self.recording {
                try actual.write(to: file, atomically: true, encoding: .utf8)
                print("recorded \(file.path)")
                continue
            }
            guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
                XCTFail("\(scenario.name): no snapshot at \(file.path); record it with USEEPAY_RECORD=1 swift test --filter Golden")
                continue
            }
            if actual != expected { XCTFail(Self.difference(scenario.name, actual: actual, expected: expected)) }
        }
    }

    /// A snapshot without a scenario is a screen nobody checks any more.
    func testEverySnapshotHasAScenario() throws {
        let names = Set(GoldenScenarios.all.map(\.name))
        XCTAssertEqual(names.count, GoldenScenarios.all.count, "two scenarios share a name")
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.snapshots.path).filter { $0.hasSuffix(".txt") }
        for file in files {
            XCTAssertTrue(names.contains(String(file.dropLast(4))), "__Snapshots__/\(file) has no entry in GoldenScenarios.all")
        }
    }

    func testACorruptedSnapshotFails() {
        let scenario = GoldenScenarios.all[0]
        let actual = Self.text(scenario)
        var lines = actual.components(separatedBy: "\n")
        lines[1] = String(lines[1].dropLast()) + "#"
        let message = Self.difference(scenario.name, actual: actual, expected: lines.joined(separator: "\n"))
        XCTAssertTrue(message.contains("row 1:"), message)
    }

    static func difference(_ name: String, actual: String, expected: String) -> String {
        let got = actual.components(separatedBy: "\n")
        let want = expected.components(separatedBy: "\n")
        var report = "\(name) differs from __Snapshots__/\(name).txt (record with USEEPAY_RECORD=1 swift test --filter Golden):"
        if got.count != want.count { report += "\n \(got.count - 1) rows, snapshot has \(want.count - 1)" }
        for index in 0..<max(got.count, want.count) {
            let a = index < got.count ? got[index] : "<none>"
            let b = index < want.count ? want[index] : "<none>"
            if a != b { report += "\n row \(index):\n  got  |\(a)|\n  want |\(b)|" }
        }
        return report
    }

    func testPaymentDetailSaysAHomeOnlyLinkDoesNotOpenThePayment() {
        let lines = render(ScreenScenarios.paymentDetail(dashboard: DashboardLinks(.home("https://mc.useepay.com"))), size: ScreenScenarios.small).lines()
        XCTAssertEqual(lines[20], " Dashboard  https://mc.useepay.com  (home only: search the id there; L copies)  ")
    }

    func testSelectionAndStatusRolesOnThePaymentsScreen() {
        let grid = render(ScreenScenarios.paymentsToday(ScreenScenarios.small), size: ScreenScenarios.small)
        XCTAssertEqual(Set(grid.roles(row: 3)), [.selection], "cursor row")
        XCTAssertEqual(grid[x: 25, y: 5].role, .statusFailed)
        XCTAssertEqual(grid[x: 25, y: 4].role, .statusSucceeded)
        XCTAssertEqual(grid[x: 70, y: 0].role, .modeSandbox)
    }
}
