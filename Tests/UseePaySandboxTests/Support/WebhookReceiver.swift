import Foundation
import Hummingbird
import XCTest

/// A tiny Hummingbird app on a free loopback port that records webhook deliveries and answers
/// with the status codes the test scripts (then 200).
final class WebhookReceiver: @unchecked Sendable {
    struct Delivery: Sendable {
        var headers: [String: String]
        var body: Data
    }

    private let lock = NSLock()
    private var recorded: [Delivery] = []
    private var scriptedStatuses: [HTTPResponse.Status]
    private var task: Task<Void, any Error>?
    /// Waiters for a number of deliveries, resumed as deliveries arrive.
    private var waiters: [UUID: (count: Int, continuation: CheckedContinuation<Void, Never>)] = [:]
    private(set) var url = ""

    init(failFirst statuses: [HTTPResponse.Status] = []) { scriptedStatuses = statuses }

    var deliveries: [Delivery] { lock.withLock { recorded } }

    func start() async throws {
        let router = Router()
        router.post("hook") { request, _ -> Response in
            var request = request
            let buffer = try await request.collectBody(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let (status, ready): (HTTPResponse.Status, [CheckedContinuation<Void, Never>]) = self.lock.withLock {
                self.recorded.append(Delivery(headers: headers, body: Data(buffer.readableBytesView)))
                let readyKeys = self.waiters.filter { $0.value.count <= self.recorded.count }.map(\.key)
                let ready = readyKeys.compactMap { self.waiters.removeValue(forKey: $0)?.continuation }
                return (self.scriptedStatuses.isEmpty ? .ok : self.scriptedStatuses.removeFirst(), ready)
            }
            for continuation in ready { continuation.resume() }
            return Response(status: status)
        }
        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) })
        task = Task { try await app.run() }
        var iterator = portStream.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        url = "http://127.0.0.1:\(port)/hook"
    }

    func stop() async {
        task?.cancel()
        _ = await task?.result
    }

    /// Waits until `count` deliveries arrived (woken by each arrival), failing after `timeout`.
    func waitFor(count: Int, timeout: Duration = .seconds(10), file: StaticString = #filePath, line: UInt = #line) async throws -> [Delivery] {
        let key = UUID()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let arrived = self.lock.withLock { () -> Bool in
                        if self.recorded.count >= count { return true }
                        self.waiters[key] = (count, continuation)
                        return false
                    }
                    if arrived { continuation.resume() }
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                // Time is up (or the deliveries came and this was cancelled): release the waiter either way.
                self.lock.withLock { self.waiters.removeValue(forKey: key) }?.continuation.resume()
            }
            await group.next()
            group.cancelAll()
        }
        XCTAssertGreaterThanOrEqual(deliveries.count, count, "webhook deliveries did not arrive", file: file, line: line)
        return deliveries
    }
}
