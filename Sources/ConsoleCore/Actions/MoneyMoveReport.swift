import Foundation
import UseePay

/// What a finished move reports, from what the server says now rather than what was asked for. The
/// console's flash and the scripts' result line use the same words.
public enum MoneyMoveReport {
    /// "Captured 12.50 USD on pi_… — now succeeded".
    public static func done(_ request: ActionRequest, _ object: ConsoleObject) -> String {
        switch object {
        case .payment(let p):
            switch request.action {
            case .capture:
                let amount = p.capturedMoney ?? p.money
                return "Captured \(amount?.formatted() ?? "") on \(p.id) — now \(p.status.rawValue)"
            default:
                return "Cancelled \(p.id) — now \(p.status.rawValue)"
            }
        case .refund(let r):
            return "Refund \(r.id) of \(r.money?.formatted() ?? "?") on \(r.paymentIntentId ?? request.objectId) — \(r.status.rawValue)"
        case .subscription(let s):
            if s.status == .cancelled { return "Subscription \(s.id) cancelled" }
            if s.cancelAtPeriodEnd == true { return "Subscription \(s.id) will cancel at period end" }
            return "Subscription \(s.id) — now \(s.status.rawValue)"
        case .customer(let c):
            return "\(request.action.verb) done on \(c.id)"
        case .billing(let b):
            return "\(request.action.verb) done on \(b.ref.id)"
        }
    }

    /// What a check found when the move did not happen: "still requires_capture", or for a refund that no
    /// refund carries the request id.
    public static func notHappened(_ request: ActionRequest, _ object: ConsoleObject?) -> String {
        switch object {
        case .payment(let p)?: return "still \(p.status.rawValue)"
        case .subscription(let s)?: return "still \(s.status.rawValue)"
        default: return "no refund with request id \(request.consoleRequestId)"
        }
    }
}
