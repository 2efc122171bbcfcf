import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// One request as the loopback test server received it.
struct RecordedRequest: Sendable {
    var method: String
    /// Path including the raw query string, as sent on the wire.
    var target: String
    /// Header names lowercased; repeated headers joined with ", ".
    var headers: [String: String]
    var body: String
    /// The client's TCP port: equal ports on consecutive requests mean a reused connection.
    var clientPort: Int?

    var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }
    var query: String? {
        let parts = target.split(separator: "?", maxSplits: 1)
        return parts.count == 2 ? String(parts[1]) : nil
    }
    /// Query items in order, percent-decoded.
    var queryItems: [(String, String)] {
        (query ?? "").split(separator: "&").map { pair in
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(kv[0]).removingPercentEncoding ?? String(kv[0])
            let value = kv.count > 1 ? (String(kv[1]).removingPercentEncoding ?? String(kv[1])) : ""
            return (name, value)
        }
    }
}

struct ScriptedResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: String
    /// Wait this long before answering (to provoke client read timeouts).
    var delay: Duration?

    init(status: Int = 200, headers: [(String, String)] = [("Content-Type", "application/json")], body: String,
         delay: Duration? = nil) {
        self.status = status; self.headers = headers; self.body = body; self.delay = delay
    }

    static func json(_ body: String, status: Int = 200, delay: Duration? = nil) -> ScriptedResponse {
        ScriptedResponse(status: status, body: body, delay: delay)
    }
}

/// A real HTTP server (Hummingbird) on 127.0.0.1 with an ephemeral port that records every request
/// and answers from a script. `index` is the 0-based number of the request.
final class RecordingServer: Sendable {
    typealias Script = @Sendable (_ request: RecordedRequest, _ index: Int) async -> ScriptedResponse

    let baseURL: URL
    private let recorded: NIOLockedValueBox<[RecordedRequest]>
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(baseURL: URL, recorded: NIOLockedValueBox<[RecordedRequest]>, group: ServiceGroup, task: Task<Void, any Error>) {
        self.baseURL = baseURL; self.recorded = recorded; self.group = group; self.task = task
    }

    var requests: [RecordedRequest] { recorded.withLockedValue { $0 } }
    var requestCount: Int { recorded.withLockedValue { $0.count } }

    static func start(_ script: @escaping Script) async throws -> RecordingServer {
        let recorded = NIOLockedValueBox<[RecordedRequest]>([])
        let responder = CallbackResponder<ConnectionAwareContext> { request, context in
            var request = request
            let bodyBuffer = try await request.collectBody(upTo: 4 * 1024 * 1024)
            var headers: [String: String] = [:]
            for field in request.headers {
                let name = field.name.canonicalName.lowercased()
                headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
            }
            let record = RecordedRequest(method: request.method.rawValue, target: request.head.path ?? "/",
                                         headers: headers, body: String(buffer: bodyBuffer), clientPort: context.clientPort)
            let index = recorded.withLockedValue { list in
                list.append(record)
                return list.count - 1
            }
            let scripted = await script(record, index)
            if let delay = scripted.delay { try? await Task.sleep(for: delay) }
            var fields = HTTPFields()
            for (name, value) in scripted.headers {
                if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
            }
            return Response(status: .init(code: scripted.status), headers: fields,
                            body: .init(byteBuffer: ByteBuffer(string: scripted.body)))
        }
        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "test-server")
        logger.logLevel = .critical
        let app = Application(responder: responder,
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in
                                  portContinuation.yield(channel.localAddress?.port ?? 0)
                                  portContinuation.finish()
                              },
                              logger: logger)
        // Run in a service group and stop it gracefully, as the sandbox does: cancelling `run()` could
        // drop a connection accepted a moment before, whose channel NIO then traps on in debug builds
        // ("Deinited NIOAsyncWriter without calling finish()"), taking the whole test run down.
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task { try await group.run() }
        var port = 0
        for await p in portStream { port = p }
        guard port > 0 else { task.cancel(); throw TestServerError.noPort }
        return RecordingServer(baseURL: URL(string: "http://127.0.0.1:\(port)")!, recorded: recorded, group: group, task: task)
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }
}

enum TestServerError: Error { case noPort }

/// A request context that remembers which client connection the request came on.
struct ConnectionAwareContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let clientPort: Int?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientPort = source.channel.remoteAddress?.port
    }
}
