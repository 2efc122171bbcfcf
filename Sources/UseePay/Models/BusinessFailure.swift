import Foundation

/// The fields in which the API reports a business failure inside an HTTP 200 body (SPEC §5.2):
/// `code` (e.g. `card_declined`), `message`, and on payments and invoices also `source`,
/// `decline_code` and `doc_url`. All are absent when nothing failed.
public struct BusinessFailure: Sendable, Hashable {
    public let code: String?
    public let message: String?
    public let source: String?
    public let declineCode: String?
    public let docUrl: String?

    init(_ r: JSONObjectReader) {
        code = r.string("code")
        message = r.string("message")
        source = r.string("source")
        declineCode = r.string("decline_code")
        docUrl = r.string("doc_url")
    }

    /// `code: decline_code: message`, of those present; nil when none is.
    var joinedParts: String? {
        let parts = [code, declineCode, message].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ": ")
    }
}

/// An API object that can carry a `BusinessFailure`; its fields read as the object's own.
public protocol ReportsBusinessFailure {
    var failure: BusinessFailure { get }
}

extension ReportsBusinessFailure {
    public var code: String? { failure.code }
    public var message: String? { failure.message }
    public var source: String? { failure.source }
    public var declineCode: String? { failure.declineCode }
    public var docUrl: String? { failure.docUrl }
}
