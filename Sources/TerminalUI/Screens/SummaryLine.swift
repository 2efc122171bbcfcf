import Foundation
import ConsoleCore
import UseePay

/// The line above the payments table: the whole range's figures, or how far the scan behind them is.
/// Partial figures always say "so far", so a merchant never reads them as the day's totals.
enum SummaryLine {
    static func render(_ s: PaymentSummary, format: ScreenFormat, width: Int) -> (text: String, role: ThemeRole) {
        switch s.progress {
        case .notStarted:
            return ("", .dim)
        case .summing(let counted):
            let head = "summing \(grouped(counted)) of \(s.scope)…"
            let full = head + " so far: " + figures(s, short: false)
            if TerminalText.width(full) <= width { return (full, .dim) }
            let short = head + " so far: " + figures(s, short: true)
            return (TerminalText.width(short) <= width ? short : head, .dim)
        case .stopped(let counted, let message):
            return ("summary stopped after \(grouped(counted)) payments: \(message) (ctrl-r retries)", .flashError)
        case .final(let asOf):
            let count = "\(grouped(s.count)) payments"
            let stamp = " · as of " + format.clock(asOf)
            let full = count + " · " + figures(s, short: false)
            if TerminalText.width(full + stamp) <= width { return (full + stamp, .normal) }
            if TerminalText.width(full) <= width { return (full, .normal) }
            return ("\(grouped(s.count)) pmts · " + figures(s, short: true), .normal)
        }
    }

    /// Succeeded volume, awaiting capture, failed, refunded; shorter labels when narrow.
    static func figures(_ s: PaymentSummary, short: Bool) -> String {
        let money = ScreenFormat.moneyList
        if short {
            let capture = "capture \(grouped(s.awaitingCaptureCount))" + (s.awaitingCapture.isEmpty ? "" : ": \(money(s.awaitingCapture))")
            return ["ok \(money(s.succeededVolume))", capture, "fail \(grouped(s.failedCount))", "ref \(money(s.refunded))"]
                .joined(separator: " · ")
        }
        let awaiting = s.awaitingCapture.isEmpty ? "" : " (\(money(s.awaitingCapture)))"
        return ["succeeded \(money(s.succeededVolume))", "awaiting capture \(grouped(s.awaitingCaptureCount))" + awaiting,
                "failed \(grouped(s.failedCount))", "refunded \(money(s.refunded))"].joined(separator: " · ")
    }

    /// 41200 -> "41,200".
    static func grouped(_ n: Int) -> String { RowCount.grouped(n) }
}
