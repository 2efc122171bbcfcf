import Foundation

/// Whose an object is and when it was made and last changed: the fields every API object carries,
/// read in one place so the older and newer names (`create_at`, `created_at`, `created`) are listed once.
public struct ObjectStamp: Sendable, Hashable {
    public let merchantNo: String?
    public let appId: String?
    public let createAt: Date?
    public let modifyAt: Date?

    init(_ r: JSONObjectReader) {
        merchantNo = r.string("merchant_no")
        appId = r.string("app_id")
        createAt = r.date("create_at", "created_at", "created")
        modifyAt = r.date("modify_at", "updated_at")
    }
}
