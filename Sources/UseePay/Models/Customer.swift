import Foundation

/// A customer. Its descriptive fields (`name`, `email`, `address`, ...) are in `fields` and read as its own.
public struct Customer: UseePayObject, FieldsHolder, Identifiable {
    public let id: String
    public let fields: CustomerFields
    public let stamp: ObjectStamp
    public let raw: JSONValue
}

extension Customer {
    public init(json: JSONValue) throws {
        let r = try JSONObjectReader(json, what: "customer")
        try self.init(id: r.requiredID(what: "customer"), fields: CustomerFields(json: json), stamp: ObjectStamp(r), raw: json)
    }
}
