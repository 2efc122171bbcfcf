/// The exit statuses of every useepay command. Scripts branch on these, so they never change meaning.
enum ExitStatus: Int32, Sendable, CaseIterable {
    case success = 0
    /// The API answered and refused (validation, wrong state, not found). Its message is printed.
    case apiRefused = 1
    /// The command line was wrong, or a confirmation could not be asked for.
    case usage = 2
    /// A change was sent but no answer came back, and it could not be settled: it may or may not have happened.
    case outcomeUnclear = 3
    /// Configuration or credentials problem (missing key, rejected key, bad config file, read-only profile).
    case configuration = 4
    /// The service could not be reached (connection refused, DNS, timeout before anything was sent).
    case networkUnreachable = 5

    static let helpText = """
        EXIT STATUS:
          0  success
          1  the API refused the request (its message is printed)
          2  usage error; also: confirmation needed but no terminal and no --yes
          3  outcome unclear: sent, no answer, and checking afterwards failed
          4  configuration or credentials problem; also: read-only refusal
          5  network unreachable
        """
}

/// A failure that carries its exit status and a message meant for a person.
struct CommandFailure: Error, Sendable, CustomStringConvertible {
    var status: ExitStatus
    var message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    var description: String { message }
}
