import XCTest
import ConsoleCore
@testable import TerminalUI

/// Whole screens, line by line (like ratatui's assert_buffer_lines). Regenerate with
/// SCREEN_DUMP_DIR=/tmp/screens swift test --filter PrintScreens, then review the diff by eye.
final class GoldenScreenTests: XCTestCase {
    private func assertScreen(_ state: ConsoleState, _ size: TerminalSize, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        let lines = render(state, size: size).lines()
        XCTAssertEqual(lines.count, expected.count, file: file, line: line)
        for (index, (actual, wanted)) in zip(lines, expected).enumerated() where actual != wanted {
            XCTFail("row \(index):\n got  |\(actual)|\n want |\(wanted)|", file: file, line: line)
        }
    }

    func testPaymentsTodayAt80x24() {
        assertScreen(ScreenScenarios.paymentsToday(ScreenScenarios.small), ScreenScenarios.small, [
            "useepay  Payments · today                                          SANDBOX demo ",
            "5 pmts · ok 15,000 KRW, 1,234.50 USD · capture 1: 120.00 USD · fail 1 · ref 0   ",
            "  Time            Amount Status           Customer       Order       ID         ",
            "  14:58       120.00 USD awaiting capture Kim Minji      ORD-10023   pi_…UTH001 ",
            "  13:12       15,000 KRW succeeded        김민지         ORD-10022   pi_…RW0002 ",
            "  11:40        3,200 JPY failed           山田太郎       ORD-10021   pi_…PY0003 ",
            "  09:05     1,234.50 USD succeeded        �Eve�lapyap�   ORD-�RED    pi_…OST004 ",
            "  08:00       12.345 BHD needs payment    someone.with.… —           pi_…HD0005 ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "row 1 of 5 · all loaded                                                         ",
            "                                                                                ",
            "enter open  / filter  : cmd  ? help  A capture  X cancel  q quit                ",
        ])
    }

    func testPaymentsTodayAt120x40ShowsMethodColumn() {
        assertScreen(ScreenScenarios.paymentsToday(ScreenScenarios.large), ScreenScenarios.large, [
            "useepay  Payments · today                                                                                  SANDBOX demo ",
            "5 payments · succeeded 15,000 KRW, 1,234.50 USD · awaiting capture 1 (120.00 USD) · failed 1 · refunded 0               ",
            "  Time                  Amount Status           Customer                    Order             Method       ID           ",
            "  14:58             120.00 USD awaiting capture Kim Minji                   ORD-10023         visa 4242    pi_…UTH001   ",
            "  13:12             15,000 KRW succeeded        김민지                      ORD-10022         visa 4242    pi_…RW0002   ",
            "  11:40              3,200 JPY failed           山田太郎                    ORD-10021         visa 4242    pi_…PY0003   ",
            "  09:05           1,234.50 USD succeeded        �Eve�lapyap�                ORD-�RED          visa 4242    pi_…OST004   ",
            "  08:00             12.345 BHD needs payment    someone.with.a.very.long.a… —                 visa 4242    pi_…HD0005   ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "row 1 of 5 · all loaded                                                                                                 ",
            "                                                                                                                        ",
            "enter open  / filter  : cmd  ? help  A capture  X cancel  q quit                                                        ",
        ])
    }

    func testSandboxCaptureConfirmation() {
        assertScreen(ScreenScenarios.captureDialog(mode: .sandbox), ScreenScenarios.small, [
            "useepay  Payments · today                                          SANDBOX demo ",
            "5 pmts · ok 15,000 KRW, 1,234.50 USD · capture 1: 120.00 USD · fail 1 · ref 0   ",
            "  Time            Amount Status           Customer       Order       ID         ",
            "  14:58       120.00 USD awaiting capture Kim Minji      ORD-10023   pi_…UTH001 ",
            "  13:12       15,000 KRW succeeded        김민지         ORD-10022   pi_…RW0002 ",
            "  11:40        3,200 JPY failed           山田太郎       ORD-10021   pi_…PY0003 ",
            "  ┌ Capture — SANDBOX ───────────────────────────────────────────────────────┐4 ",
            "  │   Payment         pi_01JD8ZQ4K2AUTH001                                   │5 ",
            "  │   Customer        Kim Minji                                              │  ",
            "  │   Amount          120.00 USD  (requires_capture)                         │  ",
            "  │   Mode            SANDBOX                                                │  ",
            "  │                                                                          │  ",
            "  │   Capture amount  [120.00] USD (at most 120.00 USD)                      │  ",
            "  │                                                                          │  ",
            "  │ [ Cancel ]      Capture 120.00 USD                                       │  ",
            "  │ tab moves · enter presses the [ ] button · esc cancels                   │  ",
            "  └──────────────────────────────────────────────────────────────────────────┘  ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "row 1 of 5 · all loaded                                                         ",
            "                                                                                ",
            "enter open  / filter  : cmd  ? help  A capture  X cancel  q quit                ",
        ])
    }

    func testLiveCaptureConfirmationAsksForTypedAmount() {
        assertScreen(ScreenScenarios.captureDialog(mode: .live), ScreenScenarios.small, [
            "useepay  Payments · today                                             LIVE demo ",
            "5 pmts · ok 15,000 KRW, 1,234.50 USD · capture 1: 120.00 USD · fail 1 · ref 0   ",
            "  Time            Amount Status           Customer       Order       ID         ",
            "  14:58       120.00 USD awaiting capture Kim Minji      ORD-10023   pi_…UTH001 ",
            "  13:12       15,000 KRW succeeded        김민지         ORD-10022   pi_…RW0002 ",
            "  11:40        3,200 JPY failed           山田太郎       ORD-10021   pi_…PY0003 ",
            "  ┌ Capture — LIVE ──────────────────────────────────────────────────────────┐4 ",
            "  │   Payment         pi_01JD8ZQ4K2AUTH001                                   │5 ",
            "  │   Customer        Kim Minji                                              │  ",
            "  │   Amount          120.00 USD  (requires_capture)                         │  ",
            "  │   Mode            LIVE                                                   │  ",
            "  │                                                                          │  ",
            "  │   Capture amount  [120.00] USD (at most 120.00 USD)                      │  ",
            "  │   Confirm         []  LIVE: type 120.00 or yes                           │  ",
            "  │                                                                          │  ",
            "  │ [ Cancel ]      Capture 120.00 USD                                       │  ",
            "  │ tab moves · enter presses the [ ] button · esc cancels                   │  ",
            "  └──────────────────────────────────────────────────────────────────────────┘  ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "row 1 of 5 · all loaded                                                         ",
            "                                                                                ",
            "enter open  / filter  : cmd  ? help  A capture  X cancel  q quit                ",
        ])
    }

    func testRowShowsCaptureInFlight() {
        assertScreen(ScreenScenarios.capturing(), ScreenScenarios.small, [
            "useepay  Payments · today                                          SANDBOX demo ",
            "5 pmts · ok 15,000 KRW, 1,234.50 USD · capture 1: 120.00 USD · fail 1 · ref 0   ",
            "  Time            Amount Status           Customer       Order       ID         ",
            "  14:58       120.00 USD capturing…       Kim Minji      ORD-10023   pi_…UTH001 ",
            "  13:12       15,000 KRW succeeded        김민지         ORD-10022   pi_…RW0002 ",
            "  11:40        3,200 JPY failed           山田太郎       ORD-10021   pi_…PY0003 ",
            "  09:05     1,234.50 USD succeeded        �Eve�lapyap�   ORD-�RED    pi_…OST004 ",
            "  08:00       12.345 BHD needs payment    someone.with.… —           pi_…HD0005 ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "row 1 of 5 · all loaded                                                         ",
            "Capturing pi_01JD8ZQ4K2AUTH001…                                                 ",
            "enter open  / filter  : cmd  ? help  A capture  X cancel  q quit                ",
        ])
    }

    func testPaymentDetailWithRelatedObjects() {
        assertScreen(ScreenScenarios.paymentDetail(), ScreenScenarios.small, [
            "useepay  Payment pi_01JD8ZQ4K2KRW0002                              SANDBOX demo ",
            "Payments > pi_01JD8ZQ4K2KRW0002                                                 ",
            " Payment                                                                        ",
            " ID              pi_01JD8ZQ4K2KRW0002                                           ",
            " Status          succeeded                                                      ",
            " Amount          15,000 KRW                                                     ",
            " Captured        15,000 KRW                                                     ",
            " Refundable      10,000 KRW                                                     ",
            " Created         2026-11-21 13:12:00 GMT                                        ",
            " Order           ORD-10022                                                      ",
            " Customer                                                                       ",
            " Customer ID     cus_kor02                                                      ",
            " Name            김민지                                                         ",
            " Payment method                                                                 ",
            " Type            kakao_pay                                                      ",
            " Card            visa 4242                                                      ",
            "                                                                                ",
            " Customer (1)                                                                   ",
            "   cus_kor02  김민지  minji.kim@example.kr                                      ",
            " Refunds (1)                                                                    ",
            "   re_01JD90REFUND0001  5,000 KRW  succeeded  requested_by_customer             ",
            "possible: R refund                                                              ",
            "                                                                                ",
            "enter open  esc back  : cmd  ? help  R refund  v raw  q quit                    ",
        ])
    }

    func testPaymentDetailShowsItsDashboardLinkWhole() {
        // The sandbox's page for the object; at 80 columns the URL gets the line to itself rather than being cut.
        assertScreen(ScreenScenarios.paymentDetail(dashboard: ScreenScenarios.sandboxDashboard), ScreenScenarios.small, [
            "useepay  Payment pi_01JD8ZQ4K2KRW0002                              SANDBOX demo ",
            "Payments > pi_01JD8ZQ4K2KRW0002                                                 ",
            " Payment                                                                        ",
            " ID              pi_01JD8ZQ4K2KRW0002                                           ",
            " Status          succeeded                                                      ",
            " Amount          15,000 KRW                                                     ",
            " Captured        15,000 KRW                                                     ",
            " Refundable      10,000 KRW                                                     ",
            " Created         2026-11-21 13:12:00 GMT                                        ",
            " Order           ORD-10022                                                      ",
            " Customer                                                                       ",
            " Customer ID     cus_kor02                                                      ",
            " Name            김민지                                                         ",
            " Payment method                                                                 ",
            " … 2 more lines (v shows raw JSON)                                              ",
            "                                                                                ",
            " Customer (1)                                                                   ",
            "   cus_kor02  김민지  minji.kim@example.kr                                      ",
            " Refunds (1)                                                                    ",
            "   re_01JD90REFUND0001  5,000 KRW  succeeded  requested_by_customer             ",
            " http://127.0.0.1:8787/__sandbox/dashboard/payment_intents/pi_01JD8ZQ4K2KRW0002 ",
            "possible: R refund                                                              ",
            "                                                                                ",
            "enter open  esc back  : cmd  ? help  R refund  v raw  q quit                    ",
        ])
    }

    func testPaymentDetailSaysAHomeOnlyLinkDoesNotOpenThePayment() {
        let lines = render(ScreenScenarios.paymentDetail(dashboard: DashboardLinks(.home("https://mc.useepay.com"))), size: ScreenScenarios.small).lines()
        XCTAssertEqual(lines[20], " Dashboard  https://mc.useepay.com  (home only: search the id there; L copies)  ")
    }

    func testPaymentDetailAt120x40() {
        assertScreen(ScreenScenarios.paymentDetail(size: ScreenScenarios.large), ScreenScenarios.large, [
            "useepay  Payment pi_01JD8ZQ4K2KRW0002                                                                      SANDBOX demo ",
            "Payments > pi_01JD8ZQ4K2KRW0002                                                                                         ",
            " Payment                                                                                                                ",
            " ID              pi_01JD8ZQ4K2KRW0002                                                                                   ",
            " Status          succeeded                                                                                              ",
            " Amount          15,000 KRW                                                                                             ",
            " Captured        15,000 KRW                                                                                             ",
            " Refundable      10,000 KRW                                                                                             ",
            " Created         2026-11-21 13:12:00 GMT                                                                                ",
            " Order           ORD-10022                                                                                              ",
            " Customer                                                                                                               ",
            " Customer ID     cus_kor02                                                                                              ",
            " Name            김민지                                                                                                 ",
            " Payment method                                                                                                         ",
            " Type            kakao_pay                                                                                              ",
            " Card            visa 4242                                                                                              ",
            "                                                                                                                        ",
            " Customer (1)                                                                                                           ",
            "   cus_kor02  김민지  minji.kim@example.kr                                                                              ",
            " Refunds (1)                                                                                                            ",
            "   re_01JD90REFUND0001  5,000 KRW  succeeded  requested_by_customer                                                     ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "possible: R refund                                                                                                      ",
            "                                                                                                                        ",
            "enter open  esc back  : cmd  ? help  R refund  v raw  q quit                                                            ",
        ])
    }

    func testBulkCaptureNamesMarkedRowsAndHiddenOnes() {
        assertScreen(ScreenScenarios.bulkCapture(), ScreenScenarios.small, [
            "useepay  Payments · today                                          SANDBOX demo ",
            "6 pmts · ok 15,000 KRW, 1,234.50 USD · capture 2: 30,000 KRW, 120.00 USD · fail…",
            "  Time            Amount Status           Customer       Order       ID         ",
            "* 14:58       120.00 USD awaiting capture Kim Minji      ORD-10023   pi_…UTH001 ",
            "                                                                                ",
            "                                                                                ",
            "  ┌ Capture 2 payments — SANDBOX ────────────────────────────────────────────┐  ",
            "  │ 2 payments will be captured in full:                                     │  ",
            "  │   pi_01JD8ZQ4K2AUTH001  120.00 USD  Kim Minji                            │  ",
            "  │   pi_01JD8ZQ4K2AUTH006  30,000 KRW  이서준                               │  ",
            "  │   Total           30,000 KRW + 120.00 USD                                │  ",
            "  │ 2 marked (1 hidden by the filter)                                        │  ",
            "  │   Mode            SANDBOX                                                │  ",
            "  │                                                                          │  ",
            "  │                                                                          │  ",
            "  │ [ Cancel ]      Capture 2                                                │  ",
            "  │ tab moves · enter presses the [ ] button · esc cancels                   │  ",
            "  └──────────────────────────────────────────────────────────────────────────┘  ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "row 1 of 6 · all loaded · 1 shown (5 f… /10023 · 2 marked (1 hidden by the filt…",
            "Filter \"10023\": 1 shown                                                         ",
            "enter open  / filter  : cmd  ? help  A capture  X cancel  q quit                ",
        ])
    }

    func testFailedPageShowsErrorInPlaceAndKeepsRows() {
        assertScreen(ScreenScenarios.failedNextPage(), ScreenScenarios.small, [
            "useepay  Payments · today                                          SANDBOX demo ",
            "5 pmts · ok 15,000 KRW, 1,234.50 USD · capture 1: 120.00 USD · fail 1 · ref 0   ",
            "  Time            Amount Status           Customer       Order       ID         ",
            "  14:58       120.00 USD awaiting capture Kim Minji      ORD-10023   pi_…UTH001 ",
            "  13:12       15,000 KRW succeeded        김민지         ORD-10022   pi_…RW0002 ",
            "  11:40        3,200 JPY failed           山田太郎       ORD-10021   pi_…PY0003 ",
            "  09:05     1,234.50 USD succeeded        �Eve�lapyap�   ORD-�RED    pi_…OST004 ",
            "  08:00       12.345 BHD needs payment    someone.with.… —           pi_…HD0005 ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "! page 2 failed: HTTP 502 from openapi (HTML page, not JSON) — try again shortl…",
            "                                                                                ",
            "enter open  / filter  : cmd  ? help  A capture  X cancel  q quit                ",
        ])
    }

    func testAPILogHighlightsErrors() {
        assertScreen(ScreenScenarios.apiLog(), ScreenScenarios.small, [
            "useepay  API log                                                   SANDBOX demo ",
            "3 requests this session · 2 with errors · newest last                           ",
            "Time     Method Path                         Status  Latency Error              ",
            "15:29:00 GET    /api/v1/payment_intents?pag…    200    84 ms                    ",
            "15:29:05 POST   /api/v1/payment_intents/pi_…    400    41 ms invalid_status     ",
            "15:29:09 POST   /api/v1/refunds/create            — 30000 ms timeout (outcome u…",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "enter open  : cmd  ? help  q quit                                               ",
        ])
    }

    func testReadOnlyHelp() {
        assertScreen(ScreenScenarios.helpReadOnly(), ScreenScenarios.small, [
            "useepay  Payments · today                               SANDBOX  read-only demo ",
            "5 ┌ Help — Payments (any key closes) ────────────────────────────────────────┐  ",
            "  │ Move                                o         sort by next column        │  ",
            "  │ j/down    down                      O         reverse sort               │1 ",
            "  │ k/up      up                        t         today / yesterday / last…  │2 ",
            "  │ pgdn      page down                 0         all statuses               │3 ",
            "  │ pgup      page up                   1         only requires_capture      │4 ",
            "  │ g/home    first row                 2         only succeeded             │5 ",
            "  │ G/end     last loaded row           3         only failed                │  ",
            "  │ enter     open / drill down         4         only canceled              │  ",
            "  │ esc       back                      5         only pending               │  ",
            "  │ q         quit                      ctrl-r    reload / retry             │  ",
            "  │ :         command (:pi :cus :sub :… p         pause live refresh         │  ",
            "  │ ?         help                      c         copy id                    │  ",
            "  │                                     L         copy dashboard link        │  ",
            "  │ Lists                                                                    │  ",
            "  │ /         filter loaded rows        Money (asks to confirm)              │  ",
            "  │ space     mark row                  off: read-only mode                  │  ",
            "  │ u         clear marks                                                    │  ",
            "  │                                                                          │  ",
            "  │ :pi [status…] [today|yesterday|7d|since DATE]  :cus  :sub  :re  :log  :… │  ",
            "ro└──────────────────────────────────────────────────────────────────────────┘  ",
            "                                                                                ",
            "enter open  / filter  : cmd  ? help  q quit                                     ",
        ])
    }

    func testSelectionAndStatusRolesOnThePaymentsScreen() {
        let grid = render(ScreenScenarios.paymentsToday(ScreenScenarios.small), size: ScreenScenarios.small)
        XCTAssertEqual(Set(grid.roles(row: 3)), [.selection], "cursor row")
        XCTAssertEqual(grid[x: 25, y: 5].role, .statusFailed)
        XCTAssertEqual(grid[x: 25, y: 4].role, .statusSucceeded)
        XCTAssertEqual(grid[x: 70, y: 0].role, .modeSandbox)
    }
}
