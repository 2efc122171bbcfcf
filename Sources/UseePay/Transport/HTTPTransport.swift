import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

enum HTTPMethodName: String, Sendable {
    case get = "GET"
    case post = "POST"

    var nio: HTTPMethod { self == .get ? .GET : .POST }
}

/// The one place that talks HTTP: headers, timeouts, retries, error mapping, request records.
final class HTTPTransport: Sendable {
    static let userAgent = "useepay/\(UseePayVersion.current)"

    let configuration: UseePayConfiguration
    let http: HTTPClient
    let logger: Logger
    let observer: (@Sendable (APIRequestRecord) -> Void)?
    private let baseURLText: String
    private let rateLimitGate = RateLimitGate()

    init(configuration: UseePayConfiguration, logger: Logger, observer: (@Sendable (APIRequestRecord) -> Void)?) {
        self.configuration = configuration
        self.logger = logger
        self.observer = observer
        var base = configuration.environment.baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURLText = base
        // On loopback a connect succeeds at once or is refused; AsyncHTTPClient retries refused
        // connects until the connect timeout, so keep that short there ("is the sandbox running?" fast).
        let isLoopback = configuration.environment.baseURL.host.map(LoopbackHost.isLoopback) ?? false
        let connectTimeout = isLoopback ? min(configuration.connectTimeout, .milliseconds(500)) : configuration.connectTimeout
        var httpConfiguration = HTTPClient.Configuration(
            timeout: .init(connect: connectTimeout.timeAmount, read: configuration.readTimeout.timeAmount))
        // Redirects could carry the API key headers to another host; the API never redirects.
        httpConfiguration.redirectConfiguration = .disallow
        httpConfiguration.httpVersion = .http1Only
        self.http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: httpConfiguration)
    }

    func shutdown() async throws {
        do {
            try await http.shutdown()
        } catch let error as HTTPClientError where error == .alreadyShutdown {
            // shutting down twice is harmless
        }
    }

    /// Sends one logical request and returns the JSON body. A request the server did not process (429,
    /// 503 with Retry-After) is sent again after the wait it asks for, whatever its method; other failures
    /// are retried for GETs only (see `RetryPolicy`).
    func send(_ method: HTTPMethodName, path: String, query: [(String, String)] = [], body: WireJSON? = nil) async throws -> JSONValue {
        let pathWithQuery = path + Self.queryString(query)
        let bodyText = body?.serialized()
        var attempt = 1
        var ordinaryRetries = 0
        var rateLimitRetries = 0
        var rateLimitWaited = Duration.zero
        while true {
            try await rateLimitGate.waitUntilOpen()
            do {
                return try await sendOnce(method, pathWithQuery: pathWithQuery, body: bodyText, attempt: attempt)
            } catch let failed as FailedAttempt {
                let error = failed.error
                var record = failed.record
                if let wait = rateLimitWait(for: error, retriesSoFar: rateLimitRetries, waitedSoFar: rateLimitWaited) {
                    // Every request of this client waits it out, so a bulk run paces itself (held before the
                    // notice goes out, so nothing sent after the notice can slip through).
                    await rateLimitGate.hold(for: wait)
                    record.retryingIn = wait
                    report(record)
                    logger.notice("not processed by the server; sending again", metadata: [
                        "method": "\(method.rawValue)", "path": "\(pathWithQuery)", "status": "\(error.httpStatus ?? 0)",
                        "attempt": "\(attempt + 1)", "wait": "\(wait)"])
                    rateLimitRetries += 1
                    rateLimitWaited += wait
                    attempt += 1
                    continue
                }
                report(record)
                guard method == .get, ordinaryRetries + 1 < configuration.retry.maxAttempts,
                      let delay = retryDelay(for: error, retry: ordinaryRetries + 1) else {
                    throw error
                }
                logger.debug("retrying", metadata: ["method": "\(method.rawValue)", "path": "\(pathWithQuery)",
                                                    "attempt": "\(attempt + 1)", "delay": "\(delay)"])
                try await Task.sleep(for: delay)
                ordinaryRetries += 1
                attempt += 1
            }
        }
    }

    /// How long to wait before sending again a request the server says it did not process (429, or 503 with
    /// Retry-After); nil when it is not such an answer or the wait would pass the policy's bounds.
    private func rateLimitWait(for error: UseePayError, retriesSoFar: Int, waitedSoFar: Duration) -> Duration? {
        let policy = configuration.retry
        let notProcessed = error.kind == .rateLimited || (error.httpStatus == 503 && error.retryAfter != nil)
        guard notProcessed, !error.outcomeUnclear, retriesSoFar < policy.rateLimitRetries else { return nil }
        let wait = error.retryAfter ?? policy.backoff(beforeRetry: retriesSoFar + 1)
        guard wait <= policy.maxRetryAfter, waitedSoFar + wait <= policy.maxRateLimitWait else { return nil }
        return wait
    }

    /// nil = do not retry this error (GETs only; rate limits are handled above).
    private func retryDelay(for error: UseePayError, retry: Int) -> Duration? {
        let policy = configuration.retry
        switch error.kind {
        case .server:
            if let after = error.retryAfter, after <= policy.maxRetryAfter { return after }
            return policy.backoff(beforeRetry: retry)
        case .transport:
            // AsyncHTTPClient already keeps retrying a connection until the connect timeout, so a
            // failure to connect (refused, DNS, TLS, connect timeout) is final.
            return error.requestMayHaveBeenSent ? policy.backoff(beforeRetry: retry) : nil
        default:
            return nil
        }
    }

    private func sendOnce(_ method: HTTPMethodName, pathWithQuery: String, body: String?, attempt: Int) async throws -> JSONValue {
        var request = HTTPClientRequest(url: baseURLText + pathWithQuery)
        request.method = method.nio
        request.headers.add(name: "x-merchant-no", value: configuration.merchantNo)
        request.headers.add(name: "x-api-key", value: configuration.apiKey.headerValue)
        request.headers.add(name: "x-app-id", value: configuration.appId)
        if let version = configuration.apiVersion, !version.isEmpty {
            request.headers.add(name: "x-api-version", value: version)
        }
        request.headers.add(name: "User-Agent", value: Self.userAgent)
        request.headers.add(name: "Accept", value: "application/json")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        } else if method == .post {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: "{}"))
        }

        let startedAt = Date()
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = configuration.connectTimeout + configuration.readTimeout * 2

        var status: Int?
        var headers = HTTPHeaders()
        let bytes: ByteBuffer
        do {
            let response = try await http.execute(request, timeout: deadline.timeAmount, logger: logger)
            status = Int(response.status.code)
            headers = response.headers
            bytes = try await response.body.collect(upTo: configuration.maxResponseBytes)
        } catch {
            if error is CancellationError || (error as? HTTPClientError) == .cancelled {
                record(startedAt, method, pathWithQuery, status, clock.now - start, "cancelled", attempt)
                throw CancellationError()
            }
            let mapped: UseePayError
            if error is NIOTooManyBytesError {
                mapped = UseePayError(kind: .unexpectedBody, httpStatus: status,
                                      message: "response larger than \(configuration.maxResponseBytes) bytes",
                                      method: method.rawValue, path: pathWithQuery, outcomeUnclear: method == .post)
            } else {
                let c = ErrorClassifier.classify(error)
                var error = UseePayError(kind: .transport, httpStatus: status, transportFailure: c.failure,
                                         method: method.rawValue, path: pathWithQuery,
                                         outcomeUnclear: method == .post && c.mayHaveBeenSent)
                error.requestMayHaveBeenSent = c.mayHaveBeenSent
                mapped = error
            }
            logger.debug("request failed", metadata: ["method": "\(method.rawValue)", "path": "\(pathWithQuery)",
                                                      "error": "\(mapped.description)"])
            throw FailedAttempt(error: mapped, record: makeRecord(startedAt, method, pathWithQuery, status, clock.now - start,
                                                                  mapped.description, attempt))
        }

        let latency = clock.now - start
        let statusCode = status ?? 0
        do {
            let json = try ResponseInterpreter.interpret(
                status: statusCode, headers: headers, body: bytes, method: method.rawValue, path: pathWithQuery,
                apiKey: configuration.apiKey)
            record(startedAt, method, pathWithQuery, statusCode, latency, nil, attempt)
            logger.debug("request", metadata: ["method": "\(method.rawValue)", "path": "\(pathWithQuery)",
                                               "status": "\(statusCode)", "latency": "\(latency)"])
            return json
        } catch let error as UseePayError {
            logger.debug("request failed", metadata: ["method": "\(method.rawValue)", "path": "\(pathWithQuery)",
                                                      "status": "\(statusCode)", "error": "\(error.description)"])
            throw FailedAttempt(error: error, record: makeRecord(startedAt, method, pathWithQuery, statusCode, latency,
                                                                 error.description, attempt))
        }
    }

    private func record(_ startedAt: Date, _ method: HTTPMethodName, _ path: String, _ status: Int?, _ latency: Duration,
                        _ summary: String?, _ attempt: Int) {
        report(makeRecord(startedAt, method, path, status, latency, summary, attempt))
    }

    private func makeRecord(_ startedAt: Date, _ method: HTTPMethodName, _ path: String, _ status: Int?, _ latency: Duration,
                            _ summary: String?, _ attempt: Int) -> APIRequestRecord {
        APIRequestRecord(startedAt: startedAt, method: method.rawValue, path: path, statusCode: status,
                         latency: latency, errorSummary: summary, attempt: attempt)
    }

    private func report(_ record: APIRequestRecord) {
        observer?(record)
    }

    private static let queryAllowed: CharacterSet = {
        var set = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:")
        set.remove(charactersIn: "+&=#")
        return set
    }()

    static func queryString(_ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return "" }
        return "?" + items.map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? name) + "="
                + (value.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? "")
        }.joined(separator: "&")
    }

    /// An id as one path segment: percent-encoded so it can never add segments (`../`) or a query.
    static func segment(_ id: String, method: String, resource: String) throws -> String {
        guard let segment = URLPathSegment.encode(id.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw UseePayError(kind: .api, code: "invalid_argument", message: "The \(resource) id is empty or invalid.",
                               source: "id", method: method, path: "/api/v1/\(resource)s/…")
        }
        return segment
    }
}

/// One attempt that failed, with its request record (sent to the observer once the retry decision is made,
/// so the record can say "retrying in N s").
struct FailedAttempt: Error {
    var error: UseePayError
    var record: APIRequestRecord
}

/// Text (an object id) as exactly one URL path segment: everything but the unreserved characters is
/// percent-encoded, so it can never add segments, a query or a fragment. Nil for "", "." and "..",
/// which a browser or server would read as a path step rather than a name.
public enum URLPathSegment {
    private static let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    public static func encode(_ text: String) -> String? {
        guard !text.isEmpty, text != ".", text != ".." else { return nil }
        return text.addingPercentEncoding(withAllowedCharacters: allowed)
    }
}

extension Duration {
    var timeAmount: TimeAmount {
        let c = components
        return .nanoseconds(c.seconds * 1_000_000_000 + c.attoseconds / 1_000_000_000)
    }
}

public enum UseePayVersion {
    public static let current = "0.1.0"
}
