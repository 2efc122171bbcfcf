// Frame-cost benchmark: handling a key and rendering a frame must cost the same with 100 or
// 100,000 loaded rows, because both the reducer and the renderer work in proportion to the
// visible rows. Run in release:
//
//     swift run -c release useepay-benchmarks
//
// It prints the median cost per key+frame for each list size and the ratio between the largest
// and smallest; it exits non-zero when that ratio exceeds the allowed spread, so a regression to
// work proportional to the loaded rows is caught by a benchmark, not by a timed test.
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

func nanosPerKey(rows: Int, size: TerminalSize) throws -> [Double] {
    var state = ConsoleState(mode: .sandbox, size: size)
    state.payments.appendPage(try makePayments(count: rows), hasMore: false, page: 0)
    let keys: [KeyPress] = [.char("j"), .char("j"), .char("k"), KeyPress(.pageDown), KeyPress(.pageUp)]
    var samples: [Double] = []
    samples.reserveCapacity(keysPerRun)
    var sink = 0
    var onScreen = render(state, size: size)
    let clock = ContinuousClock()
    for index in 0..<keysPerRun {
        let key = keys[index % keys.count]
        let elapsed = clock.measure {
            _ = reduce(&state, .key(key))
            // As the run loop does: draw, then compare with the frame on screen to decide whether to present.
            let frame = render(state, size: size)
            sink &+= frame != onScreen ? 2 : 1
            onScreen = frame
        }
        samples.append(Double(elapsed.components.attoseconds) / 1e9 + Double(elapsed.components.seconds) * 1e9)
    }
    precondition(sink > 0)
    return samples
}

/// Median of all samples, and the lowest median of five consecutive rounds: on a shared machine other
/// work only ever adds time, so the best round is the steadier figure, and the one the ratio check uses.
func summarize(_ samples: [Double]) -> (median: Double, bestRound: Double) {
    func median(_ values: some Collection<Double>) -> Double { values.sorted()[values.count / 2] }
    let roundLength = max(1, samples.count / 5)
    let rounds = stride(from: 0, to: samples.count, by: roundLength).map { median(samples[$0..<min($0 + roundLength, samples.count)]) }
    return (median(samples), rounds.min() ?? median(samples))
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024   // Linux reports kilobytes
}

var failed = false
for size in [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40)] {
    print("terminal \(size.columns)x\(size.rows)")
    var medians: [Int: Double] = [:]
    for rows in sizes {
        let (median, bestRound) = summarize(try nanosPerKey(rows: rows, size: size))
        medians[rows] = bestRound
        print(String(format: "  %7d rows: %8.1f µs per key+frame (median of %d; best round of 5: %.1f µs)",
                     rows, median / 1000, keysPerRun, bestRound / 1000))
    }
    let ratio = medians[sizes.last!]! / medians[sizes.first!]!
    print(String(format: "  ratio %d/%d rows: %.2f (allowed %.1f)", sizes.last!, sizes.first!, ratio, allowedRatio))
    if ratio > allowedRatio { failed = true }
}
print(String(format: "peak resident memory: %.0f MB", peakResidentMegabytes()))
if failed {
    print("FAIL: key+frame cost grows with the number of loaded rows")
    exit(1)
}
