import Foundation
import UseePay

/// Owns the state, feeds events to `reduce`, runs the effects it returns and feeds their answers back.
///
/// Every event — keys, resizes, API log lines, effect results, refresh ticks, clipboard acknowledgements,
/// start-up — enters through `enqueue` and passes one ordered inbox with one consumer, so a request's log
/// line and its outcome reach the reducer in the order they happened, and typed text arrives as typed.
/// `waitUntilIdle()` returns when no effect is running and no event is queued: tests and the UI loop
/// wait on it instead of sleeping. Scheduled refresh timers do not count as work.
public actor ConsoleStore {
    public private(set) var state: ConsoleState
    private let perform: @Sendable (ConsoleEffect) async -> [ConsoleEvent]
    private let clock: @Sendable () -> Date
    private var onTerminalEffect: @Sendable (ConsoleEffect) -> Void = { _ in }
    private var onState: @Sendable (ConsoleState) -> Void = { _ in }
    private let work = WorkCounter()
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []
    private var refreshTimer: Task<Void, Never>?
    private let inbox: AsyncStream<ConsoleEvent>.Continuation

    /// - Parameters:
    ///   - perform: runs one effect (normally `EffectRunner.run`).
    ///   - relay: the client's request observer, if any; the store attaches itself so API log lines enter the inbox.
    public init(state: ConsoleState,
                perform: @escaping @Sendable (ConsoleEffect) async -> [ConsoleEvent],
                relay: APIRequestRelay? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.state = state
        self.perform = perform
        self.clock = clock
        let (events, inbox) = AsyncStream<ConsoleEvent>.makeStream()
        self.inbox = inbox
        // The consumer ends when stop() finishes the inbox (or the store goes away).
        Task { [weak self] in
            for await event in events {
                guard let self else { return }
                await self.process(event)
            }
        }
        relay?.attach(self)
    }

    public init(state: ConsoleState, runner: EffectRunner, relay: APIRequestRelay? = nil, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.init(state: state, perform: { await runner.run($0) }, relay: relay, clock: clock)
    }

    /// Connects a front end: `onState` gets each new state (and the current one at once); `onTerminalEffect`
    /// gets `.copyToClipboard` and `.quit`, which only the terminal can do.
    public func connect(onState: @escaping @Sendable (ConsoleState) -> Void,
                        onTerminalEffect: @escaping @Sendable (ConsoleEffect) -> Void) {
        self.onState = onState
        self.onTerminalEffect = onTerminalEffect
        onState(state)
    }

    /// Opens the start screen and settles what an earlier session left unfinished in the journal.
    public func start(journal: (any ActionJournal)? = nil) async {
        enqueue(.started)
        guard let journal else { return }
        work.increment()
        do {
            let unfinished = try await journal.unfinishedEntries()
            if !unfinished.isEmpty { enqueue(.journalRecovered(unfinished)) }
        } catch {
            enqueue(.effectResult(.journalFailed("could not read the journal: \(error)")))
        }
        finishWork()
    }

    /// The one way in for events. Counted as work from the moment it is announced, so `waitUntilIdle`
    /// cannot return before it is processed.
    public nonisolated func enqueue(_ event: ConsoleEvent) {
        work.increment()
        if case .terminated = inbox.yield(event) { work.decrement() }  // stopped: nothing will process it
    }

    private func process(_ event: ConsoleEvent) {
        state.now = clock()
        let effects = reduce(&state, event)
        onState(state)
        for effect in effects { launch(effect) }
        finishWork()
    }

    public var isIdle: Bool { work.value == 0 }

    /// Whether a live-refresh tick is scheduled (a timer, which does not count as work).
    public var refreshScheduled: Bool { refreshTimer != nil }

    public func waitUntilIdle() async {
        if work.value == 0 { return }
        await withCheckedContinuation { idleWaiters.append($0) }
    }

    public func stop() {
        inbox.finish()
        refreshTimer?.cancel()
        refreshTimer = nil
        onState = { _ in }
        onTerminalEffect = { _ in }
    }

    private func finishWork() {
        work.decrement()
        resumeIdleWaitersIfIdle()
    }

    private func launch(_ effect: ConsoleEffect) {
        switch effect {
        case .scheduleRefresh(let seconds):
            refreshTimer?.cancel()
            refreshTimer = Task { [weak self] in
                try? await Task.sleep(for: .seconds(seconds))
                guard !Task.isCancelled else { return }
                self?.enqueue(.refreshTick)
            }
        case .cancelRefresh:
            refreshTimer?.cancel()
            refreshTimer = nil
        case .quit:
            onTerminalEffect(effect)
        case .copyToClipboard(let text):
            onTerminalEffect(effect)
            enqueue(.clipboardCopied(text))
        case .load, .retrieve, .send, .settle, .journal, .find, .readFeed, .export, .switchProfile:
            // Held as work until the answers are in the inbox, so the store is never idle in between.
            work.increment()
            let perform = self.perform
            Task {
                let events = await perform(effect)
                for event in events { self.enqueue(event) }
                self.finishWork()   // the task runs on the store's actor: no hop needed
            }
        }
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

/// Lets an effect that runs a while (an export) report progress into a store created after the runner.
public final class ConsoleEventRelay: @unchecked Sendable {
    private let lock = NSLock()
    private weak var store: ConsoleStore?

    public init() {}

    public func attach(_ store: ConsoleStore) { lock.withLock { self.store = store } }

    public func send(_ event: ConsoleEvent) {
        lock.withLock { store }?.enqueue(event)
    }
}

/// Connects the client's request observer to a store created after the client.
/// Pass `observer` to `UseePayClient(requestObserver:)`, then give the relay to the store.
public final class APIRequestRelay: @unchecked Sendable {
    private let lock = NSLock()
    private weak var store: ConsoleStore?

    public init() {}

    public func attach(_ store: ConsoleStore) { lock.withLock { self.store = store } }

    /// Holds the relay strongly (the client keeps the closure); the relay holds the store weakly.
    public var observer: @Sendable (APIRequestRecord) -> Void {
        { record in
            guard let store = self.lock.withLock({ self.store }) else { return }
            store.enqueue(.apiRequest(record))
        }
    }
}
