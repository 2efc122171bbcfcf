import Foundation
import UseePay
import ConsoleCore
@testable import TerminalUI

/// Named states for the headless screen tests (and for printing the screens in the report).
enum ScreenScenarios {
    static let small = TerminalSize(columns: 80, rows: 24)
    static let large = TerminalSize(columns: 120, rows: 40)

    static func paymentsToday(_ size: TerminalSize) -> ConsoleState {
        ScreenFixtures.paymentsState(size: size)
    }

    static func captureDialog(mode: ConsoleMode, size: TerminalSize = small) -> ConsoleState {
        var state = ScreenFixtures.paymentsState(mode: mode, size: size)
        ScreenFixtures.press(&state, .char("A"))
        return state
    }

    static func capturing(size: TerminalSize = small) -> ConsoleState {
        var state = captureDialog(mode: .sandbox, size: size)
        ScreenFixtures.press(&state, KeyPress(.right), KeyPress(.enter))
        return state
    }

    static let sandboxDashboard = DashboardLinks(.template("http://127.0.0.1:8787/__sandbox/dashboard/{resource}/{id}"))

    static func paymentDetail(size: TerminalSize = small, dashboard: DashboardLinks = .none) -> ConsoleState {
        var state = ScreenFixtures.paymentsState(size: size)
        state.dashboard = dashboard
        ScreenFixtures.press(&state, .char("j"))
        let effects = reduce(&state, .key(KeyPress(.enter)))
        for effect in effects {
            switch effect {
            case .retrieve(let ref) where ref.kind == .customer:
                let customer = try! Customer(json: JSONValue.parse("""
                {"id": "\(ref.id)", "name": "김민지", "email": "minji.kim@example.kr", "phone": "+82-10-1234-5678", "merchant_customer_id": "M-7781", "create_at": "2026-10-02T03:04:05Z"}
                """))
                _ = reduce(&state, .effectResult(.retrieved(ref, .success(.customer(customer)))))
            case .load(let request):
                guard case .refunds = request.query else {
                    _ = reduce(&state, .effectResult(.loaded(request, .success(LoadedPage(objects: [], hasMore: false)))))
                    continue
                }
                let refund = try! Refund(json: JSONValue.parse("""
                {"id": "re_01JD90REFUND0001", "payment_intent_id": "pi_01JD8ZQ4K2KRW0002", "amount": 5000, "currency": "KRW", "status": "succeeded", "reason": "requested_by_customer", "create_at": "2026-11-21T14:00:00Z"}
                """))
                _ = reduce(&state, .effectResult(.loaded(request, .success(LoadedPage(objects: [.refund(refund)], hasMore: false)))))
            default: break
            }
        }
        return state
    }

    static func helpReadOnly(size: TerminalSize = small) -> ConsoleState {
        var state = ScreenFixtures.paymentsState(readOnly: true, size: size)
        ScreenFixtures.press(&state, .char("?"))
        return state
    }

    static func failedNextPage(size: TerminalSize = small) -> ConsoleState {
        var state = ScreenFixtures.paymentsState(size: size, hasMore: true)
        let effects = reduce(&state, .key(.char("G")))
        guard case .load(let request)? = effects.first else { fatalError("no page load") }
        _ = reduce(&state, .effectResult(.loaded(request, .failure(ConsoleFailure(message: "HTTP 502 from openapi (HTML page, not JSON)", suggestion: "try again shortly")))))
        return state
    }

    static func apiLog(size: TerminalSize = small) -> ConsoleState {
        var state = ScreenFixtures.paymentsState(size: size)
        let base = ScreenFixtures.now.addingTimeInterval(-60)
        _ = reduce(&state, .apiRequest(APILogEntry(startedAt: base, method: "GET", path: "/api/v1/payment_intents?page_num=0&page_size=50", statusCode: 200, latency: .milliseconds(84), errorSummary: nil)))
        _ = reduce(&state, .apiRequest(APILogEntry(startedAt: base.addingTimeInterval(5), method: "POST", path: "/api/v1/payment_intents/pi_01JD8ZQ4K2AUTH001/capture", statusCode: 400, latency: .milliseconds(41), errorSummary: "invalid_status")))
        _ = reduce(&state, .apiRequest(APILogEntry(startedAt: base.addingTimeInterval(9), method: "POST", path: "/api/v1/refunds/create", statusCode: nil, latency: .milliseconds(30000), errorSummary: "timeout (outcome unclear)")))
        ScreenFixtures.press(&state, .char(":"))
        for c in "log" { ScreenFixtures.press(&state, .char(c)) }
        ScreenFixtures.press(&state, KeyPress(.enter))
        return state
    }

    static func bulkCapture(size: TerminalSize = small) -> ConsoleState {
        var payments = ScreenFixtures.todaysPayments
        payments.append(ScreenFixtures.payment("pi_01JD8ZQ4K2AUTH006", status: "requires_capture", amount: "30000", currency: "KRW",
                                               name: "이서준", order: "ORD-10030", created: "2026-11-21T15:10:00Z", customerId: "cus_kor06"))
        var state = ScreenFixtures.paymentsState(size: size, payments: payments)
        // Mark the first row and the last (both authorised), then filter so only the first is shown.
        ScreenFixtures.press(&state, .char(" "), .char("G"), .char(" "), .char("/"), .char("1"), .char("0"), .char("0"), .char("2"), .char("3"), KeyPress(.enter), .char("A"))
        return state
    }
}
