/// Holds every request of one client while the server has asked it to wait (429 / 503 Retry-After):
/// a bulk run then sends its next request when the server is ready for it, instead of collecting a 429
/// per id. Waits only ever move later, never earlier.
actor RateLimitGate {
    private var openAt: ContinuousClock.Instant?

    func hold(for wait: Duration) {
        let until = ContinuousClock.now + wait
        if let current = openAt, current >= until { return }
        openAt = until
    }

    /// Returns at once unless a hold is in force; throws `CancellationError` when the task is cancelled.
    func waitUntilOpen() async throws {
        while let until = openAt {
            if ContinuousClock.now >= until {
                openAt = nil
                return
            }
            try await Task.sleep(until: until, clock: .continuous)
        }
    }
}
