import Foundation

/// Finds themes: the built-in ones compiled into the binary, and the user's
/// own `*.toml` files in a directory the executable passes in
/// (`$XDG_CONFIG_HOME/useepay/themes`). A user theme with a built-in's name
/// replaces it.
public struct ThemeLoader: Sendable {
    public let userDirectory: String?

    public init(userDirectory: String?) {
        self.userDirectory = userDirectory
    }

    public static var builtInNames: [String] { BuiltInThemeSources.all.map(\.name) }

    /// A built-in theme by name. The built-ins are checked by tests, so they always parse.
    public static func builtIn(_ name: String) -> Theme? {
        guard let source = BuiltInThemeSources.all.first(where: { $0.name == name }) else { return nil }
        return try? ThemeParser.parse(source.text, name: name, file: "(built-in) \(name).toml") { baseName in
            baseName == name ? nil : builtIn(baseName)
        }
    }

    public static var defaultTheme: Theme { builtIn("default")! }
    /// Attributes only: what NO_COLOR and --no-color use.
    public static var monochrome: Theme { builtIn("monochrome")! }

    /// Built-in names plus the user's, sorted, without duplicates.
    public func availableThemes() -> [String] {
        Array(Set(Self.builtInNames + userThemeFiles().map(\.name))).sorted()
    }

    /// Loads a theme; a user file wins over a built-in of the same name.
    public func load(named name: String) throws(ThemeError) -> Theme {
        try load(named: name, visiting: [])
    }

    private func load(named name: String, visiting: Set<String>) throws(ThemeError) -> Theme {
        if !visiting.contains(name), let file = userThemeFiles().first(where: { $0.name == name }) {
            let text: String
            do {
                text = try String(contentsOfFile: file.path, encoding: .utf8)
            } catch {
                throw ThemeError(file: file.path, line: nil, key: nil, message: "cannot be read: \(error.localizedDescription)")
            }
            return try ThemeParser.parse(text, name: name, file: file.path) { baseName in
                // A base chain that loops back ends at the built-in of that name.
                (try? load(named: baseName, visiting: visiting.union([name]))) ?? Self.builtIn(baseName)
            }
        }
        if let theme = Self.builtIn(name) { return theme }
        throw ThemeError(file: userDirectory.map { "\($0)/\(name).toml" } ?? "\(name).toml", line: nil, key: nil,
                         message: "no theme named \"\(name)\" (available: \(availableThemes().joined(separator: ", ")))")
    }

    /// Loads a theme, or the default with the error to show the merchant.
    public func loadOrDefault(named name: String) -> (theme: Theme, error: ThemeError?) {
        do {
            return (try load(named: name), nil)
        } catch {
            return (Self.defaultTheme, error)
        }
    }

    private func userThemeFiles() -> [(name: String, path: String)] {
        guard let directory = userDirectory,
              let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return entries.filter { $0.hasSuffix(".toml") }.sorted().map {
            (name: String($0.dropLast(5)), path: (directory as NSString).appendingPathComponent($0))
        }
    }
}
