import Foundation
import UseePay

/// Owns the state, feeds events to `reduce`, runs the effects it returns and feeds their answers back.
/// `waitUntilIdle()` returns when no effect is running and no event is queued: tests and the UI loop
/// wait on it instead of sleeping. Scheduled refresh timers do not count as work.
public actor ConsoleStore {
    public private(set) var state: ConsoleState
    private let perform: @Sendable (ConsoleEffect) async -> [ConsoleEvent]
    private let clock: @Sendable () -> Date
    private let onTerminalEffect: @Sendable (ConsoleEffect) -> Void
    private let work = WorkCounter()
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []
    private var refreshTimer: Task<Void, Never>?
    private var subscribers: [Int: AsyncStream<ConsoleState>.Continuation] = [:]
    private var nextSubscriber = 0
    public private(set) var quitRequested = false
    /// Every effect the reducer asked for, in order (for tests and diagnostics; capped).
    public private(set) var effectLog: [ConsoleEffect] = []
    /// Events from outside (keys, resizes, API log lines) pass through one ordered queue and one consumer:
    /// a task per event could run them out of order, and typed text (an amount, `yes`) must arrive as typed.
    private let inbox: AsyncStream<ConsoleEvent>.Continuation

    /// - Parameters:
    ///   - perform: runs one effect (normally `EffectRunner.run`).
    ///   - onTerminalEffect: receives `.copyToClipboard` and `.quit`, which only the terminal can do.
    public init(state: ConsoleState,
                perform: @escaping @Sendable (ConsoleEffect) async -> [ConsoleEvent],
                clock: @escaping @Sendable () -> Date = { Date() },
                onTerminalEffect: @escaping @Sendable (ConsoleEffect) -> Void = { _ in }) {
        self.state = state
        self.perform = perform
        self.clock = clock
        self.onTerminalEffect = onTerminalEffect
        let (events, inbox) = AsyncStream<ConsoleEvent>.makeStream()
        self.inbox = inbox
        // The consumer ends when stop() finishes the inbox (or the store goes away).
        Task { [weak self] in
            for await event in events {
                guard let self else { return }
                await self.send(event)
                await self.finishWork()
            }
        }
    }

    public init(state: ConsoleState, runner: EffectRunner, clock: @escaping @Sendable () -> Date = { Date() },
                onTerminalEffect: @escaping @Sendable (ConsoleEffect) -> Void = { _ in }) {
        self.init(state: state, perform: { await runner.run($0) }, clock: clock, onTerminalEffect: onTerminalEffect)
    }

    /// Opens the start screen and settles what an earlier session left unfinished in the journal.
    public func start(journal: (any ActionJournal)? = nil) async {
        send(.started)
        guard let journal else { return }
        do {
            let unfinished = try await journal.unfinishedEntries()
            if !unfinished.isEmpty { send(.journalRecovered(unfinished)) }
        } catch {
            send(.effectResult(.journalFailed("could not read the journal: \(error)")))
        }
    }

    public func send(_ event: ConsoleEvent) {
        state.now = clock()
        let effects = reduce(&state, event)
        for subscriber in subscribers.values { subscriber.yield(state) }
        for effect in effects { launch(effect) }
        resumeIdleWaitersIfIdle()
    }

    public var isIdle: Bool { work.value == 0 }

    public func waitUntilIdle() async {
        if work.value == 0 { return }
        await withCheckedContinuation { idleWaiters.append($0) }
    }

    /// A stream of states, one per processed event. The UI loop draws the newest and skips the rest.
    public func states() -> AsyncStream<ConsoleState> {
        let (stream, continuation) = AsyncStream<ConsoleState>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.yield(state)
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    private func unsubscribe(_ id: Int) { subscribers[id] = nil }

    public func stop() {
        inbox.finish()
        refreshTimer?.cancel()
        refreshTimer = nil
        for subscriber in subscribers.values { subscriber.finish() }
        subscribers.removeAll()
    }

    /// An event from outside the store's own effects (the client's request observer), counted as work
    /// from the moment it is announced so `waitUntilIdle` cannot return before it is processed.
    public nonisolated func sendCounted(_ event: ConsoleEvent) {
        work.increment()
        if case .terminated = inbox.yield(event) { work.decrement() }  // stopped: nothing will process it
    }

    private func finishWork() {
        work.decrement()
        resumeIdleWaitersIfIdle()
    }

    private func launch(_ effect: ConsoleEffect) {
        if effectLog.count > 2000 { effectLog.removeFirst(1000) }
        effectLog.append(effect)
        switch effect {
        case .scheduleRefresh(let seconds):
            refreshTimer?.cancel()
            refreshTimer = Task { [weak self] in
                try? await Task.sleep(for: .seconds(seconds))
                guard !Task.isCancelled else { return }
                await self?.send(.refreshTick)
            }
        case .cancelRefresh:
            refreshTimer?.cancel()
            refreshTimer = nil
        case .quit:
            quitRequested = true
            onTerminalEffect(effect)
        case .copyToClipboard(let text):
            onTerminalEffect(effect)
            send(.clipboardCopied(text))
        case .load, .retrieve, .send, .settle, .journal:
            work.increment()
            let perform = self.perform
            Task {
                let events = await perform(effect)
                await self.deliver(events)
            }
        }
    }

    private func deliver(_ events: [ConsoleEvent]) {
        for event in events { send(event) }
        work.decrement()
        resumeIdleWaitersIfIdle()
    }

    private func resumeIdleWaitersIfIdle() {
        guard work.value == 0, !idleWaiters.isEmpty else { return }
        let waiters = idleWaiters
        idleWaiters.removeAll()
        for waiter in waiters { waiter.resume() }
    }
}

/// Counts outstanding work; readable without hopping onto the actor.
final class WorkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
    func decrement() { lock.withLock { count -= 1 } }
}

/// Connects the client's request observer to a store created after the client.
/// Pass `observer` to `UseePayClient(requestObserver:)`, then `attach` the store.
public final class APIRequestRelay: @unchecked Sendable {
    private let lock = NSLock()
    private weak var store: ConsoleStore?

    public init() {}

    public func attach(_ store: ConsoleStore) { lock.withLock { self.store = store } }

    /// Holds the relay strongly (the client keeps the closure); the relay holds the store weakly.
    public var observer: @Sendable (APIRequestRecord) -> Void {
        { record in
            guard let store = self.lock.withLock({ self.store }) else { return }
            store.sendCounted(.apiRequest(APILogEntry(record)))
        }
    }
}
