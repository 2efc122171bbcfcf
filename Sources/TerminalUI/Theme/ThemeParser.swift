import TOMLKit

/// Reads the theme TOML format (see Themes/README.md).
public enum ThemeParser {
    static let topLevelKeys: Set<String> = ["name", "description", "base", "roles"]
    static let styleKeys: Set<String> = ["fg", "bg", "attributes"]
    static let attributeNames: [String: CellAttributes] = [
        "bold": .bold, "reverse": .reverse, "underline": .underline, "dim": .dim,
    ]

    /// Parses one theme. Roles the file leaves out come from its `base` theme
    /// (by default "default"), looked up with `base`.
    public static func parse(
        _ text: String, name: String, file: String, base: (String) -> Theme?
    ) throws(ThemeError) -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(file: file, line: error.source.begin.line, key: nil, message: "not valid TOML: \(error.description)")
        } catch {
            throw ThemeError(file: file, line: nil, key: nil, message: "not valid TOML: \(error)")
        }
        func fail(_ key: String, _ message: String) -> ThemeError {
            ThemeError(file: file, line: KeyLocator.line(of: key, in: text), key: key, message: message)
        }
        for key in table.keys where !topLevelKeys.contains(key) {
            throw fail(key, "unknown key (expected one of: \(topLevelKeys.sorted().joined(separator: ", ")))")
        }
        var description = ""
        if let value = table["description"] {
            guard let text = value.string else { throw fail("description", "must be a string") }
            description = text
        }
        var styles: [ThemeRole: ThemeStyle] = [:]
        var baseName = "default"
        if let value = table["base"] {
            guard let text = value.string else { throw fail("base", "must be a theme name in quotes") }
            baseName = text
        }
        if let baseTheme = base(baseName) {
            styles = baseTheme.styles
        } else if table["base"] != nil || baseName != name {
            throw fail("base", "no theme named \"\(baseName)\"")
        }
        guard let rolesValue = table["roles"] else {
            throw ThemeError(file: file, line: nil, key: "roles", message: "missing [roles] table")
        }
        guard let roles = rolesValue.table else { throw fail("roles", "must be a table") }
        for roleName in roles.keys {
            let key = "roles.\(roleName)"
            guard let role = ThemeRole(rawValue: roleName) else {
                throw fail(key, "unknown role (known roles: \(ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let entry = roles[roleName]?.table else {
                throw fail(key, "must be a table like { fg = \"red\", bg = \"default\", attributes = [\"bold\"] }")
            }
            styles[role] = try parseStyle(entry, key: key, inherited: styles[role], fail: fail)
        }
        let missing = ThemeRole.allCases.filter { styles[$0] == nil }
        if !missing.isEmpty {
            throw ThemeError(file: file, line: nil, key: "roles",
                             message: "no style for: \(missing.map(\.rawValue).joined(separator: ", "))")
        }
        return Theme(name: name, description: description, styles: styles)
    }

    private static func parseStyle(
        _ entry: TOMLTable, key: String, inherited: ThemeStyle?, fail: (String, String) -> ThemeError
    ) throws(ThemeError) -> ThemeStyle {
        for field in entry.keys where !styleKeys.contains(field) {
            throw fail("\(key).\(field)", "unknown key (expected fg, bg, attributes)")
        }
        var style = inherited ?? .plain
        if let value = entry["fg"] { style.foreground = try parseColor(value, key: "\(key).fg", fail: fail) }
        if let value = entry["bg"] { style.background = try parseColor(value, key: "\(key).bg", fail: fail) }
        if let value = entry["attributes"] {
            guard let array = value.array else {
                throw fail("\(key).attributes", "must be a list such as [\"bold\", \"reverse\"]")
            }
            var attributes: CellAttributes = []
            for item in array {
                guard let name = item.string, let attribute = attributeNames[name.lowercased()] else {
                    throw fail("\(key).attributes", "unknown attribute \(item) (use bold, reverse, underline, dim)")
                }
                attributes.insert(attribute)
            }
            style.attributes = attributes
        }
        return style
    }

    private static func parseColor(
        _ value: TOMLValueConvertible, key: String, fail: (String, String) -> ThemeError
    ) throws(ThemeError) -> ThemeColor {
        if let index = value.int {
            guard (0...255).contains(index) else { throw fail(key, "colour index \(index) is outside 0-255") }
            return .indexed(index)
        }
        if let name = value.string {
            guard let color = ThemeColor(name: name) else {
                throw fail(key, "unknown colour \"\(name)\" (use default, an ANSI name like red or bright-blue, 0-255, or #rrggbb)")
            }
            return color
        }
        throw fail(key, "colour must be a name in quotes, a number 0-255 or \"#rrggbb\"")
    }
}

/// Finds the line a dotted key is written on. TOMLKit does not report
/// positions of valid values, and a theme error is useless without a line.
enum KeyLocator {
    static func line(of dottedKey: String, in text: String) -> Int? {
        var table: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: " \t\r")
            if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
                let inside = line[line.index(after: line.startIndex)..<close].trimmingCharacters(in: "[] \t")
                table = inside.split(separator: ".").map { $0.trimmingCharacters(in: " \t\"") }
                if table.joined(separator: ".") == dottedKey { return index + 1 }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: " \t\"")
            let full = (table + [key]).joined(separator: ".")
            if full == dottedKey { return index + 1 }
            // Inline table on this line: { fg = "red", bg = … }
            if dottedKey.hasPrefix(full + "."), let open = line.firstIndex(of: "{") {
                let field = String(dottedKey.dropFirst(full.count + 1))
                let inline = line[line.index(after: open)...]
                for part in inline.split(separator: ",") {
                    let name = part.split(separator: "=").first?.trimmingCharacters(in: " \t\"{}") ?? ""
                    if name == field { return index + 1 }
                }
            }
        }
        return nil
    }
}

private extension StringProtocol {
    func trimmingCharacters(in characters: String) -> String {
        let set = Set(characters)
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
