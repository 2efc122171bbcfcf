import Foundation
import GRDB

/// A stored object: its wire fields (`doc`, non-null values only) plus indexed columns kept beside it.
typealias Document = [String: SandboxJSON]

extension Database {
    func loadDocument(_ kind: ResourceKind, id: String, merchantNo: String) throws -> Document? {
        guard let text = try String.fetchOne(
            self, sql: "SELECT doc FROM \(kind.table) WHERE id = ? AND merchant_no = ?", arguments: [id, merchantNo])
        else { return nil }
        return try Self.decodeDocument(text)
    }

    static func decodeDocument(_ text: String) throws -> Document {
        guard case .object(let fields) = try SandboxJSON.parse(text) else { return [:] }
        return fields
    }

    static func decodeDocument(bytes text: Data) throws -> Document {
        guard case .object(let fields) = try SandboxJSON.parse(text) else { return [:] }
        return fields
    }

    func insertDocument(_ kind: ResourceKind, _ doc: Document, columns: [String: (any DatabaseValueConvertible)?]) throws {
        var names = ["doc"]
        var values: [(any DatabaseValueConvertible)?] = [SandboxJSON.object(doc).serialized()]
        for (name, value) in columns {
            names.append(name)
            values.append(value)
        }
        let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
        try execute(sql: "INSERT INTO \(kind.table) (\(names.joined(separator: ", "))) VALUES (\(placeholders))",
                    arguments: StatementArguments(values))
    }

    func updateDocument(_ kind: ResourceKind, id: String, _ doc: Document, columns: [String: (any DatabaseValueConvertible)?] = [:]) throws {
        var assignments = ["doc = ?"]
        var values: [(any DatabaseValueConvertible)?] = [SandboxJSON.object(doc).serialized()]
        for (name, value) in columns {
            assignments.append("\(name) = ?")
            values.append(value)
        }
        values.append(id)
        try execute(sql: "UPDATE \(kind.table) SET \(assignments.joined(separator: ", ")) WHERE id = ?",
                    arguments: StatementArguments(values))
    }
}

extension Document {
    func string(_ key: String) -> String? { self[key]?.stringValue }

    /// Sets a value, treating `nil` and JSON null alike as "absent" (rendered as null).
    mutating func set(_ key: String, _ value: SandboxJSON?) {
        if let value, !value.isNull { self[key] = value } else { removeValue(forKey: key) }
    }

    mutating func set(_ key: String, string value: String?) {
        set(key, value.map(SandboxJSON.string))
    }
}
