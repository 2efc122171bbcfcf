import Foundation
import ConsoleCore
import UseePay

/// Today at a glance: hourly chart with yesterday beside it, success rate and declines, authorisations
/// waiting for capture by age, refunds. Every figure comes from `GlanceFigures` (the aggregates) and
/// each panel says how fresh it is. Readable at 80×24; at 120 columns the volume moves beside the chart.
enum GlanceScreen {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        let width = grid.size.columns
        let rows = grid.size.rows
        let figures = GlanceFigures(state: state)
        let format = ScreenFormat(state: state)
        let glyphs = BarGlyphs(ascii: state.asciiGlyphs)
        Chrome.drawTitle(state, into: &grid, width: width, title: "Today at a glance · \(figures.day)")

        let chart = HourlyChart(hours: figures.today.count, width: width)
        let wide = width - chart.width >= 32
        let available = rows - 5 - (wide ? 0 : 1)
        let barRows = max(2, min(14, available - 8))
        let panelTop = 1 + 1 + barRows + 1 + (wide ? 0 : 1)
        let panelRows = max(0, rows - 2 - panelTop)

        // Chart header: legend and freshness.
        let legend = "Payments per hour  \(glyphs.full) ok \(glyphs.other) other \(glyphs.yesterday) yesterday"
        var fresh = "today " + freshness(figures.todayFreshness, format)
        // Yesterday's figures only need a word while they are not final yet.
        if case .asOf = figures.yesterdayFreshness {} else {
            fresh += " · yesterday " + freshness(figures.yesterdayFreshness, format)
        }
        header(&grid, y: 1, x: 0, width: wide ? chart.width : width, title: legend, right: fresh)
        chart.draw(figures, glyphs: glyphs, into: &grid, top: 2, rows: barRows)
        if figures.todayPayments == 0, figures.yesterday.allSatisfy({ $0.attempts == 0 }), barRows >= 2 {
            let note = "no payments today or yesterday"
            let w = min(chart.width, width) - chart.labelWidth
            grid.write(TerminalText.center(TerminalText.truncate(note, toWidth: w), toWidth: w), x: chart.labelWidth, y: 2 + barRows / 2,
                       maxWidth: w, role: .dim)
        }

        // Succeeded volume per currency: beside the chart when there is room, else one line under it.
        let volumeY = 2 + barRows + 1
        if wide {
            let x = chart.width + 2
            let w = width - x
            header(&grid, y: 1, x: x, width: w, title: "Succeeded today", right: "")
            var lines: [(String, ThemeRole)] = [("\(grouped(figures.todaySucceeded)) of \(grouped(figures.todayPayments)) payments", .dim)]
            for money in figures.succeededVolume.sums {
                lines.append((pad(money.formatted(), "(\(grouped(figures.succeededVolume.count(of: money.currency))))", w), .normal))
            }
            if figures.succeededVolume.isEmpty { lines.append(("nothing yet", .dim)) }
            write(&grid, lines, x: x, y: 2, width: w, rows: barRows + 1)
        } else {
            let volume = figures.succeededVolume.isEmpty ? "0" : figures.succeededVolume.sums.map { $0.formatted() }.joined(separator: " · ")
            grid.write(TerminalText.truncate("Succeeded today: " + volume, toWidth: width), x: 0, y: volumeY, maxWidth: width, role: .normal)
        }

        // Three panels side by side.
        guard panelRows > 0 else { return finish(state, &grid) }
        let columnWidth = width / 3
        let panels = [successPanel(figures, format, width: columnWidth - 1), waitingPanel(figures, format, width: columnWidth - 1),
                      refundsPanel(figures, format, width: width - 2 * columnWidth - 1)]
        for (index, panel) in panels.enumerated() {
            let x = index * columnWidth
            let w = index == 2 ? width - x : columnWidth - 1
            header(&grid, y: panelTop, x: x, width: w, title: panel.title, right: panel.fresh)
            write(&grid, panel.lines, x: x, y: panelTop + 1, width: w, rows: panelRows - 1)
        }
        finish(state, &grid)
    }

    private static func finish(_ state: ConsoleState, _ grid: inout CellGrid) {
        let width = grid.size.columns, y = grid.size.rows - 1
        Chrome.drawFlash(state, into: &grid, y: y - 1, width: width)
        guard state.input == nil else { return Chrome.drawFooter(state, into: &grid, y: y, width: width) }
        grid.fill(Rect(x: 0, y: y, width: width, height: 1), role: .help)
        grid.write(TerminalText.truncate(footerHints(state), toWidth: width), x: 0, y: y, maxWidth: width, role: .help)
    }

    /// The glance's own keys, from the live keymap (so remapped keys show as remapped).
    static func footerHints(_ state: ConsoleState) -> String {
        let bindings = state.helpBindings
        func key(_ command: ConsoleCommand) -> String? { bindings.first { $0.command == command }.map { "\($0.key)" } }
        var hints: [String] = []
        if let open = key(.open) { hints.append(open + " list") }
        let ages: [ConsoleCommand] = [.glanceWaitingUnderADay, .glanceWaitingOneToThreeDays, .glanceWaitingThreeToSixDays, .glanceWaitingExpiring]
        let ageKeys = ages.compactMap(key)
        if ageKeys == ["1", "2", "3", "4"] { hints.append("1-4 by age") } else if !ageKeys.isEmpty { hints.append(ageKeys.joined(separator: "/") + " by age") }
        for (command, word) in [(ConsoleCommand.glanceWaiting, "waiting"), (.glanceFailedToday, "failed"), (.glanceRefundsInFlight, "refunds"),
                                (.openPalette, "cmd"), (.showHelp, "help"), (.quit, "quit")] {
            if let k = key(command) { hints.append("\(k) \(word)") }
        }
        return hints.joined(separator: "  ")
    }

    typealias Panel = (title: String, fresh: String, lines: [(String, ThemeRole)])

    static func successPanel(_ f: GlanceFigures, _ format: ScreenFormat, width: Int) -> Panel {
        var lines: [(String, ThemeRole)] = [
            (pad("today " + GlanceFigures.percent(f.todayRate), "\(grouped(f.todaySucceeded))/\(grouped(f.todayDecided))", width), .normal),
            (pad("yesterday " + GlanceFigures.percent(f.yesterdayRate), "\(grouped(f.yesterdaySucceeded))/\(grouped(f.yesterdayDecided))", width), .dim),
            ("Top declines (f: failed)", .header),
        ]
        for decline in f.topDeclines { lines.append((pad(decline.code, grouped(decline.count), width), .statusFailed)) }
        if f.topDeclines.isEmpty { lines.append(("none", .dim)) }
        return ("Success rate", freshness(f.todayFreshness, format, short: true), lines)
    }

    static func waitingPanel(_ f: GlanceFigures, _ format: ScreenFormat, width: Int) -> Panel {
        let showSums = width >= 36
        func line(_ key: String, _ label: String, _ totals: MoneyTotals) -> (String, ThemeRole) {
            var right = grouped(totals.count)
            if showSums, !totals.isEmpty { right += "  " + totals.sums.map { $0.formatted() }.joined(separator: ", ") }
            return (pad("\(key) \(label)", right, width), totals.isEmpty ? .dim : .statusRequiresCapture)
        }
        let lines = [
            line("1", "< 1 day", f.waiting[.underOneDay] ?? MoneyTotals()),
            line("2", "1-3 days", f.waiting[.oneToThreeDays] ?? MoneyTotals()),
            line("3", "3-6 days", f.waiting[.threeToSixDays] ?? MoneyTotals()),
            line("4", "expire in 24 h", f.waiting[.expiresWithin24h] ?? MoneyTotals()),
            line("w", "all", f.waitingAll),
        ]
        return ("To capture", freshness(f.waitingFreshness, format, short: true), lines)
    }

    static func refundsPanel(_ f: GlanceFigures, _ format: ScreenFormat, width: Int) -> Panel {
        func lines(_ label: String, _ totals: MoneyTotals, _ role: ThemeRole) -> [(String, ThemeRole)] {
            [(pad(label, grouped(totals.count), width), totals.isEmpty ? .dim : role)]
                + totals.sums.map { ("  " + $0.formatted(), totals.isEmpty ? .dim : role) }
        }
        let body = lines("in flight", f.refundsInFlight, .statusPending) + lines("failed today", f.refundsFailed, .statusFailed)
            + [("r: refunds list", .dim)]
        return ("Refunds", freshness(f.waitingFreshness, format, short: true), body)
    }

    // MARK: Text helpers

    static func freshness(_ freshness: GlanceFigures.Freshness, _ format: ScreenFormat, short: Bool = false) -> String {
        switch freshness {
        case .notStarted: return "—"
        case .summing(let counted): return short ? "…\(grouped(counted))" : "summing \(grouped(counted))…"
        case .asOf(let date): return short ? format.clock(date) : "as of " + format.clock(date)
        case .stopped: return short ? "stopped" : "stopped (ctrl-r)"
        }
    }

    static func header(_ grid: inout CellGrid, y: Int, x: Int, width: Int, title: String, right: String) {
        guard width > 0, y < grid.size.rows else { return }
        let rightWidth = TerminalText.width(right)
        let titleWidth = max(0, width - rightWidth - 1)
        grid.write(TerminalText.truncate(title, toWidth: titleWidth), x: x, y: y, maxWidth: titleWidth, role: .header, attributes: .bold)
        if rightWidth < width { grid.write(right, x: x + width - rightWidth, y: y, maxWidth: rightWidth, role: .dim) }
    }

    static func write(_ grid: inout CellGrid, _ lines: [(String, ThemeRole)], x: Int, y: Int, width: Int, rows: Int) {
        for (offset, line) in lines.prefix(max(0, rows)).enumerated() where y + offset < grid.size.rows - 2 {
            grid.write(TerminalText.truncate(line.0, toWidth: width), x: x, y: y + offset, maxWidth: width, role: line.1)
        }
    }

    /// `left` and `right` at the two ends of `width` columns (right cut first when it does not fit).
    static func pad(_ left: String, _ right: String, _ width: Int) -> String {
        let gap = width - TerminalText.width(left) - TerminalText.width(right)
        return gap >= 1 ? left + String(repeating: " ", count: gap) + right : left + " " + right
    }

    static func grouped(_ n: Int) -> String { SummaryLine.grouped(n) }
}

/// Block glyphs for bars, or ASCII where the terminal cannot draw them (`TERM=vt100`).
struct BarGlyphs {
    let ascii: Bool
    static let eighths: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    var full: Character { ascii ? "#" : "█" }
    var other: Character { ascii ? ":" : "▒" }
    var yesterday: Character { ascii ? "." : "░" }

    /// The top of a bar that fills `eighths` (1…7) of a cell.
    func partial(_ eighths: Int, solid: Bool) -> Character {
        if ascii { return eighths >= 4 ? (solid ? "#" : ":") : (solid ? "_" : " ") }
        return solid ? Self.eighths[max(0, min(7, eighths - 1))] : (eighths >= 4 ? other : " ")
    }
}

/// Attempts per hour as bars: today's (succeeded part solid, the rest shaded) and yesterday's beside it.
struct HourlyChart {
    let hours: Int
    let cellsPerHour: Int
    let labelWidth = 4

    init(hours: Int, width: Int) {
        self.hours = hours
        cellsPerHour = width >= 4 + hours * 3 ? 3 : 2
    }

    var width: Int { labelWidth + hours * cellsPerHour }

    func draw(_ f: GlanceFigures, glyphs: BarGlyphs, into grid: inout CellGrid, top: Int, rows: Int) {
        let highest = (f.today + f.yesterday).map(\.attempts).max() ?? 0
        let peak = max(1, highest)
        let scale = rows * 8
        func eighths(_ value: Int) -> Int { (value * scale + peak / 2) / peak }
        if highest > 0 {
            grid.write(TerminalText.truncate(String(peak), toWidth: labelWidth - 1), x: 0, y: top, maxWidth: labelWidth - 1, role: .dim)
            grid.write("0", x: labelWidth - 2, y: top + rows - 1, maxWidth: 1, role: .dim)
        }
        for hour in 0..<hours {
            let x = labelWidth + hour * cellsPerHour
            let today = f.today[hour]
            let attempts = eighths(today.attempts), successes = min(attempts, eighths(today.successes))
            let yesterday = hour < f.yesterday.count ? eighths(f.yesterday[hour].attempts) : 0
            for row in 0..<rows {
                let y = top + rows - 1 - row
                let floor = row * 8
                if let (glyph, role) = todayCell(attempts: attempts, successes: successes, floor: floor, glyphs: glyphs) {
                    grid.write(String(glyph), x: x, y: y, maxWidth: 1, role: role)
                }
                if yesterday > floor {
                    let glyph = yesterday >= floor + 8 ? glyphs.yesterday : (yesterday - floor >= 4 ? glyphs.yesterday : nil)
                    if let glyph { grid.write(String(glyph), x: x + 1, y: y, maxWidth: 1, role: .dim) }
                }
            }
        }
        // Hour labels every third hour; the running hour marked with ^ (and highlighted).
        let axis = top + rows
        for hour in stride(from: 0, to: hours, by: 3) {
            grid.write(hour < 10 ? "0\(hour)" : "\(hour)", x: labelWidth + hour * cellsPerHour, y: axis, maxWidth: 2, role: .dim)
        }
        let x = labelWidth + f.currentHour * cellsPerHour
        if f.currentHour % 3 == 0 {
            let label = f.currentHour < 10 ? "0\(f.currentHour)" : "\(f.currentHour)"
            grid.write(label, x: x, y: axis, maxWidth: 2, role: .selection)
            if cellsPerHour == 3 { grid.write("^", x: x + 2, y: axis, maxWidth: 1, role: .selection) }
        } else {
            grid.write("^", x: x, y: axis, maxWidth: 1, role: .selection)
        }
    }

    private func todayCell(attempts: Int, successes: Int, floor: Int, glyphs: BarGlyphs) -> (Character, ThemeRole)? {
        if successes >= floor + 8 { return (glyphs.full, .statusSucceeded) }
        if successes > floor { return (glyphs.partial(successes - floor, solid: true), .statusSucceeded) }
        if attempts >= floor + 8 { return (glyphs.other, .dim) }
        if attempts > floor, attempts - floor >= 4 { return (glyphs.other, .dim) }
        return nil
    }
}
