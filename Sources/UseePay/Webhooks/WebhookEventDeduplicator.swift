import Foundation

/// Remembers recently seen webhook event ids so a redelivered event is handled once.
/// Bounded: the oldest ids are forgotten after `capacity` newer ones (UseePay redelivers
/// for about two hours, so a few thousand ids cover a busy merchant).
public actor WebhookEventDeduplicator {
    private let capacity: Int
    private var seen: Set<String> = []
    private var order: [String] = []
    private var head = 0

    public init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
    }

    /// True the first time an id is seen; false for a repeat delivery.
    public func isFirstDelivery(of event: WebhookEvent) -> Bool {
        isFirst(id: event.id)
    }

    public func isFirst(id: String) -> Bool {
        guard !seen.contains(id) else { return false }
        seen.insert(id)
        if order.count < capacity {
            order.append(id)
        } else {
            seen.remove(order[head])
            order[head] = id
            head = (head + 1) % capacity
        }
        return true
    }
}
