import Foundation

/// Issue 10's sandbox targets: a release sandbox seeded with a million payment intents in a database
/// file (its default), then list reads over loopback by one curl on one kept-alive connection. The
/// yardstick, from the same curl on the same connection, is a 404 answer: what HTTP alone costs here.
struct SandboxScaleBenchmark {
    var rows = 1_000_000
    var reads = 41

    func run(useepay: String) throws -> [String] {
        let sandbox = try SandboxProcess(useepay: useepay, seed: rows, onDisk: true, envelope: "both")
        defer { sandbox.stop() }
        let seeding = sandbox.startup.milliseconds / 1000
        let base = sandbox.baseURL + "/api/v1/payment_intents?page_size=100"
        let lastPage = (rows + 99) / 100 - 1
        func timed(_ url: String) throws -> Double {
            let times = try sandbox.curlTimes(Array(repeating: url, count: reads))
            return median(Array(times.dropFirst()))   // the first pays for the connection
        }
        let yardstick = try timed(sandbox.baseURL + "/api/v1/no_such_resource")
        let first = try timed(base + "&page_num=0")
        let today = try timed(base + "&page_num=0&" + sandbox.todayQuery)
        let middle = try timed(base + "&page_num=\(lastPage / 2)")
        let deepest = try timed(base + "&page_num=\(lastPage)")
        let size = try FileManager.default.attributesOfItem(atPath: sandbox.home + "/sandbox.sqlite")[.size] as? Int ?? 0
        return [
            "sandbox seeded with \(grouped(rows)) payment intents in a database file (\(size / 1_000_000) MB), SDK list envelope, medians of \(reads - 1) reads by one curl on one connection (a 404 on it: \(String(format: "%.2f", yardstick)) ms)",
            "",
            "| measure | this run | target |",
            "|---|---|---|",
            "| seeding \(grouped(rows)) (start to listening) | \(String(format: "%.0f s", seeding)) | ≤ 180 s |",
            "| first page of 100, whole list (with `total`) | \(String(format: "%.2f ms", first)) | ≤ 5 ms |",
            "| first page of 100, today | \(String(format: "%.2f ms", today)) | ≤ 5 ms |",
            "| page \(grouped(lastPage / 2)) of 100 | \(String(format: "%.2f ms", middle)) | ≤ 50 ms |",
            "| last page (\(grouped(lastPage))) | \(String(format: "%.2f ms", deepest)) | ≤ 50 ms |",
        ]
    }
}
