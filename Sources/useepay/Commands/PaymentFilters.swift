import ArgumentParser
import UseePay

/// The payment filters that `payments list` and `payments summary` share: their help and their checks.
enum PaymentFilters {
    static let statusHelp = ArgumentHelp(
        "Only this status; repeat for several. \(PaymentIntentStatus.knownCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "status")

    /// `--today` excludes `--since`/`--until`; every `--status` must be a known one (or `cancelled`).
    static func validate(today: Bool, range: CreatedRangeOptions, statuses: [String]) throws {
        if today && range.isGiven {
            throw ValidationError("--today cannot be combined with --since or --until")
        }
        let known = Set(PaymentIntentStatus.knownCases.map(\.rawValue)).union(["cancelled"])
        for status in statuses where !known.contains(status) {
            throw ValidationError("unknown status \"\(status)\"; use one of \(PaymentIntentStatus.knownCases.map(\.rawValue).joined(separator: ", "))")
        }
    }
}
