import Foundation
import UseePay

/// Running figures over a set of payments, changed one payment at a time: `add` a payment's facts,
/// `remove` them again when the payment changes. Pure and exact; holds no objects and no ids.
/// It answers the summary line, `payments summary` and the glance screen alike.
public struct PaymentTally: Sendable, Hashable {
    /// Length of the time slots that attempts are counted in. Every time zone in use is offset from UTC
    /// by a multiple of 15 minutes, so quarter hours regroup into any zone's local hours exactly.
    public static let slotSeconds = 900

    public struct SlotCounts: Sendable, Hashable {
        public var attempts = 0
        public var successes = 0
        public init() {}
    }

    public private(set) var count = 0
    public private(set) var byStatus = KeyCounts()
    /// Captured (or, if the API gives no captured amount, the full) amount of succeeded payments.
    public private(set) var succeeded = MoneyTotals()
    /// Authorisations waiting for capture: count and amount per currency.
    public private(set) var awaitingCapture = MoneyTotals()
    public private(set) var declineCodes = KeyCounts()
    /// Payments turned down: failed, or sent back for another payment method with a decline.
    public private(set) var declined = 0
    /// Attempts and successes per quarter hour, keyed by seconds since 1970 divided by `slotSeconds`.
    public private(set) var slots: [Int: SlotCounts] = [:]

    public init() {}

    public var failed: Int { byStatus[PaymentIntentStatus.failed.rawValue] }
    public var succeededCount: Int { byStatus[PaymentIntentStatus.succeeded.rawValue] }

    /// Succeeded over attempts that reached an outcome (succeeded, failed or declined); nil before any.
    public var successRate: Decimal? {
        let decided = succeededCount + declined
        return decided == 0 ? nil : Decimal(succeededCount) / Decimal(decided)
    }

    public mutating func add(_ facts: PaymentFacts) { apply(facts, sign: 1) }
    public mutating func remove(_ facts: PaymentFacts) { apply(facts, sign: -1) }

    private mutating func apply(_ facts: PaymentFacts, sign: Int) {
        count += sign
        byStatus.add(facts.status.rawValue, sign)
        if let currency = facts.currency {
            if facts.status == .succeeded, let amount = facts.succeededAmount { succeeded.change(amount, currency, sign: sign) }
            if facts.status == .requiresCapture, let amount = facts.amount { awaitingCapture.change(amount, currency, sign: sign) }
        }
        if facts.isDeclined {
            declined += sign
            declineCodes.add(facts.declineCode ?? facts.status.rawValue, sign)
        }
        if let created = facts.createdAt {
            let key = Int((created.timeIntervalSince1970 / Double(Self.slotSeconds)).rounded(.down))
            var slot = slots[key] ?? SlotCounts()
            slot.attempts += sign
            if facts.status == .succeeded || facts.status == .requiresCapture { slot.successes += sign }
            slots[key] = slot.attempts <= 0 ? nil : slot
        }
    }

    /// Attempts and successes per local hour of `day` in `timeZone` (24 entries; 23 or 25 on a
    /// daylight-saving change day).
    public func hourly(day: CalendarDay, timeZone: TimeZone) -> [SlotCounts] {
        let start = day.start(in: timeZone)
        let end = day.adding(days: 1, timeZone: timeZone).start(in: timeZone)
        let hours = max(1, Int((end.timeIntervalSince(start) / 3600).rounded()))
        var result = Array(repeating: SlotCounts(), count: hours)
        let first = Int((start.timeIntervalSince1970 / Double(Self.slotSeconds)).rounded(.down))
        let slotsPerHour = 3600 / Self.slotSeconds
        for index in 0..<(hours * slotsPerHour) {
            guard let slot = slots[first + index] else { continue }
            result[index / slotsPerHour].attempts += slot.attempts
            result[index / slotsPerHour].successes += slot.successes
        }
        return result
    }

    /// Authorisations waiting, grouped by age. Needs the facts (ages are measured from each creation time).
    public static func waitingByAge(_ facts: some Sequence<PaymentFacts>, now: Date, lifetime: TimeInterval) -> [AuthorisationAge: MoneyTotals] {
        var groups: [AuthorisationAge: MoneyTotals] = [:]
        for fact in facts where fact.status == .requiresCapture {
            guard let currency = fact.currency, let amount = fact.amount, let created = fact.createdAt else { continue }
            for age in AuthorisationAge.groups(createdAt: created, now: now, lifetime: lifetime) {
                groups[age, default: MoneyTotals()].add(amount, currency)
            }
        }
        return groups
    }
}

/// How old an authorisation waiting for capture is. `expiresWithin24h` overlaps the others: it is
/// what the merchant must capture today or lose.
public enum AuthorisationAge: String, Sendable, Hashable, CaseIterable {
    case underOneDay = "today"
    case oneToThreeDays = "1-3 days"
    case threeToSixDays = "3-6 days"
    case older = "6+ days"
    case expiresWithin24h = "expires within 24 h"

    public static func groups(createdAt: Date, now: Date, lifetime: TimeInterval) -> [AuthorisationAge] {
        let age = now.timeIntervalSince(createdAt)
        let day: TimeInterval = 86_400
        var groups: [AuthorisationAge] = []
        switch age {
        case ..<day: groups.append(.underOneDay)
        case ..<(3 * day): groups.append(.oneToThreeDays)
        case ..<(6 * day): groups.append(.threeToSixDays)
        default: groups.append(.older)
        }
        if lifetime - age <= day { groups.append(.expiresWithin24h) }
        return groups
    }
}
