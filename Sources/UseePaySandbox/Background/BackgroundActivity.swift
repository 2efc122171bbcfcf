import Foundation
import GRDB

/// Tells waiters when the sandbox's background work (settling refunds and pending payments,
/// expiring sessions and authorisations, webhook attempts) may have changed, so tests and scripts
/// can wait for "idle" instead of sleeping and polling.
final class BackgroundActivity: Sendable {
    private let waiters = LockedValue<[UUID: CheckedContinuation<Void, Never>]>([:])

    /// Wakes every waiter; called after each worker pass and each finished webhook attempt.
    func changed() {
        let woken = waiters.withValue { current -> [CheckedContinuation<Void, Never>] in
            defer { current.removeAll() }
            return Array(current.values)
        }
        for continuation in woken { continuation.resume() }
    }

    /// Returns at the next `changed()`, or when the task is cancelled.
    func nextChange() async {
        let key = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled { continuation.resume(); return }
                waiters.withValue { $0[key] = continuation }
            }
        } onCancel: {
            let continuation = waiters.withValue { $0.removeValue(forKey: key) }
            continuation?.resume()
        }
    }
}

extension SandboxEngine {
    /// True when nothing is due on the sandbox clock and no webhook delivery is pending or in flight.
    func isIdle() async throws -> Bool {
        if let delivery = webhookDelivery, delivery.attemptsInFlight > 0 { return false }
        let now = self.now()
        let cutoff = now - options.authorizationLifetime.milliseconds
        return try await writer.read { db in
            try !(Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM webhook_deliveries WHERE status = 'pending')
                    OR EXISTS (SELECT 1 FROM refunds WHERE next_step_at IS NOT NULL AND next_step_at <= ?)
                    OR EXISTS (SELECT 1 FROM payment_intents WHERE settle_at IS NOT NULL AND settle_at <= ?)
                    OR EXISTS (SELECT 1 FROM payment_intents WHERE authorized_at IS NOT NULL AND authorized_at <= ? AND status = 'requires_capture')
                    OR EXISTS (SELECT 1 FROM subscriptions WHERE period_end IS NOT NULL AND period_end <= ?)
                    OR EXISTS (SELECT 1 FROM checkout_sessions WHERE status = 'open' AND expires_at <= ?)
                """, arguments: [now, now, cutoff, now, now]) ?? false)
        }
    }

    /// Waits until `isIdle`, re-checking whenever background work reports a change. Returns false
    /// if `timeout` passes first.
    func waitUntilIdle(timeout: Duration) async throws -> Bool {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    // Subscribe before checking, so a change between the check and the wait is not missed.
                    let change = Task { await self.activity.nextChange() }
                    if try await self.isIdle() { change.cancel(); return true }
                    await change.value
                }
                return false
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = try await group.next() ?? false
            group.cancelAll()
            return first
        }
    }
}
