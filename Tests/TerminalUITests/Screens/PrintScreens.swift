import XCTest
import ConsoleCore
@testable import TerminalUI

/// Writes the scenario screens to $SCREEN_DUMP_DIR when set (to refresh expectations and for the
/// report); does nothing otherwise.
final class PrintScreens: XCTestCase {
    func testDumpScreens() throws {
        guard let dir = ProcessInfo.processInfo.environment["SCREEN_DUMP_DIR"] else { return }
        let scenarios: [(String, ConsoleState, TerminalSize)] = [
            ("payments-80x24", ScreenScenarios.paymentsToday(ScreenScenarios.small), ScreenScenarios.small),
            ("payments-120x40", ScreenScenarios.paymentsToday(ScreenScenarios.large), ScreenScenarios.large),
            ("capture-sandbox-80x24", ScreenScenarios.captureDialog(mode: .sandbox), ScreenScenarios.small),
            ("capture-live-80x24", ScreenScenarios.captureDialog(mode: .live), ScreenScenarios.small),
            ("capturing-80x24", ScreenScenarios.capturing(), ScreenScenarios.small),
            ("detail-80x24", ScreenScenarios.paymentDetail(), ScreenScenarios.small),
            ("detail-120x40", ScreenScenarios.paymentDetail(size: ScreenScenarios.large), ScreenScenarios.large),
            ("detail-dashboard-80x24", ScreenScenarios.paymentDetail(dashboard: ScreenScenarios.sandboxDashboard), ScreenScenarios.small),
            ("detail-home-link-80x24", ScreenScenarios.paymentDetail(dashboard: DashboardLinks(.home("https://mc.useepay.com"))), ScreenScenarios.small),
            ("help-readonly-80x24", ScreenScenarios.helpReadOnly(), ScreenScenarios.small),
            ("failed-page-80x24", ScreenScenarios.failedNextPage(), ScreenScenarios.small),
            ("apilog-80x24", ScreenScenarios.apiLog(), ScreenScenarios.small),
            ("bulk-80x24", ScreenScenarios.bulkCapture(), ScreenScenarios.small),
            ("toosmall-10x3", ScreenScenarios.paymentsToday(TerminalSize(columns: 10, rows: 3)), TerminalSize(columns: 10, rows: 3)),
        ]
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, state, size) in scenarios {
            let text = render(state, size: size).lines().joined(separator: "\n") + "\n"
            try text.write(toFile: dir + "/" + name + ".txt", atomically: true, encoding: .utf8)
        }
    }
}
