/// Where one effective setting came from. `useepay config` prints it next to each value, because a stray
/// environment variable silently overriding the config file is a classic source of confusion.
enum SettingSource: Sendable, Equatable, CustomStringConvertible {
    case commandLine(String)
    case environment(String)
    case profile(name: String, path: String)
    case inProcessSandbox
    case system
    case builtInDefault

    var description: String {
        switch self {
        case .commandLine(let flag): "command line \(flag)"
        case .environment(let name): "environment \(name)"
        case .profile(let name, let path): "profile \"\(name)\" in \(path)"
        case .inProcessSandbox: "in-process sandbox (--sandbox)"
        case .system: "system"
        case .builtInDefault: "default"
        }
    }
}

/// A value together with where it came from.
struct Sourced<Value: Sendable>: Sendable {
    var value: Value
    var source: SettingSource

    init(_ value: Value, _ source: SettingSource) {
        self.value = value
        self.source = source
    }
}

extension Sourced: Equatable where Value: Equatable {}
