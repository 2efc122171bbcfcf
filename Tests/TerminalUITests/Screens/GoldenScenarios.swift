import ConsoleCore
@testable import TerminalUI

/// The one list of golden screens: each is rendered headless and compared with
/// `__Snapshots__/<name>.txt`. Add a screen here, then record it with
/// `USEEPAY_RECORD=1 swift test --filter Golden` and review the new file in the diff.
enum GoldenScenarios {
    struct Scenario: Sendable {
        let name: String
        let size: TerminalSize
        let state: @Sendable () -> ConsoleState
    }

    static let all: [Scenario] = [
        Scenario(name: "payments-80x24", size: ScreenScenarios.small) { ScreenScenarios.paymentsToday(ScreenScenarios.small) },
        Scenario(name: "payments-120x40", size: ScreenScenarios.large) { ScreenScenarios.paymentsToday(ScreenScenarios.large) },
        Scenario(name: "capture-sandbox-80x24", size: ScreenScenarios.small) { ScreenScenarios.captureDialog(mode: .sandbox) },
        Scenario(name: "capture-live-80x24", size: ScreenScenarios.small) { ScreenScenarios.captureDialog(mode: .live) },
        Scenario(name: "capturing-80x24", size: ScreenScenarios.small) { ScreenScenarios.capturing() },
        Scenario(name: "detail-80x24", size: ScreenScenarios.small) { ScreenScenarios.paymentDetail() },
        Scenario(name: "detail-120x40", size: ScreenScenarios.large) { ScreenScenarios.paymentDetail(size: ScreenScenarios.large) },
        Scenario(name: "detail-dashboard-80x24", size: ScreenScenarios.small) {
            ScreenScenarios.paymentDetail(dashboard: ScreenScenarios.sandboxDashboard)
        },
        Scenario(name: "detail-home-link-80x24", size: ScreenScenarios.small) {
            ScreenScenarios.paymentDetail(dashboard: DashboardLinks(.home("https://mc.useepay.com")))
        },
        Scenario(name: "help-readonly-80x24", size: ScreenScenarios.small) { ScreenScenarios.helpReadOnly() },
        Scenario(name: "failed-page-80x24", size: ScreenScenarios.small) { ScreenScenarios.failedNextPage() },
        Scenario(name: "apilog-80x24", size: ScreenScenarios.small) { ScreenScenarios.apiLog() },
        Scenario(name: "bulk-80x24", size: ScreenScenarios.small) { ScreenScenarios.bulkCapture() },
        Scenario(name: "toosmall-10x3", size: TerminalSize(columns: 10, rows: 3)) {
            ScreenScenarios.paymentsToday(TerminalSize(columns: 10, rows: 3))
        },
    ]
}
