import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Issue 10's table: the built console (`useepay` beside this executable) on its own pseudo-terminal,
/// 120×40, against `useepay sandbox serve` seeded with a day of payments, beside curl of the same
/// first page measured in the same run. Medians.
struct ScaleBenchmark {
    var day = 100_000
    var smallDay = 1_000
    var launches = 7
    var moves = 100
    let columns = 120
    let rows = 40

    var useepay: String {
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return own.deletingLastPathComponent().appendingPathComponent("useepay").path
    }

    func run(keyFrame: (small: Double, large: Double)) throws -> [String] {
        guard FileManager.default.isExecutableFile(atPath: useepay) else { throw BenchmarkError("build useepay first: \(useepay) is missing") }
        var table: [(String, String, String)] = []
        let big = try SandboxProcess(useepay: useepay, seed: day)
        defer { big.stop() }
        let firstPage = try big.curlPage(0)
        let curl = median((0..<launches).map { _ in (try? big.timeCurl(page: 0)) ?? .infinity })

        var launchTimes: [Double] = []
        for _ in 0..<launches {
            let console = try ConsoleProcess(useepay: useepay, sandbox: big, columns: columns, rows: rows)
            launchTimes.append(try console.waitForFirstRows(containing: firstPage.newestOrder))
            console.quit()
        }
        let launch = median(launchTimes)
        table.append(("launch → first rows painted", String(format: "%.1f ms (curl %.1f ms, %.1f×)", launch, curl, launch / curl),
                      "≤ 100 ms and ≤ 3× curl"))

        // The summary is work the store holds until the last page is summed, so the first idle frame after
        // launch is the one with the final figures.
        let truth = try big.dayTruth(pages: (day + 99) / 100)
        let console = try ConsoleProcess(useepay: useepay, sandbox: big, columns: columns, rows: rows, logRequests: true)
        _ = try console.waitForFirstRows(containing: firstPage.newestOrder)
        let summing = console.terminal.output.contains("summing")
        let summaryTime = try console.settle(timeout: .seconds(300))
        let scripted = try big.scriptedSummary(useepay: useepay)
        // The final line starts with the day's count ("100,000 payments · …", or "pmts" when narrow).
        let finalShown = console.terminal.output.contains("\(grouped(day)) p")
        let mismatches = truth.mismatches(scripted)
        table.append(("whole-day summary final and exact",
                      String(format: "%.1f s", summaryTime.milliseconds / 1000)
                        + (summing ? ", progress shown" : ", NO progress shown")
                        + (finalShown ? "" : ", NOT shown as final")
                        + (mismatches.isEmpty ? ", equals the sandbox (\(grouped(truth.count)) payments, \(truth.byStatus.count) statuses, awaiting capture per currency)"
                                              : ", DIFFERS: " + mismatches.joined(separator: "; ")),
                      "≤ 20 s, progress shown"))
        // Moves within the screen (two rows and the row number change), then moves that scroll it.
        var bytes: [Double] = []
        var scrollingBytes: [Double] = []
        for index in 0..<moves {
            let written = Double(try console.press("j").bytes)
            if index < rows - 8 { bytes.append(written) } else { scrollingBytes.append(written) }
        }
        let oldest = try big.curlPage((day - 1) / 100).oldestID
        let readsBefore = console.listReads()
        let jump = try console.press("G")
        let jumpReads = console.listReads() - readsBefore
        let selected = try console.copiedSelection()
        let reached = selected == oldest
        try walkBack(console)
        let peak = console.peakResidentMegabytes()
        console.quit()
        table.append(("G → the day's oldest payment on screen",
                      String(format: "%.0f ms, %d list reads", jump.elapsed.milliseconds, jumpReads)
                        + (reached ? "" : " (NOT the oldest: \(selected ?? "none"))"), "≤ 1 s"))

        let small = try SandboxProcess(useepay: useepay, seed: smallDay)
        defer { small.stop() }
        let smallFirst = try small.curlPage(0)
        let smallConsole = try ConsoleProcess(useepay: useepay, sandbox: small, columns: columns, rows: rows)
        _ = try smallConsole.waitForFirstRows(containing: smallFirst.newestOrder)
        try smallConsole.settle()
        _ = try smallConsole.press("G")
        try walkBack(smallConsole)
        let smallPeak = smallConsole.peakResidentMegabytes()
        smallConsole.quit()
        table.append(("peak RSS after G, 100 j, gg, 100 k",
                      String(format: "%.0f MB", peak) + " (day of \(grouped(smallDay)): " + String(format: "%.0f MB)", smallPeak),
                      "≤ 150 MB (≤ 40 MB for 1,000)"))
        table.append(("bytes written per cursor move, 120×40",
                      String(format: "%.0f (a move that scrolls the list: %.0f)", median(bytes), median(scrollingBytes)), "≤ 300"))
        table.append(("key → frame, 100 vs 100,000 rows",
                      String(format: "%.3f / %.3f ms, ratio %.2f", keyFrame.small / 1e6, keyFrame.large / 1e6, keyFrame.large / keyFrame.small),
                      "≤ 0.3 ms at 120×40, ratio ≤ 1.2"))

        var lines = ["day of \(grouped(day)) payments created today, console at \(columns)×\(rows), medians", "",
                     "| measure | this run | target |", "|---|---|---|"]
        lines += table.map { "| \($0.0) | \($0.1) | \($0.2) |" }
        return lines
    }
}

extension ScaleBenchmark {
    /// After `G`: 100 `j`, back to the top, 100 `k` (the walk the memory target is measured after).
    func walkBack(_ console: ConsoleProcess) throws {
        for _ in 0..<moves { _ = try console.press("j") }
        _ = try console.press("g")
        for _ in 0..<moves { _ = try console.press("k") }
    }
}

func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func grouped(_ value: Int) -> String {
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.locale = Locale(identifier: "en_US")
    return formatter.string(from: NSNumber(value: value)) ?? "\(value)"
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}

/// `useepay sandbox serve` in its own process, seeded with today's payments, in memory.
final class SandboxProcess {
    let process = Process()
    let baseURL: String
    let home: String
    let credentials = (merchantNo: "500000000000001", appId: "sandbox.useepay.local", apiKey: "UseePay_SK_sandbox_0000000000000000")

    /// How long the sandbox took from its start to saying its address (seeding included).
    private(set) var startup: Duration = .zero

    /// - Parameters:
    ///   - onDisk: a database file (the sandbox's default) instead of memory.
    ///   - envelope: `documented` (items and has_more, no total: the console must find the end by
    ///     searching) or `both` (the SDK's fields too, the sandbox's default).
    init(useepay: String, seed: Int, onDisk: Bool = false, envelope: String = "documented") throws {
        home = NSTemporaryDirectory() + "useepay-bench-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: useepay)
        let storage = onDisk ? ["--db", home + "/sandbox.sqlite"] : ["--in-memory"]
        process.arguments = ["sandbox", "serve", "--port", "0"] + storage + ["--seed", "\(seed)", "--seed-days", "0",
                             "--time-zone", "UTC", "--settle-seconds", "3600", "--list-envelope", envelope]
        process.environment = ["HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_STATE_HOME": home + "/state",
                               "XDG_CONFIG_HOME": home + "/config", "TZ": "UTC", "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let clock = ContinuousClock()
        let started = clock.now
        try process.run()
        var text = ""
        var found: String?
        let handle = out.fileHandleForReading
        while found == nil {
            let data = handle.availableData
            guard !data.isEmpty else { throw BenchmarkError("the sandbox ended before saying its address: \(text)") }
            text += String(decoding: data, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.contains("Base URL:") }) {
                found = line.split(separator: " ").last.map(String.init)
            }
        }
        baseURL = found!
        startup = clock.now - started
        // Keep reading so the sandbox never blocks on a full pipe.
        handle.readabilityHandler = { _ = $0.availableData }
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: home)
    }

    /// Today in UTC, as the console asks for it.
    var todayQuery: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.startOfDay(for: Date())
        let end = calendar.date(byAdding: .day, value: 1, to: start)!
        let iso = ISO8601DateFormatter()
        return "from_created_at=\(iso.string(from: start))&to_created_at=\(iso.string(from: end))"
    }

    func pageURL(_ page: Int) -> String {
        "\(baseURL)/api/v1/payment_intents?page_num=\(page)&page_size=100&\(todayQuery)"
    }

    var curlHeaders: [String] {
        ["-H", "x-merchant-no: \(credentials.merchantNo)", "-H", "x-app-id: \(credentials.appId)", "-H", "x-api-key: \(credentials.apiKey)"]
    }

    struct FirstPage {
        var newestOrder: String
        var oldestID: String
    }

    func curlPage(_ page: Int) throws -> FirstPage {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s"] + curlHeaders + [pageURL(page)]
        let out = Pipe()
        curl.standardOutput = out
        try curl.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let items = json["items"] as? [[String: Any]], let first = items.first, let last = items.last else {
            throw BenchmarkError("curl of page \(page) gave no items: \(String(decoding: data.prefix(300), as: UTF8.self))")
        }
        return FirstPage(newestOrder: first["merchant_order_id"] as? String ?? "", oldestID: last["id"] as? String ?? "")
    }

    /// Seconds per answer of each URL, read in turn by one curl over one kept-alive connection.
    func curlTimes(_ urls: [String]) throws -> [Double] {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s"] + curlHeaders + urls.flatMap { ["-o", "/dev/null", "-w", "%{time_total}\\n", $0] }
        let out = Pipe()
        curl.standardOutput = out
        try curl.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { Double($0) }.map { $0 * 1000 }
    }

    /// curl of the first page, process start to exit, in milliseconds: the yardstick.
    func timeCurl(page: Int) throws -> Double {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s", "-o", "/dev/null"] + curlHeaders + [pageURL(page)]
        let clock = ContinuousClock()
        let start = clock.now
        try curl.run()
        curl.waitUntilExit()
        return (clock.now - start).milliseconds
    }

}

/// The console on a pseudo-terminal, with its idle counter (USEEPAY_TEST_IDLE_FILE) to know when a
/// key's frame is on screen.
final class ConsoleProcess {
    let terminal: PseudoTerminal
    let idleFile: String
    let logFile: String

    init(useepay: String, sandbox: SandboxProcess, columns: Int, rows: Int, logRequests: Bool = false) throws {
        let tag = UUID().uuidString.prefix(6)
        idleFile = sandbox.home + "/idle-\(tag)"
        logFile = sandbox.home + "/console-\(tag).log"
        let environment = [
            "HOME": sandbox.home, "XDG_CONFIG_HOME": sandbox.home + "/config", "XDG_STATE_HOME": sandbox.home + "/state",
            "XDG_DATA_HOME": sandbox.home + "/data", "TZ": "UTC", "LANG": "C.UTF-8", "TERM": "xterm-256color",
            "USEEPAY_BASE_URL": sandbox.baseURL, "USEEPAY_MERCHANT_NO": sandbox.credentials.merchantNo,
            "USEEPAY_APP_ID": sandbox.credentials.appId, "USEEPAY_API_KEY": sandbox.credentials.apiKey,
            "USEEPAY_TEST_IDLE_FILE": idleFile,
        ]
        let logging = logRequests ? ["--log-file", logFile, "--log-level", "debug"] : []
        terminal = try PseudoTerminal(executable: useepay, arguments: ["--refresh", "0"] + logging, environment: environment,
                                      columns: columns, rows: rows)
    }

    /// Payment list reads in the console's API log so far (needs `logRequests`).
    func listReads() -> Int {
        guard let text = try? String(contentsOfFile: logFile, encoding: .utf8) else { return 0 }
        return text.split(separator: "\n").filter { $0.contains("request") && !$0.contains("failed") && $0.contains("/api/v1/payment_intents?") }.count
    }

    /// Milliseconds from process start to the first painted row (the newest payment's order id).
    func waitForFirstRows(containing text: String) throws -> Double {
        let at = try terminal.waitFor("the first rows") { $0.contains(text) }
        return (at - terminal.started).milliseconds
    }

    var idleCount: Int {
        (try? String(contentsOfFile: idleFile, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
    }

    /// Waits until the console has been idle with its newest frame on screen (which includes the whole-day
    /// summary being final); how long since launch.
    @discardableResult
    func settle(timeout: Duration = .seconds(60)) throws -> Duration {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while idleCount == 0 {
            guard clock.now < deadline else { throw BenchmarkError("the console never became idle in \(timeout)") }
            terminal.pump(timeout: .milliseconds(1))
        }
        let at = clock.now
        terminal.pump(timeout: .milliseconds(20))
        return at - terminal.started
    }

    /// Types a key and waits for its frame; how long that took and how many bytes the frame was.
    func press(_ key: String) throws -> (elapsed: Duration, bytes: Int) {
        terminal.pump(timeout: .zero)
        let before = idleCount
        let written = terminal.output.count
        let clock = ContinuousClock()
        let start = clock.now
        terminal.type(key)
        let deadline = start.advanced(by: .seconds(60))
        while idleCount <= before {
            guard clock.now < deadline else { throw BenchmarkError("no frame after \(key)") }
            terminal.pump(timeout: .milliseconds(1))
        }
        let elapsed = clock.now - start
        terminal.pump(timeout: .milliseconds(1))
        return (elapsed, terminal.output.count - written)
    }

    /// The selected row's id, as `c` copies it (OSC 52 carries it base64-encoded).
    func copiedSelection() throws -> String? {
        let from = terminal.output.count
        _ = try press("c")
        guard let marker = terminal.output.range(of: "]52;c;", from: from) else { return nil }
        let rest = terminal.output[marker.upperBound...]
        let end = rest.firstIndex { $0 == 0x07 || $0 == 0x1b } ?? rest.endIndex
        guard let data = Data(base64Encoded: Data(rest[marker.upperBound..<end])) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    func peakResidentMegabytes() -> Double { terminal.peakResidentMegabytes() ?? .nan }

    func quit() {
        terminal.type("q")
        terminal.finish()
    }
}

/// The day as the sandbox serves it, read page by page with curl and Foundation's `JSONDecoder` (exact
/// decimals), independently of the console's parser and aggregator.
struct DayTruth {
    var count = 0
    var byStatus: [String: Int] = [:]
    var awaitingCapture: [String: Decimal] = [:]

    private struct Page: Decodable {
        struct Item: Decodable { var status: String; var amount: Decimal?; var currency: String? }
        var items: [Item]
    }

    mutating func add(page data: Data) throws {
        for item in try JSONDecoder().decode(Page.self, from: data).items {
            count += 1
            byStatus[item.status, default: 0] += 1
            if item.status == "requires_capture", let amount = item.amount, let currency = item.currency {
                awaitingCapture[currency, default: 0] += amount
            }
        }
    }

    /// What `useepay payments summary --format json` printed, in the same terms.
    struct Scripted: Decodable {
        struct Payments: Decodable {
            struct Awaiting: Decodable {
                struct Sum: Decodable { var currency: String; var amount: Decimal }
                var count: Int
                var amounts: [Sum]
            }
            var count: Int
            var by_status: [String: Int]
            var awaiting_capture: Awaiting
        }
        var complete: Bool
        var payments: Payments
    }

    func mismatches(_ summary: Scripted) -> [String] {
        var out: [String] = []
        if !summary.complete { out.append("summary not complete") }
        if summary.payments.count != count { out.append("count \(summary.payments.count) ≠ \(count)") }
        if summary.payments.by_status != byStatus { out.append("by status \(summary.payments.by_status) ≠ \(byStatus)") }
        let sums = Dictionary(uniqueKeysWithValues: summary.payments.awaiting_capture.amounts.map { ($0.currency, $0.amount) })
        if sums != awaitingCapture { out.append("awaiting capture \(sums) ≠ \(awaitingCapture)") }
        return out
    }
}

extension SandboxProcess {
    /// Every page of today, fetched by one curl (URL globbing, one connection) into files, then decoded.
    func dayTruth(pages: Int) throws -> DayTruth {
        let folder = home + "/truth"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        let glob = "\(baseURL)/api/v1/payment_intents?page_num=[0-\(pages - 1)]&page_size=100&\(todayQuery)"
        curl.arguments = ["-s", "-o", folder + "/page_#1.json"] + curlHeaders + [glob]
        try curl.run()
        curl.waitUntilExit()
        var truth = DayTruth()
        for page in 0..<pages {
            try truth.add(page: Data(contentsOf: URL(fileURLWithPath: folder + "/page_\(page).json")))
        }
        return truth
    }

    /// `useepay payments summary --format json` against this sandbox.
    func scriptedSummary(useepay: String) throws -> DayTruth.Scripted {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: useepay)
        process.arguments = ["payments", "summary", "--format", "json"]
        process.environment = ["HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_STATE_HOME": home + "/state",
                               "XDG_DATA_HOME": home + "/data", "TZ": "UTC", "USEEPAY_BASE_URL": baseURL,
                               "USEEPAY_MERCHANT_NO": credentials.merchantNo, "USEEPAY_APP_ID": credentials.appId,
                               "USEEPAY_API_KEY": credentials.apiKey]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(DayTruth.Scripted.self, from: data)
    }
}
