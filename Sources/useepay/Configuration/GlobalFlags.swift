/// The command-line settings that take part in configuration resolution (parsed by ArgumentParser elsewhere).
struct GlobalFlags: Sendable, Equatable {
    var profile: String?
    var sandbox = false
    var readOnly = false
    var theme: String?
    var refreshSeconds: Int?
    var logFile: String?
    var logLevel: String?
}
