import ConsoleCore
import Foundation

/// A terminal without a terminal: holds the last frame as a CellGrid that tests
/// read line by line, and takes keys and resizes from the test.
/// Safe to use from the test's thread while a run loop uses it on its own.
public final class HeadlessTerminal: TerminalBackend, @unchecked Sendable {
    private let lock = NSLock()
    private var screen: CellGrid
    private var pending: [TerminalInput] = []
    private var copied: [String] = []
    private var frames = 0
    private var lastChangedCells = 0
    private var closed = false
    private var rawDecoder = KeyStreamDecoder()
    private let readEnd: Int32
    private let writeEnd: Int32

    public init(size: TerminalSize) {
        screen = CellGrid(size: size)
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    // MARK: Test side

    public func lines() -> [String] { lock.withLock { screen.lines() } }
    public var grid: CellGrid { lock.withLock { screen } }
    /// Frames presented so far.
    public var frameCount: Int { lock.withLock { frames } }
    /// Cells that differed between the last two frames (what a real terminal would be sent).
    public var changedCellsInLastFrame: Int { lock.withLock { lastChangedCells } }
    public var clipboard: [String] { lock.withLock { copied } }
    public var isShutDown: Bool { lock.withLock { closed } }

    public func type(_ keys: KeyPress...) {
        send(keys.map(TerminalInput.key))
    }

    /// What a terminal delivers in one read (escape sequences and all, as `wget_wch` results), decoded
    /// the way `CursesTerminal` decodes a read: a sequence cut off here is completed by the next call.
    public func receive(_ raw: [RawKey]) {
        let keys = lock.withLock { rawDecoder.decode(raw) }
        send(keys.map(TerminalInput.key))
    }

    /// `receive` for text: every character as one `wget_wch` result ("\u{1b}[1;2A").
    public func receive(_ text: String) {
        receive(text.unicodeScalars.map { RawKey.character($0.value) })
    }

    public func resize(to size: TerminalSize) {
        send([.resize(size)])
    }

    public func send(_ inputs: [TerminalInput]) {
        lock.withLock { pending.append(contentsOf: inputs) }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    // MARK: TerminalBackend

    public var size: TerminalSize { lock.withLock { screen.size } }
    public var inputDescriptor: Int32 { readEnd }

    public func readInput() -> [TerminalInput] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
        return lock.withLock {
            let inputs = pending
            pending.removeAll()
            // Coalesce resizes: only the last size matters, delivered where the last one was.
            guard let lastResize = inputs.lastIndex(where: { if case .resize = $0 { true } else { false } }) else { return inputs }
            if case .resize(let newSize) = inputs[lastResize] { screen = CellGrid(size: newSize) }
            return inputs.enumerated().compactMap { index, input in
                if case .resize = input, index != lastResize { return nil }
                return input
            }
        }
    }

    public func present(_ grid: CellGrid) {
        lock.withLock {
            let changed = grid.size == screen.size ? zip(grid.cells, screen.cells).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) } : grid.cells.count
            // As a real terminal: a frame with no changed cell sends nothing, so it is not counted.
            guard changed > 0 || frames == 0 else { return }
            lastChangedCells = changed
            screen = grid
            frames += 1
        }
    }


    public func writeClipboard(_ text: String) {
        lock.withLock { copied.append(text) }
    }


    public func shutdown() {
        lock.withLock { closed = true }
    }
}
