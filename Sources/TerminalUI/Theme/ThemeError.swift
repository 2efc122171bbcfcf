/// A theme file that cannot be used, with where the problem is, so the
/// merchant can fix it: "~/.config/useepay/themes/mine.toml, line 7, key
/// roles.header.fg: unknown colour \"purpel\"".
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var key: String?
    public var message: String

    public init(file: String, line: Int?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        var parts = ["theme file \(file)"]
        if let line { parts.append("line \(line)") }
        if let key { parts.append("key \(key)") }
        return parts.joined(separator: ", ") + ": " + message
    }
}
