/// Opaque ids in the forms UseePay uses: 32 hex for payment intents and refunds, prefixed ids
/// elsewhere. A client must never parse them.
enum IdentifierFactory {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func hex<G: RandomNumberGenerator>(_ count: Int, using generator: inout G) -> String {
        var bytes = [UInt8](repeating: 0, count: count)
        var bits: UInt64 = 0
        for index in 0..<count {
            if index % 16 == 0 { bits = generator.next() }
            bytes[index] = hexDigits[Int(bits & 15)]
            bits >>= 4
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func make<G: RandomNumberGenerator>(_ kind: Kind, using generator: inout G) -> String {
        switch kind {
        case .paymentIntent, .refund: return hex(32, using: &generator)
        case .customer: return "cus_" + hex(20, using: &generator)
        case .subscription: return "sub_" + hex(20, using: &generator)
        case .invoice: return "inv_" + hex(20, using: &generator)
        case .webhookEndpoint: return "wek_" + hex(20, using: &generator)
        case .checkoutSession: return "cs_" + hex(24, using: &generator)
        case .mandate: return "man_" + hex(20, using: &generator)
        case .event: return "evt_" + hex(32, using: &generator)
        case .clientSecret: return hex(40, using: &generator)
        }
    }

    static func make(_ kind: Kind) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(kind, using: &generator)
    }

    enum Kind { case paymentIntent, refund, customer, subscription, invoice, webhookEndpoint, event, clientSecret, checkoutSession, mandate }
}

/// SplitMix64: tiny, fast and fully deterministic, so `--seed N` always yields the same data.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
