import Foundation
import UseePay

/// Count and sum per currency, kept exact under adding and taking away (`Decimal`, never `Double`).
/// A currency whose count drops to zero disappears, so a figure never shows "USD 0.00" left behind
/// by an object that moved to another bucket.
public struct MoneyTotals: Sendable, Hashable {
    public struct Bucket: Sendable, Hashable {
        public var count: Int
        public var sum: Decimal
    }

    public private(set) var buckets: [CurrencyCode: Bucket] = [:]

    public init() {}

    public var count: Int { buckets.values.reduce(0) { $0 + $1.count } }
    public var isEmpty: Bool { buckets.isEmpty }

    /// Sums by currency code, alphabetically (stable output for screens and scripts).
    public var sums: [Money] {
        buckets.keys.sorted { $0.code < $1.code }.map { Money(amount: buckets[$0]!.sum, currency: $0) }
    }

    public func count(of currency: CurrencyCode) -> Int { buckets[currency]?.count ?? 0 }
    public func sum(of currency: CurrencyCode) -> Decimal { buckets[currency]?.sum ?? 0 }

    public mutating func add(_ amount: Decimal, _ currency: CurrencyCode) {
        var bucket = buckets[currency] ?? Bucket(count: 0, sum: 0)
        bucket.count += 1
        bucket.sum += amount
        buckets[currency] = bucket
    }

    /// Adds (`sign` 1) or takes away (`sign` -1) one object's amount.
    public mutating func change(_ amount: Decimal, _ currency: CurrencyCode, sign: Int) {
        if sign > 0 { add(amount, currency) } else { remove(amount, currency) }
    }

    public mutating func remove(_ amount: Decimal, _ currency: CurrencyCode) {
        guard var bucket = buckets[currency] else { return }
        bucket.count -= 1
        bucket.sum -= amount
        buckets[currency] = bucket.count <= 0 ? nil : bucket
    }
}

/// A plain counter per key (status words, decline codes) that forgets keys that drop to zero.
public struct KeyCounts: Sendable, Hashable {
    public private(set) var counts: [String: Int] = [:]

    public init() {}

    public subscript(key: String) -> Int { counts[key] ?? 0 }

    public mutating func add(_ key: String, _ delta: Int = 1) {
        let value = (counts[key] ?? 0) + delta
        counts[key] = value <= 0 ? nil : value
    }

    /// Highest counts first, ties alphabetically.
    public func top(_ n: Int) -> [(key: String, count: Int)] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(n).map { (key: $0.key, count: $0.value) }
    }
}
