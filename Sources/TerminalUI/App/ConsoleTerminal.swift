import ConsoleCore
import Foundation

/// Runs the console on a terminal: the store's states go to the run loop's mailbox (the one place frames
/// coalesce), keys and resizes go to the store's inbox, and the store's terminal effects (quit, clipboard)
/// reach the loop. The executable only gathers settings and the session, then calls `run`.
public enum ConsoleTerminal {
    /// - Parameters:
    ///   - store: a store that has not been started; `run` starts it (settling what `journal` left unfinished)
    ///     and stops it when the terminal closes.
    ///   - idleSignal: for end-to-end tests: called whenever the terminal shows the store's settled state.
    ///   - makeBackend: opens the terminal on the loop's thread.
    public static func run(store: ConsoleStore, journal: (any ActionJournal)?, idleSignal: (@Sendable () -> Void)? = nil,
                           makeBackend: @escaping @Sendable () throws -> TerminalBackend) async throws -> TerminalExit {
        let idleWatch = IdleWatch()
        let app = TerminalApp<ConsoleState>(
            initial: await store.state,
            render: { model, size in render(model, size: size) },
            onInput: { input in
                switch input {
                case .key(let key): store.enqueue(.key(key))
                case .resize(let size): store.enqueue(.resized(size))
                }
            },
            onIdle: { shown in
                guard let idleSignal, idleWatch.shown(shown) else { return }
                // One waiting task at a time, holding only the newest frame: a task per frame would keep a
                // copy of the state per frame alive until the store is idle (during a day's scan, all of them).
                Task {
                    while let shown = idleWatch.next() {
                        await store.waitUntilIdle()
                        // Only when the screen shows the store's settled state; otherwise a newer frame is coming.
                        if await store.state == shown { idleSignal() }
                    }
                }
            })
        await store.connect(onState: { app.update($0) }, onTerminalEffect: { effect in
            switch effect {
            case .quit: app.quit()
            case .copyToClipboard(let text): app.copyToClipboard(text)
            default: break
            }
        })
        await store.start(journal: journal)
        do {
            let exit = try await app.run(makeBackend: makeBackend)
            await store.stop()
            return exit
        } catch {
            await store.stop()
            throw error
        }
    }
}

/// The newest frame the terminal showed while an idle check is pending (see `ConsoleTerminal.run`).
final class IdleWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: ConsoleState?
    private var waiting = false

    /// Remembers the frame; true when no check is pending, so the caller starts one.
    func shown(_ state: ConsoleState) -> Bool {
        lock.withLock {
            latest = state
            if waiting { return false }
            waiting = true
            return true
        }
    }

    /// The newest frame not checked yet, or nil (and the check ends) when there is none.
    func next() -> ConsoleState? {
        lock.withLock {
            guard let state = latest else {
                waiting = false
                return nil
            }
            latest = nil
            return state
        }
    }
}
