// Frame-cost benchmark: handling a key and rendering a frame must cost the same for a day of 100 or
// 100,000 payments, because the list holds a bounded window of pages and both the reducer and the
// renderer work in proportion to the visible rows. Run in release:
//
//     swift run -c release useepay-benchmarks
//
// It prints the median cost per key+frame for each day size and the ratio between the largest
// and smallest; it exits non-zero when that ratio exceeds the allowed spread, so a regression to
// work proportional to the day is caught by a benchmark, not by a timed test.
//
//     bash scripts/release-build.sh useepay useepay-benchmarks && .build/release/useepay-benchmarks --scale
//
// runs the console as shipped (built by scripts/release-build.sh) on a pseudo-terminal against
// `useepay sandbox serve` seeded with 100,000 payments today and prints issue 10's table beside curl
// of the same first page (ScaleBenchmark.swift);
// `--sandbox-scale` seeds a sandbox database with a million payment intents and times its list reads
// (SandboxScaleBenchmark.swift).
import ConsoleCore
import Foundation
import TerminalUI
import UseePay

// `--rows N` (repeatable) and `--keys K` shrink a run, e.g. for counting instructions under
// `valgrind --tool=callgrind --toggle-collect='*nanosPerKey*fU_TA'`, which, unlike wall time on a
// shared machine, gives the same number twice.
let arguments = Array(CommandLine.arguments.dropFirst())
func values(of flag: String) -> [Int] {
    zip(arguments, arguments.dropFirst()).compactMap { $0 == flag ? Int($1) : nil }
}
let sizes = values(of: "--rows").isEmpty ? [100, 10_000, 100_000] : values(of: "--rows")
let keysPerRun = values(of: "--keys").first ?? 2_000
let allowedRatio = 3.0   // O(visible) work stays well under this; O(n) work blows far past it
let rounds = 5           // each size's keys come in this many rounds, taken in turn with the other sizes

func makePayments(count: Int) throws -> [PaymentIntent] {
    let statuses = ["succeeded", "requires_capture", "failed", "canceled", "pending"]
    let currencies = [("USD", "49.62"), ("KRW", "15000"), ("JPY", "7570"), ("EUR", "1200.50")]
    let names = ["김민준", "高橋 翔", "Zoë Müller", "Oliver Brown"]
    let base = Date(timeIntervalSince1970: 1_795_000_000)
    let iso = ISO8601DateFormatter()
    var result: [PaymentIntent] = []
    result.reserveCapacity(count)
    for index in 0..<count {
        let (currency, amount) = currencies[index % currencies.count]
        let created = iso.string(from: base.addingTimeInterval(-Double(index) * 7))
        let json = """
        {"id":"pi_\(String(format: "%032x", index))","amount":\(amount),"currency":"\(currency)",
         "status":"\(statuses[index % statuses.count])","merchant_order_id":"ORD-\(index)",
         "customer":{"name":"\(names[index % names.count])","email":"c\(index)@example.com"},
         "create_at":"\(created)","modify_at":"\(created)"}
        """
        result.append(try PaymentIntent.decode(Data(json.utf8)))
    }
    return result
}

/// Answers the console's list reads from a prepared day, page by page like the API.
func answer(_ effects: [ConsoleEffect], day: [PaymentIntent], state: inout ConsoleState) {
    var queue = effects
    while !queue.isEmpty {
        guard case .load(let request) = queue.removeFirst(), case .payments(let query) = request.query else { continue }
        let start = min(day.count, request.page * query.window.pageSize)
        let end = min(day.count, start + query.window.pageSize)
        let page = LoadedPage(objects: day[start..<end].map(ConsoleObject.payment), hasMore: end < day.count)
        queue += reduce(&state, .effectResult(.loaded(request, .success(page))))
    }
}

/// One day on one terminal size, deep in the list, ready to time keys. The sizes' runs take turns
/// (`measure` a round of each in turn), so load from other work on a shared machine falls on every size
/// alike instead of on whichever size happened to run while it lasted.
struct KeyFrameRun {
    let day: [PaymentIntent]
    let size: TerminalSize
    var state: ConsoleState
    var onScreen: CellGrid
    var keyIndex = 0

    init(rows: Int, size: TerminalSize) throws {
        self.size = size
        day = try makePayments(count: rows)
        state = ConsoleState(mode: .sandbox, size: size)
        answer(reduce(&state, .started), day: day, state: &state)
        // Deep in the day: the status line counts to 100,000 and the window has dropped pages.
        answer(reduce(&state, .key(.char("G"))), day: day, state: &state)
        for _ in 0..<(rows / 2) where rows <= 1_000 { answer(reduce(&state, .key(.char("k"))), day: day, state: &state) }
        onScreen = render(state, size: size)
    }

    /// The cost of each of `count` keys: reduce, render, and the comparison with the frame on screen.
    mutating func measure(keys count: Int) -> [Double] {
        let keys: [KeyPress] = [.char("k"), .char("k"), .char("j"), KeyPress(.pageUp), KeyPress(.pageDown)]
        var samples: [Double] = []
        samples.reserveCapacity(count)
        var sink = 0
        let clock = ContinuousClock()
        for _ in 0..<count {
            let key = keys[keyIndex % keys.count]
            keyIndex += 1
            var effects: [ConsoleEffect] = []
            let elapsed = clock.measure {
                effects = reduce(&state, .key(key))
                // As the run loop does: draw, then compare with the frame on screen to decide whether to present.
                let frame = render(state, size: size)
                sink &+= frame != onScreen ? 2 : 1
                onScreen = frame
            }
            // A page read the key asked for arrives between keys, as from the network.
            answer(effects, day: day, state: &state)
            samples.append(Double(elapsed.components.attoseconds) / 1e9 + Double(elapsed.components.seconds) * 1e9)
        }
        precondition(sink > 0)
        return samples
    }
}

/// `keysPerRun` keys for each size, in `rounds` rounds that alternate between the sizes.
func nanosPerKey(sizes: [Int], terminal: TerminalSize) throws -> [[Double]] {
    var runs = try sizes.map { try KeyFrameRun(rows: $0, size: terminal) }
    var samples = Array(repeating: [Double](), count: runs.count)
    let roundLength = max(1, keysPerRun / rounds)
    for _ in 0..<rounds {
        for index in runs.indices { samples[index] += runs[index].measure(keys: roundLength) }
    }
    return samples
}

/// Median of all samples, and the lowest median of the rounds: on a shared machine other work only
/// ever adds time, so the best round is the steadier figure, and the one the ratio check uses.
func summarize(_ samples: [Double]) -> (median: Double, bestRound: Double) {
    func median(_ values: some Collection<Double>) -> Double { values.sorted()[values.count / 2] }
    let roundLength = max(1, samples.count / rounds)
    let roundMedians = stride(from: 0, to: samples.count, by: roundLength).map { median(samples[$0..<min($0 + roundLength, samples.count)]) }
    return (median(samples), roundMedians.min() ?? median(samples))
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024   // Linux reports kilobytes
}

var failed = false
var keyFrame120: [Int: Double] = [:]
for size in [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40)] {
    print("terminal \(size.columns)x\(size.rows)")
    var medians: [Int: Double] = [:]
    for (rows, samples) in zip(sizes, try nanosPerKey(sizes: sizes, terminal: size)) {
        let (median, bestRound) = summarize(samples)
        medians[rows] = bestRound
        if size.columns == 120 { keyFrame120[rows] = median }
        print(String(format: "  %7d rows: %8.1f µs per key+frame (median of %d; best round of %d: %.1f µs)",
                     rows, median / 1000, samples.count, rounds, bestRound / 1000))
    }
    let ratio = medians[sizes.last!]! / medians[sizes.first!]!
    print(String(format: "  ratio %d/%d rows: %.2f (allowed %.1f)", sizes.last!, sizes.first!, ratio, allowedRatio))
    if ratio > allowedRatio { failed = true }
}
print(String(format: "peak resident memory: %.0f MB", peakResidentMegabytes()))
if arguments.contains("--scale") {
    let small = keyFrame120[sizes.first!] ?? .nan, large = keyFrame120[sizes.last!] ?? .nan
    var scale = ScaleBenchmark()
    if let day = values(of: "--day").first { scale.day = day }
    do {
        print("")
        for line in try scale.run(keyFrame: (small, large)) { print(line) }
    } catch {
        print("scale benchmark failed: \(error)")
        failed = true
    }
}
if arguments.contains("--sandbox-scale") {
    var sandboxScale = SandboxScaleBenchmark()
    if let rows = values(of: "--sandbox-rows").first { sandboxScale.rows = rows }
    do {
        print("")
        for line in try sandboxScale.run(useepay: ScaleBenchmark().useepay) { print(line) }
    } catch {
        print("sandbox scale benchmark failed: \(error)")
        failed = true
    }
}
if failed {
    print("FAIL: key+frame cost grows with the number of loaded rows")
    exit(1)
}
