import Hummingbird

/// Every error the sandbox answers with has the documented flat shape `{code, message, source}`.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var source: String?

    var json: SandboxJSON {
        .object(["code": .string(code), "message": .string(message), "source": source.map(SandboxJSON.string) ?? .null])
    }

    static func fieldRequired(_ field: String) -> APIError {
        APIError(status: .badRequest, code: "field_required", message: "\(field) is required", source: field)
    }

    static func invalidArgument(_ field: String?, _ message: String) -> APIError {
        APIError(status: .badRequest, code: "invalid_argument", message: message, source: field)
    }

    static func invalidStatus(_ message: String) -> APIError {
        APIError(status: .badRequest, code: "invalid_status", message: message, source: "status")
    }

    static func notFound(_ what: String, id: String, source: String? = nil) -> APIError {
        APIError(status: .notFound, code: "resource_not_found", message: "\(what) \(id) not found", source: source)
    }

    static let unauthorized = APIError(
        status: .unauthorized, code: "unauthorized",
        message: "x-merchant-no, x-api-key and x-app-id must match the sandbox credentials", source: nil)

    static func routeNotFound(_ method: String, _ path: String) -> APIError {
        APIError(status: .notFound, code: "resource_not_found", message: "no route for \(method) \(path)", source: nil)
    }
}
