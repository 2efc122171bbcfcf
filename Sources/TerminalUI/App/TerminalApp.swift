import ConsoleCore
import Foundation

/// How the run loop ended.
public enum TerminalExit: Sendable, Hashable {
    case quit
    /// SIGINT, SIGTERM or SIGHUP; the terminal was restored first.
    case signal(Int32)
}

/// The UI run loop. Every terminal call happens on the loop's one thread;
/// everything else (the store's new states, clipboard requests, quit) arrives
/// through a mailbox that wakes the loop. The mailbox is the one place frames
/// coalesce: the loop drains all input and takes the newest model before drawing
/// one frame. The backend's cell diff is the one diff (ncurses makes the last), and
/// an unchanged frame sends nothing, so an idle console writes no bytes.
///
/// TerminalApp knows nothing about the console: `Model` is whatever `render`
/// draws (normally `ConsoleState`), and `onInput` forwards keys and resizes
/// (normally to `ConsoleStore`).
public final class TerminalApp<Model: Sendable & Equatable>: @unchecked Sendable {
    public typealias Render = @Sendable (Model, TerminalSize) -> CellGrid

    private let lock = NSLock()
    private var latest: Model
    private var modelChanged = true
    private var clipboardRequests: [String] = []
    private var quitRequested = false
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let render: Render
    private let onInput: @Sendable (TerminalInput) -> Void
    private let onIdle: @Sendable (Model) -> Void

    /// - Parameters:
    ///   - render: draws a model at a size (pure; called on the loop thread).
    ///   - onInput: receives keys and resizes on the loop thread; keep it quick (hand them to the store).
    ///     The first call is a `.resize` with the starting size.
    ///   - onIdle: called on the loop thread whenever input is drained, the newest model is on
    ///     screen and nothing is pending; it gets the model that is on screen. End-to-end tests
    ///     use it (with the store's own idleness) instead of sleeping.
    public init(initial: Model, render: @escaping Render,
                onInput: @escaping @Sendable (TerminalInput) -> Void,
                onIdle: @escaping @Sendable (Model) -> Void = { _ in }) {
        latest = initial
        self.render = render
        self.onInput = onInput
        self.onIdle = onIdle
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeRead = fds[0]
        wakeWrite = fds[1]
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    // MARK: From any thread

    /// A new model to show. Only the newest is drawn.
    public func update(_ model: Model) {
        lock.withLock {
            latest = model
            modelChanged = true
        }
        wake()
    }

    /// Copies text to the clipboard with OSC 52, between two frames.
    public func copyToClipboard(_ text: String) {
        lock.withLock { clipboardRequests.append(text) }
        wake()
    }

    /// Ends the loop; the terminal is restored before `run` returns.
    public func quit() {
        lock.withLock { quitRequested = true }
        wake()
    }

    // MARK: The loop

    /// Runs on the calling thread until `quit()` or a terminating signal. The
    /// backend is shut down (terminal restored) on every way out.
    public func run(on backend: TerminalBackend) -> TerminalExit {
        defer { backend.shutdown() }
        var size = backend.size
        var drawnModel: Model?
        var heapTrim = HeapTrim()
        onInput(.resize(size))
        while true {
            let inputs = backend.readInput()
            if let signal = backend.terminationSignal { return .signal(signal) }
            var resized = false
            for input in inputs {
                if case .resize(let newSize) = input {
                    size = newSize
                    resized = true
                }
                onInput(input)
            }
            let (model, changed, clipboard, quitting) = takeMailbox()
            if quitting {
                for text in clipboard { backend.writeClipboard(text) }
                return .quit
            }
            if changed || resized || drawnModel == nil {
                // The backend diffs against what is on screen and sends nothing when no cell changed.
                backend.present(render(model, size))
                drawnModel = model
            }
            for text in clipboard { backend.writeClipboard(text) }
            // Also while busy (a day's scan sends a frame per page and the loop is never idle then).
            heapTrim.ifDue()
            if !hasPendingWork(backend), let drawnModel {
                onIdle(drawnModel)
            }
            waitForWork(backend)
        }
    }

    /// Creates the backend on a dedicated thread (curses must live on one
    /// thread), runs the loop there and returns how it ended.
    public func run(makeBackend: @escaping @Sendable () throws -> TerminalBackend) async throws -> TerminalExit {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<TerminalExit, Error>) in
            let thread = Thread {
                do {
                    let backend = try makeBackend()
                    continuation.resume(returning: self.run(on: backend))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "useepay-terminal"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func takeMailbox() -> (Model, Bool, [String], Bool) {
        lock.withLock {
            let result = (latest, modelChanged, clipboardRequests, quitRequested)
            modelChanged = false
            clipboardRequests.removeAll()
            return result
        }
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    private func descriptors(_ backend: TerminalBackend) -> [pollfd] {
        var fds = [pollfd(fd: backend.inputDescriptor, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        if SignalPipe.readDescriptor >= 0 {
            fds.append(pollfd(fd: SignalPipe.readDescriptor, events: Int16(POLLIN), revents: 0))
        }
        return fds
    }

    private func hasPendingWork(_ backend: TerminalBackend) -> Bool {
        var fds = descriptors(backend)
        return poll(&fds, nfds_t(fds.count), 0) > 0
    }

    /// Blocks until a key, a signal or a mailbox message (no timeout: an idle loop does nothing).
    private func waitForWork(_ backend: TerminalBackend) {
        var fds = descriptors(backend)
        _ = poll(&fds, nfds_t(fds.count), -1)
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
    }
}
