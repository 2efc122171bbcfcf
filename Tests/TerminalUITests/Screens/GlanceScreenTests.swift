import XCTest
import ConsoleCore
import UseePay
@testable import TerminalUI

/// The glance screen on a fixed day, whole screens line by line. SCREEN_DUMP_DIR=/tmp/screens writes
/// what is drawn, to refresh expectations (review the diff by eye).
final class GlanceScreenTests: XCTestCase {
    static let small = TerminalSize(columns: 80, rows: 24)
    static let large = TerminalSize(columns: 120, rows: 40)

    private func assertScreen(_ name: String, _ state: ConsoleState, _ size: TerminalSize, _ expected: [String],
                              file: StaticString = #filePath, line: UInt = #line) {
        let lines = render(state, size: size).lines()
        if let dir = ProcessInfo.processInfo.environment["SCREEN_DUMP_DIR"] {
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try? (lines.map { "            \"\($0)\"," }.joined(separator: "\n") + "\n").write(toFile: dir + "/glance-\(name).txt", atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(lines.count, expected.count, file: file, line: line)
        for (index, (actual, wanted)) in zip(lines, expected).enumerated() where actual != wanted {
            XCTFail("row \(index):\n got  |\(actual)|\n want |\(wanted)|", file: file, line: line)
        }
    }

    func testMixedDayAt80x24() {
        assertScreen("mixed-80x24", GlanceScenarios.glance(.mixed, size: Self.small), Self.small, [
            "useepay  Today at a glance · 2026-11-21                            SANDBOX demo ",
            "Payments per hour  █ ok ▒ other ░ yesterday                 today as of 15:30:00",
            "15                             ▒                                                ",
            "                               ▒░ ▒                                             ",
            "                            ▒  ▃░ ▒░                                            ",
            "                            ▒░ █░ ▅░ ▒░    ▒                                    ",
            "                            ▃░ █░ █░ ▃░ ▒░ ▃                                    ",
            "                         ▒░ █░ █░ █░ █░ ▅░ █░ ▒░                                ",
            "                         █░ █░ █░ █░ █░ █░ █░ ▃░  ░                             ",
            "                      ▅░ █░ █░ █░ █░ █░ █░ █░ █░ ▅░  ░  ░                       ",
            "    ▃              █  █░ █░ █░ █░ █░ █░ █░ █░ █░ █░  ░  ░  ░  ░                 ",
            "  0 █░ ▅░       ▅  █░ █░ █░ █░ █░ █░ █░ █░ █░ █░ █░  ░  ░  ░  ░  ░  ░  ░  ░     ",
            "    00       03       06       09       12       15^      18       21           ",
            "Succeeded today: 285,000 KRW · 440.00 USD                                       ",
            "Success rate     15:30:00 To capture       15:30:00 Refunds             15:30:00",
            "today 72.4%         63/87 1 < 1 day              15 in flight                 2 ",
            "yesterday 76%       73/96 2 1-3 days              2   3,000 KRW                 ",
            "Top declines (f: failed)  3 3-6 days              1   5.00 USD                  ",
            "lost_card              13 4 expire in 24 h        2 failed today              1 ",
            "insufficient_funds     11 w all                  20   2.00 USD                  ",
            "                                                    r: refunds list             ",
            "                                                                                ",
            "                                                                                ",
            "enter list  1-4 by age  w waiting  f failed  r refunds  : cmd  ? help  q quit   ",
        ])
    }

    func testMixedDayAt120x40() {
        assertScreen("mixed-120x40", GlanceScenarios.glance(.mixed, size: Self.large), Self.large, [
            "useepay  Today at a glance · 2026-11-21                                                                    SANDBOX demo ",
            "Payments per hour  █ ok ▒ other ░ yesterday             today as of 15:30:00  Succeeded today                           ",
            "15                             ▒                                              63 of 102 payments                        ",
            "                               ▒  ▒                                           285,000 KRW                           (19)",
            "                               ▒░ ▒                                           440.00 USD                            (44)",
            "                            ▒  ▂░ ▒░                                                                                    ",
            "                            ▒  █░ ▃░ ▒                                                                                  ",
            "                            ▒░ █░ █░ ▒░    ▒                                                                            ",
            "                         ▒  ▄░ █░ █░ ▄░ ▒░ ▄░  ░                                                                        ",
            "                         ▒░ █░ █░ █░ █░ ▄░ █░ ▒░                                                                        ",
            "                         ▅░ █░ █░ █░ █░ █░ █░ ▒░  ░                                                                     ",
            "                      ▒  █░ █░ █░ █░ █░ █░ █░ ▅░  ░  ░                                                                  ",
            "                      ▆░ █░ █░ █░ █░ █░ █░ █░ █░ ▆░  ░  ░                                                               ",
            "                   ▆  █░ █░ █░ █░ █░ █░ █░ █░ █░ █░  ░  ░  ░  ░                                                         ",
            "    ▇              █░ █░ █░ █░ █░ █░ █░ █░ █░ █░ █░  ░  ░  ░  ░  ░  ░                                                   ",
            "  0 █░ ▇░       ▇  █░ █░ █░ █░ █░ █░ █░ █░ █░ █░ █░  ░  ░  ░  ░  ░  ░  ░  ░                                             ",
            "    00       03       06       09       12       15^      18       21                                                   ",
            "Success rate                   15:30:00 To capture                     15:30:00 Refunds                         15:30:00",
            "today 72.4%                       63/87 1 < 1 day    15  75,000 KRW, 100.00 USD in flight                             2 ",
            "yesterday 76%                     73/96 2 1-3 days                 2  50.00 USD   3,000 KRW                             ",
            "Top declines (f: failed)                3 3-6 days                 1  25.00 USD   5.00 USD                              ",
            "lost_card                            13 4 expire in 24 h           2  50.00 USD failed today                          1 ",
            "insufficient_funds                   11 w all        20  75,000 KRW, 225.00 USD   2.00 USD                              ",
            "                                                                                r: refunds list                         ",
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
            "enter list  1-4 by age  w waiting  f failed  r refunds  : cmd  ? help  q quit                                           ",
        ])
    }

    func testDayWithoutPaymentsAt80x24() {
        assertScreen("empty-80x24", GlanceScenarios.glance(.empty, size: Self.small), Self.small, [
            "useepay  Today at a glance · 2026-11-21                            SANDBOX demo ",
            "Payments per hour  █ ok ▒ other ░ yesterday                 today as of 15:30:00",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                         no payments today or yesterday                         ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "    00       03       06       09       12       15^      18       21           ",
            "Succeeded today: 0                                                              ",
            "Success rate     15:30:00 To capture       15:30:00 Refunds             15:30:00",
            "today —               0/0 1 < 1 day               0 in flight                 0 ",
            "yesterday —           0/0 2 1-3 days              0 failed today              0 ",
            "Top declines (f: failed)  3 3-6 days              0 r: refunds list             ",
            "none                      4 expire in 24 h        0                             ",
            "                          w all                   0                             ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "enter list  1-4 by age  w waiting  f failed  r refunds  : cmd  ? help  q quit   ",
        ])
    }

    func testDayWithoutPaymentsAt120x40() {
        assertScreen("empty-120x40", GlanceScenarios.glance(.empty, size: Self.large), Self.large, [
            "useepay  Today at a glance · 2026-11-21                                                                    SANDBOX demo ",
            "Payments per hour  █ ok ▒ other ░ yesterday             today as of 15:30:00  Succeeded today                           ",
            "                                                                              0 of 0 payments                           ",
            "                                                                              nothing yet                               ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                         no payments today or yesterday                                                                 ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "    00       03       06       09       12       15^      18       21                                                   ",
            "Success rate                   15:30:00 To capture                     15:30:00 Refunds                         15:30:00",
            "today —                             0/0 1 < 1 day                             0 in flight                             0 ",
            "yesterday —                         0/0 2 1-3 days                            0 failed today                          0 ",
            "Top declines (f: failed)                3 3-6 days                            0 r: refunds list                         ",
            "none                                    4 expire in 24 h                      0                                         ",
            "                                        w all                                 0                                         ",
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
            "enter list  1-4 by age  w waiting  f failed  r refunds  : cmd  ? help  q quit                                           ",
        ])
    }

    func testSingleCurrencyDayAt80x24() {
        assertScreen("single-80x24", GlanceScenarios.glance(.singleCurrency, size: Self.small), Self.small, [
            "useepay  Today at a glance · 2026-11-21                            SANDBOX demo ",
            "Payments per hour  █ ok ▒ other ░ yesterday                 today as of 15:30:00",
            "15                             ▒                                                ",
            "                               ▒░ ▒                                             ",
            "                            ▒  ▃░ ▒░                                            ",
            "                            ▒░ █░ ▅░ ▒░    ▒                                    ",
            "                            ▃░ █░ █░ ▃░ ▒░ ▃                                    ",
            "                         ▒░ █░ █░ █░ █░ ▅░ █░ ▒░                                ",
            "                         █░ █░ █░ █░ █░ █░ █░ ▃░  ░                             ",
            "                      ▅░ █░ █░ █░ █░ █░ █░ █░ █░ ▅░  ░  ░                       ",
            "    ▃              █  █░ █░ █░ █░ █░ █░ █░ █░ █░ █░  ░  ░  ░  ░                 ",
            "  0 █░ ▅░       ▅  █░ █░ █░ █░ █░ █░ █░ █░ █░ █░ █░  ░  ░  ░  ░  ░  ░  ░  ░     ",
            "    00       03       06       09       12       15^      18       21           ",
            "Succeeded today: 630.00 USD                                                     ",
            "Success rate     15:30:00 To capture       15:30:00 Refunds             15:30:00",
            "today 72.4%         63/87 1 < 1 day              15 in flight                 2 ",
            "yesterday 76%       73/96 2 1-3 days              2   35.00 USD                 ",
            "Top declines (f: failed)  3 3-6 days              1 failed today              1 ",
            "lost_card              13 4 expire in 24 h        2   2.00 USD                  ",
            "insufficient_funds     11 w all                  20 r: refunds list             ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "enter list  1-4 by age  w waiting  f failed  r refunds  : cmd  ? help  q quit   ",
        ])
    }

    func testSingleCurrencyDayAt120x40() {
        assertScreen("single-120x40", GlanceScenarios.glance(.singleCurrency, size: Self.large), Self.large, [
            "useepay  Today at a glance · 2026-11-21                                                                    SANDBOX demo ",
            "Payments per hour  █ ok ▒ other ░ yesterday             today as of 15:30:00  Succeeded today                           ",
            "15                             ▒                                              63 of 102 payments                        ",
            "                               ▒  ▒                                           630.00 USD                            (63)",
            "                               ▒░ ▒                                                                                     ",
            "                            ▒  ▂░ ▒░                                                                                    ",
            "                            ▒  █░ ▃░ ▒                                                                                  ",
            "                            ▒░ █░ █░ ▒░    ▒                                                                            ",
            "                         ▒  ▄░ █░ █░ ▄░ ▒░ ▄░  ░                                                                        ",
            "                         ▒░ █░ █░ █░ █░ ▄░ █░ ▒░                                                                        ",
            "                         ▅░ █░ █░ █░ █░ █░ █░ ▒░  ░                                                                     ",
            "                      ▒  █░ █░ █░ █░ █░ █░ █░ ▅░  ░  ░                                                                  ",
            "                      ▆░ █░ █░ █░ █░ █░ █░ █░ █░ ▆░  ░  ░                                                               ",
            "                   ▆  █░ █░ █░ █░ █░ █░ █░ █░ █░ █░  ░  ░  ░  ░                                                         ",
            "    ▇              █░ █░ █░ █░ █░ █░ █░ █░ █░ █░ █░  ░  ░  ░  ░  ░  ░                                                   ",
            "  0 █░ ▇░       ▇  █░ █░ █░ █░ █░ █░ █░ █░ █░ █░ █░  ░  ░  ░  ░  ░  ░  ░  ░                                             ",
            "    00       03       06       09       12       15^      18       21                                                   ",
            "Success rate                   15:30:00 To capture                     15:30:00 Refunds                         15:30:00",
            "today 72.4%                       63/87 1 < 1 day                15  150.00 USD in flight                             2 ",
            "yesterday 76%                     73/96 2 1-3 days                 2  50.00 USD   35.00 USD                             ",
            "Top declines (f: failed)                3 3-6 days                 1  25.00 USD failed today                          1 ",
            "lost_card                            13 4 expire in 24 h           2  50.00 USD   2.00 USD                              ",
            "insufficient_funds                   11 w all                    20  275.00 USD r: refunds list                         ",
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
            "enter list  1-4 by age  w waiting  f failed  r refunds  : cmd  ? help  q quit                                           ",
        ])
    }

    func testVT100DrawsTheChartInASCII() {
        let state = GlanceScenarios.glance(.mixed, size: Self.small, ascii: true)
        assertScreen("ascii-80x24", state, Self.small, [
            "useepay  Today at a glance · 2026-11-21                            SANDBOX demo ",
            "Payments per hour  # ok : other . yesterday                 today as of 15:30:00",
            "15                             :                                                ",
            "                               :. :                                             ",
            "                            :  _. :.                                            ",
            "                            :. #. #. :.    :                                    ",
            "                            _. #. #. _. :. _                                    ",
            "                         :. #. #. #. #. #. #. :.                                ",
            "                         #. #. #. #. #. #. #. _.  .                             ",
            "                      #. #. #. #. #. #. #. #. #. #.  .  .                       ",
            "    _              #  #. #. #. #. #. #. #. #. #. #.  .  .  .  .                 ",
            "  0 #. #.       #  #. #. #. #. #. #. #. #. #. #. #.  .  .  .  .  .  .  .  .     ",
            "    00       03       06       09       12       15^      18       21           ",
            "Succeeded today: 285,000 KRW · 440.00 USD                                       ",
            "Success rate     15:30:00 To capture       15:30:00 Refunds             15:30:00",
            "today 72.4%         63/87 1 < 1 day              15 in flight                 2 ",
            "yesterday 76%       73/96 2 1-3 days              2   3,000 KRW                 ",
            "Top declines (f: failed)  3 3-6 days              1   5.00 USD                  ",
            "lost_card              13 4 expire in 24 h        2 failed today              1 ",
            "insufficient_funds     11 w all                  20   2.00 USD                  ",
            "                                                    r: refunds list             ",
            "                                                                                ",
            "                                                                                ",
            "enter list  1-4 by age  w waiting  f failed  r refunds  : cmd  ? help  q quit   ",
        ])
        let text = render(state, size: Self.small).lines().joined()
        XCTAssertTrue(text.unicodeScalars.allSatisfy { $0.isASCII || "·…—".unicodeScalars.contains($0) }, text)
    }

    /// Monochrome has no colours: the running hour, panel titles and the two parts of a bar must still differ.
    func testMonochromeKeepsEveryDistinction() {
        let state = GlanceScenarios.glance(.mixed, size: Self.small)
        let grid = render(state, size: Self.small)
        let theme = ThemeLoader.monochrome
        let axis = grid.lines().firstIndex { $0.hasPrefix("    00 ") }!
        let roles = grid.roles(row: axis)
        let marked = roles.indices.filter { roles[$0] == .selection }
        XCTAssertFalse(marked.isEmpty, "the running hour is marked")
        XCTAssertTrue(theme.style(for: .selection).attributes.contains(.reverse))
        XCTAssertTrue(theme.style(for: .header).attributes.contains(.bold))
        XCTAssertNotEqual(theme.style(for: .statusSucceeded), theme.style(for: .dim))
        let chart = grid.lines()[2..<axis].joined()
        XCTAssertTrue(chart.contains("█") && chart.contains("▒") && chart.contains("░"), "solid, shaded and yesterday's bars differ by glyph")
    }

    /// Figures on screen come from the aggregates: the fixture day's known numbers.
    func testFiguresOfTheFixedDay() {
        let state = GlanceScenarios.glance(.mixed, size: Self.large)
        let f = GlanceFigures(state: state)
        XCTAssertEqual(f.today.map(\.attempts).prefix(16), ArraySlice(GlanceScenarios.todayPerHour))
        XCTAssertEqual(f.yesterday.map(\.attempts), GlanceScenarios.yesterdayPerHour)
        XCTAssertEqual(f.currentHour, 15)
        XCTAssertEqual(f.waiting[.underOneDay]?.count, GlanceScenarios.data(.mixed).today.filter { $0.status == .requiresCapture }.count)
        XCTAssertEqual(f.waiting[.oneToThreeDays]?.count, 2)
        XCTAssertEqual(f.waiting[.threeToSixDays]?.count, 1)
        XCTAssertEqual(f.waiting[.expiresWithin24h]?.count, 2)
        XCTAssertEqual(f.refundsInFlight.count, 2)
        XCTAssertEqual(f.refundsFailed.sums.map { $0.formatted() }, ["2.00 USD"])
        XCTAssertEqual(f.topDeclines.map(\.code), ["lost_card", "insufficient_funds"])
    }

    /// Refunds in flight and failed today are counted whenever the refund was created: one made two days ago
    /// and still received is in flight; one made earlier that failed this morning failed today; one that
    /// failed yesterday does not.
    func testRefundsCreatedBeforeTodayCountInFlightAndFailedToday() {
        let now = GlanceScenarios.now
        let recent = [
            GlanceScenarios.refund("re_old_inflight", "received", "40.00", "USD", now.addingTimeInterval(-2 * 86_400)),
            GlanceScenarios.refund("re_old_failed_today", "failed", "7.00", "USD", now.addingTimeInterval(-3 * 86_400),
                                   modified: now.addingTimeInterval(-3_600)),
            GlanceScenarios.refund("re_old_failed_before", "failed", "9.00", "USD", now.addingTimeInterval(-3 * 86_400),
                                   modified: now.addingTimeInterval(-86_400)),
        ]
        let state = GlanceScenarios.glance(.mixed, size: TerminalSize(columns: 120, rows: 40), recentRefunds: recent)
        let figures = GlanceFigures(state: state)
        XCTAssertEqual(figures.refundsInFlight.sums, [Money(amount: 40, currency: .usd)])
        XCTAssertEqual(figures.refundsFailed.sums, [Money(amount: 7, currency: .usd)])
    }
}
