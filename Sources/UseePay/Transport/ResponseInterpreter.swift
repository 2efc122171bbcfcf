import Foundation
import NIOCore
import NIOHTTP1

/// Turns an HTTP status + body into JSON or a `UseePayError` (pure; no I/O).
enum ResponseInterpreter {
    static func interpret(status: Int, headers: HTTPHeaders, body: ByteBuffer, method: String, path: String,
                          apiKey: APIKey) throws -> JSONValue {
        let data = Data(body.readableBytesView)
        let parsed = try? JSONValue.parse(data)
        let snippet = { Self.snippet(data, apiKey: apiKey) }
        let clean = { (text: String?) in text.map { ErrorText.sanitise(apiKey.scrub($0), limit: 500) } }

        if (200...299).contains(status) {
            guard let parsed else {
                throw UseePayError(kind: .unexpectedBody, httpStatus: status,
                                   message: data.isEmpty ? "empty response body" : "response is not valid JSON",
                                   method: method, path: path, outcomeUnclear: method == "POST", bodySnippet: snippet())
            }
            // A 200 that carries only an error (no object) is a business failure (SPEC §5.2).
            if let object = parsed.objectValue, object["id"] == nil || object["id"] == .null,
               let code = object["code"]?.stringValue, !code.isEmpty,
               object["items"] == nil, object["data"] == nil {
                throw UseePayError(kind: .api, httpStatus: status, code: clean(code),
                                   message: clean(object["message"]?.stringValue),
                                   source: clean(object["source"]?.stringValue), method: method, path: path)
            }
            return parsed
        }

        let errorObject = parsed?.objectValue
        let code = clean(errorObject?["code"]?.stringValue)
        let message = clean(errorObject?["message"]?.stringValue ?? errorObject?["error"]?.stringValue)
        let source = clean(errorObject?["source"]?.stringValue)
        let isErrorJSON = errorObject != nil
        let bodySnippet = isErrorJSON ? nil : snippet()
        let retryAfter = headers.first(name: "Retry-After").flatMap(parseRetryAfter)

        let kind: UseePayError.Kind
        switch status {
        case 401, 403: kind = .authentication
        case 429: kind = .rateLimited
        case 500...599: kind = .server
        case 404: kind = isErrorJSON ? .notFound : .unexpectedBody
        default: kind = isErrorJSON ? .api : .unexpectedBody
        }
        // A gateway error to a POST may hide a change the API did make.
        let unclear = method == "POST" && (status == 502 || status == 504)
        var message_ = message
        if message_ == nil && !isErrorJSON {
            message_ = data.isEmpty ? "empty response body" : "response is not UseePay JSON"
        }
        throw UseePayError(kind: kind, httpStatus: status, code: code, message: message_, source: source,
                           retryAfter: retryAfter, method: method, path: path, outcomeUnclear: unclear,
                           bodySnippet: bodySnippet)
    }

    /// The start of a body, decoded leniently, control characters removed, ≤200 characters.
    static func snippet(_ data: Data, apiKey: APIKey) -> String {
        let text = String(decoding: data.prefix(2048), as: UTF8.self)
        return ErrorText.sanitise(apiKey.scrub(text), limit: 200)
    }

    /// Seconds ("120") or an HTTP date.
    static func parseRetryAfter(_ value: String) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed), seconds >= 0 { return .seconds(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        if let date = formatter.date(from: trimmed) {
            let delta = date.timeIntervalSinceNow
            return .milliseconds(Int(max(0, delta) * 1000))
        }
        return nil
    }
}
