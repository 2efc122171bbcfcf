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
            let status: HTTPResponse.Status = self.lock.withLock {
                self.recorded.append(Delivery(headers: headers, body: Data(buffer.readableBytesView)))
                return self.scriptedStatuses.isEmpty ? .ok : self.scriptedStatuses.removeFirst()
            }
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

    /// Waits (bounded) until `count` deliveries arrived; the sandbox worker polls every 10 ms in tests.
    func waitFor(count: Int, timeout: Duration = .seconds(10), file: StaticString = #filePath, line: UInt = #line) async throws -> [Delivery] {
        let deadline = ContinuousClock.now + timeout
        while deliveries.count < count && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        XCTAssertGreaterThanOrEqual(deliveries.count, count, "webhook deliveries did not arrive", file: file, line: line)
        return deliveries
    }
}
