import TerminalUI
import UseePay

/// Maps a client error to the documented exit status and a message for stderr.
enum FailureClassifier {
    static func status(for error: UseePayError) -> ExitStatus {
        if error.outcomeUnclear { return .outcomeUnclear }
        switch error.kind {
        case .authentication: return .configuration
        case .transport: return .networkUnreachable
        case .server, .unexpectedBody:
            // A gateway page means UseePay itself was not reached.
            if let status = error.httpStatus, [502, 503, 504].contains(status) { return .networkUnreachable }
            return .apiRefused
        case .api, .notFound, .rateLimited: return .apiRefused
        }
    }

    static func failure(_ error: Error, doing what: String? = nil) -> CommandFailure {
        if let failure = error as? CommandFailure { return failure }
        let prefix = what.map { $0 + ": " } ?? ""
        guard let apiError = error as? UseePayError else {
            return CommandFailure(.apiRefused, prefix + TerminalText.sanitize("\(error)"))
        }
        let status = status(for: apiError)
        var message = prefix + TerminalText.sanitize(apiError.description)
        if status == .configuration {
            message += "\nThe API key, merchant number or app id was not accepted. " + apiError.recoverySuggestion
        } else {
            message += "\n" + apiError.recoverySuggestion
        }
        return CommandFailure(status, message)
    }
}
