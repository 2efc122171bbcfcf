import AsyncHTTPClient
import Foundation
import Logging

/// An async client for the UseePay Open API (V2, paths under `/api/v1/`).
///
/// One instance keeps one connection pool; call `shutdown()` when done. GETs are retried on
/// transport errors, 5xx and 429 per `configuration.retry`; POSTs are never retried.
public final class UseePayClient: Sendable, CustomStringConvertible {
    public let configuration: UseePayConfiguration
    let transport: HTTPTransport
    let logger: Logger

    public init(configuration: UseePayConfiguration, logger: Logger = Logger(label: "useepay.client"),
                requestObserver: (@Sendable (APIRequestRecord) -> Void)? = nil) throws {
        try configuration.validate()
        self.configuration = configuration
        self.logger = logger
        self.transport = HTTPTransport(configuration: configuration, logger: logger, observer: requestObserver)
    }

    /// Closes pooled connections. The client must not be used afterwards.
    public func shutdown() async throws {
        try await transport.shutdown()
    }

    deinit {
        // AsyncHTTPClient traps in debug builds if its client is released without shutdown;
        // a forgotten shutdown() here should leak nothing and crash nothing.
        transport.http.shutdown { _ in }
    }

    public var description: String { "UseePayClient(\(configuration))" }

    // MARK: - Shared plumbing

    func object<T: UseePayObject>(_ type: T.Type, _ method: HTTPMethodName, _ path: String,
                                  body: WireJSON? = nil) async throws -> T {
        let json = try await transport.send(method, path: path, body: body)
        do {
            return try T(json: json)
        } catch {
            throw UseePayError(kind: .unexpectedBody, httpStatus: 200, message: String(describing: error),
                               method: method.rawValue, path: path, outcomeUnclear: method == .post,
                               bodySnippet: ErrorText.sanitise(configuration.apiKey.scrub(json.jsonText), limit: 200))
        }
    }

    func page<T: UseePayObject>(_ type: T.Type, _ path: String, _ query: some ListQuery) async throws -> Page<T> {
        let items = query.queryItems()
        let json = try await transport.send(.get, path: path, query: items)
        let fullPath = path + HTTPTransport.queryString(items)
        let array: [JSONValue]
        let hasMore: Bool
        var total: Int?
        switch json {
        case .array(let a):
            array = a
            hasMore = false
        case .object(let o):
            guard let a = (o["items"] ?? o["data"])?.arrayValue else {
                throw UseePayError(kind: .unexpectedBody, httpStatus: 200, message: "list response has neither \"items\" nor \"data\"",
                                   method: "GET", path: fullPath,
                                   bodySnippet: ErrorText.sanitise(configuration.apiKey.scrub(json.jsonText), limit: 200))
            }
            array = a
            hasMore = o["has_more"]?.boolValue ?? false
            total = o["total"]?.intValue.flatMap { $0 >= 0 ? $0 : nil }
        default:
            throw UseePayError(kind: .unexpectedBody, httpStatus: 200, message: "list response is not a JSON object",
                               method: "GET", path: fullPath)
        }
        var decoded: [T] = []
        decoded.reserveCapacity(array.count)
        var skipped = 0
        for element in array {
            if let item = try? T(json: element) { decoded.append(item) } else { skipped += 1 }
        }
        if skipped > 0 {
            logger.warning("skipped list items that are not valid objects",
                           metadata: ["path": "\(fullPath)", "skipped": "\(skipped)"])
        }
        return Page(items: decoded, hasMore: hasMore, pageNum: query.window.pageNum, total: total)
    }

    func autoPaging<T: UseePayObject & Identifiable, Q: ListQuery>(_ query: Q, maxPages: Int,
                                                                   list: @escaping @Sendable (Q) async throws -> Page<T>) -> AutoPagingSequence<T> where T.ID: Sendable {
        let start = query.window.pageNum
        return AutoPagingSequence(firstPage: start, maxPages: maxPages) { pageNum in
            var q = query
            q.window.pageNum = pageNum
            return try await list(q)
        }
    }

    func path(_ resource: String, _ id: String, _ suffix: String = "", method: HTTPMethodName) throws -> String {
        let segment = try HTTPTransport.segment(id, method: method.rawValue, resource: String(resource.dropLast()))
        return "/api/v1/\(resource)/\(segment)" + suffix
    }
}
