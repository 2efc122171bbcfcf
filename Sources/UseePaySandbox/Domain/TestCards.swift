/// The sandbox's own card table (UseePay publishes none; see SPEC §9). Any other Luhn-valid number succeeds.
struct TestCard: Sendable {
    enum Outcome: Sendable, Equatable {
        case success
        /// `requires_customer_action` with a redirect to the sandbox's 3-D Secure page.
        case threeDSecure
        /// Stays `pending` until the settle delay passes, then succeeds.
        case pending
        /// Payment succeeds; every refund of it fails.
        case refundFails
        case decline(status: PaymentIntentStatus, code: String, declineCode: String?)
    }

    var number: String
    var brand: String
    var outcome: Outcome
    var summary: String

    static let success = "4111111111111111"
    static let threeDSecure = "4000000000003220"
    static let refundFailure = "4000000000005126"

    static let table: [TestCard] = [
        TestCard(number: success, brand: "visa", outcome: .success, summary: "Succeeds (requires_capture when auto_capture is false)"),
        TestCard(number: "5555555555554444", brand: "mastercard", outcome: .success, summary: "Succeeds (Mastercard)"),
        TestCard(number: threeDSecure, brand: "visa", outcome: .threeDSecure,
                 summary: "3-D Secure: requires_customer_action with next_action.redirect to the sandbox 3DS page"),
        TestCard(number: "4000000000000077", brand: "visa", outcome: .pending,
                 summary: "pending, then succeeded after the settle delay (or a clock advance)"),
        TestCard(number: refundFailure, brand: "visa", outcome: .refundFails, summary: "Succeeds; every refund of it ends failed"),
    ] + declines.map { number, status, code, declineCode in
        TestCard(number: number, brand: "visa", outcome: .decline(status: status, code: code, declineCode: declineCode),
                 summary: "\(status.rawValue), \(code)" + (declineCode.map { " / \($0)" } ?? ""))
    }

    /// The declining Visa cards: number, the status the payment ends in, `code` and `decline_code`.
    private static let declines: [(String, PaymentIntentStatus, String, String?)] = [
        ("4000000000000002", .requiresPaymentMethod, "card_declined", "transaction_not_allowed"),
        ("4000000000009995", .requiresPaymentMethod, "card_declined", "insufficient_funds"),
        ("4000000000000069", .requiresPaymentMethod, "card_declined", "expired_card"),
        ("4000000000000127", .requiresPaymentMethod, "card_declined", "incorrect_cvc"),
        ("4000000000000119", .requiresPaymentMethod, "processing_error", nil),
        ("4000000000009987", .failed, "card_declined", "lost_card"),
        ("4000000000009979", .failed, "card_declined", "stolen_card"),
        ("4100000000000019", .failed, "fraudulent", nil),
    ]

    static func lookup(_ number: String) -> TestCard {
        if let card = table.first(where: { $0.number == number }) { return card }
        let brand: String
        switch number.first {
        case "4": brand = "visa"
        case "5", "2": brand = "mastercard"
        case "3": brand = number.hasPrefix("34") || number.hasPrefix("37") ? "amex" : "jcb"
        default: brand = "unknown"
        }
        return TestCard(number: number, brand: brand, outcome: .success, summary: "")
    }

    static func passesLuhn(_ number: String) -> Bool {
        let digits = number.compactMap(\.wholeNumberValue)
        guard digits.count == number.count, (12...19).contains(digits.count) else { return false }
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            if offset % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }

    var json: SandboxJSON {
        var fields: Document = ["number": .string(number), "brand": .string(brand), "summary": .string(summary)]
        switch outcome {
        case .success, .refundFails: fields["status"] = .string("succeeded")
        case .threeDSecure: fields["status"] = .string("requires_customer_action")
        case .pending: fields["status"] = .string("pending")
        case .decline(let status, let code, let declineCode):
            fields["status"] = .string(status.rawValue)
            fields["code"] = .string(code)
            fields.set("decline_code", string: declineCode)
        }
        return .object(fields)
    }

    static func declineMessage(code: String, declineCode: String?) -> String {
        switch declineCode ?? code {
        case "insufficient_funds": "The card has insufficient funds."
        case "expired_card": "The card has expired."
        case "incorrect_cvc": "The card's security code is incorrect."
        case "lost_card": "The card was reported lost."
        case "stolen_card": "The card was reported stolen."
        case "transaction_not_allowed": "The card does not allow this transaction."
        case "fraudulent": "The payment was declined as suspected fraud."
        case "processing_error": "An error occurred while processing the card. Try again."
        case "payment_intent_authentication_failed": "The payer failed 3-D Secure authentication."
        default: "The card was declined."
        }
    }
}
