import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Hummingbird context that keeps the connection, so the drop-after-commit fault can hang up.
struct SandboxRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// One entry point for every request: `/api/v1/…` (authenticated, fault injection applies),
/// `/__sandbox/…` (admin, never faulted), anything else 404.
struct SandboxResponder: HTTPResponder {
    typealias Context = SandboxRequestContext
    let engine: SandboxEngine

    static let maximumBodySize = 1 << 20

    func respond(to request: Request, context: SandboxRequestContext) async throws -> Response {
        let path = request.uri.path
        let components = path.split(separator: "/", omittingEmptySubsequences: true).map { String($0).removingPercentEncoding ?? String($0) }
        do {
            if components.count >= 2, components[0] == "api", components[1] == "v1" {
                return try await respondToAPI(request, path: Array(components.dropFirst(2)), context: context)
            }
            if components.first == "__sandbox" {
                return try await AdminAPI(engine: engine).respond(to: request, path: Array(components.dropFirst()))
            }
            throw APIError.routeNotFound(request.method.rawValue, path)
        } catch let error as APIError {
            return Self.json(error.json, status: error.status)
        } catch {
            engine.logger.error("internal error", metadata: ["error": "\(error)"])
            return Self.json(APIError(status: .internalServerError, code: "internal_error", message: "the sandbox hit an internal error", source: nil).json,
                             status: .internalServerError)
        }
    }

    private func respondToAPI(_ request: Request, path: [String], context: SandboxRequestContext) async throws -> Response {
        let faults = engine.faults.current
        if faults.latency > .zero || faults.latencyJitter > .zero {
            let jitter = faults.latencyJitter > .zero ? Int64.random(in: 0...faults.latencyJitter.milliseconds) : 0
            try await Task.sleep(for: faults.latency + .milliseconds(jitter))
        }
        guard let merchant = engine.authenticate(
            merchantNo: request.headers[HTTPField.Name("x-merchant-no")!],
            apiKey: request.headers[HTTPField.Name("x-api-key")!],
            appId: request.headers[HTTPField.Name("x-app-id")!])
        else { throw APIError.unauthorized }

        if let injected = Self.injectedFailure(faults) { return injected }

        var mutableRequest = request
        let bodyBuffer = try await mutableRequest.collectBody(upTo: Self.maximumBodySize)
        var body: SandboxJSON?
        if bodyBuffer.readableBytes > 0 {
            do { body = try SandboxJSON.parse(Data(bodyBuffer.readableBytesView)) } catch {
                throw APIError.invalidArgument(nil, "the request body is not valid JSON (\(error))")
            }
        }
        let apiRequest = APIRequest(method: request.method, path: path, query: Self.queryItems(request.uri.query ?? ""),
                                    body: body, merchant: merchant)
        let result = try await engine.handle(apiRequest)
        if result.committedChange, faults.dropAfterCommitRate > 0, Double.random(in: 0..<1) < faults.dropAfterCommitRate {
            // The change is committed; the client never hears about it. This is the "unclear outcome" case.
            try? await context.channel.close()
        }
        if let raw = result.rawBody {
            var bytes = ByteBuffer(bytes: raw)
            bytes.writeInteger(UInt8(ascii: "\n"))
            return Self.body(bytes, status: result.status, slowChunkDelay: faults.slowBodyChunkDelay)
        }
        return Self.text(result.json.serialized(), status: result.status, slowChunkDelay: faults.slowBodyChunkDelay)
    }

    static func injectedFailure(_ faults: FaultOptions) -> Response? {
        if faults.rate500 > 0, Double.random(in: 0..<1) < faults.rate500 {
            return json(APIError(status: .internalServerError, code: "internal_error",
                                 message: "injected fault: internal server error", source: nil).json, status: .internalServerError)
        }
        if faults.rate502HTML > 0, Double.random(in: 0..<1) < faults.rate502HTML {
            let html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n"
            return Response(status: .badGateway, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: html)))
        }
        if faults.rate429 > 0, Double.random(in: 0..<1) < faults.rate429 {
            var response = json(APIError(status: .tooManyRequests, code: "rate_limited",
                                         message: "injected fault: too many requests", source: nil).json, status: .tooManyRequests)
            response.headers[.retryAfter] = String(faults.retryAfterSeconds)
            return response
        }
        return nil
    }

    static func json(_ value: SandboxJSON, status: HTTPResponse.Status, slowChunkDelay: Duration = .zero) -> Response {
        text(value.serialized(), status: status, slowChunkDelay: slowChunkDelay)
    }

    /// `json` is serialised JSON text.
    static func text(_ json: String, status: HTTPResponse.Status, slowChunkDelay: Duration = .zero) -> Response {
        body(ByteBuffer(string: json + "\n"), status: status, slowChunkDelay: slowChunkDelay)
    }

    /// `bytes` is serialised JSON text ending in a newline.
    static func body(_ bytes: ByteBuffer, status: HTTPResponse.Status, slowChunkDelay: Duration = .zero) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        headers[HTTPField.Name("x-useepay-sandbox")!] = "true"
        guard slowChunkDelay > .zero else {
            return Response(status: status, headers: headers, body: .init(byteBuffer: bytes))
        }
        let length = bytes.readableBytes
        return Response(status: status, headers: headers, body: ResponseBody(contentLength: length) { writer in
            var remaining = bytes
            while remaining.readableBytes > 0 {
                let chunk = remaining.readSlice(length: min(64, remaining.readableBytes))!
                try await writer.write(chunk)
                try await Task.sleep(for: slowChunkDelay)
            }
            try await writer.finish(nil)
        })
    }

    /// Keeps repeated parameters (`status=a&status=b`) in order; `+` means space.
    static func queryItems(_ query: String) -> [(String, String)] {
        query.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            guard let name = parts.first, !name.isEmpty else { return nil }
            return (decode(name), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}
