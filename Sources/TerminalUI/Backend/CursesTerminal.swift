import CNCursesW
import ConsoleCore
import Foundation

/// The real terminal through wide-character ncurses. Create, use and shut it
/// down on one thread (the run loop's): ncurses is not thread-safe.
public final class CursesTerminal: TerminalBackend {
    public private(set) var size: TerminalSize
    public let inputDescriptor: Int32 = STDIN_FILENO
    public let colorDepth: ColorDepth
    private let environment: TerminalEnvironment
    private let theme: Theme
    private var screen: OpaquePointer?
    private var previous: CellGrid?
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private let maxPairs: Int32
    private let directColor: Bool
    private var isActive = false
    /// Carries an escape sequence split across reads into the next read.
    private var keyStream = KeyStreamDecoder()

    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// Takes over the terminal. `theme` should already be the monochrome one
    /// when `environment.noColor` is set; colours are then ignored anyway.
    public init(environment: TerminalEnvironment, theme: Theme) throws(TerminalError) {
        self.environment = environment
        if let term = environment.term, term == "dumb" || term.isEmpty {
            throw .dumbTerminal(term: term)
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        setlocale(LC_ALL, "")
        // Our handlers go in first: ncurses then leaves SIGWINCH/SIGTSTP alone
        // and every reaction happens on the loop thread.
        SignalPipe.install()
        guard let screen = cn_newterm_stdio(nil) else {
            SignalPipe.uninstall()
            throw .cannotInitialize(term: environment.term)
        }
        self.screen = screen
        if cn_lacks_cursor_addressing() != 0 {
            endwin()
            delscreen(screen)
            SignalPipe.uninstall()
            throw .dumbTerminal(term: environment.term ?? "unknown")
        }
        cbreak()
        noecho()
        nonl()
        intrflush(cn_stdscr(), false)
        keypad(cn_stdscr(), true)
        nodelay(cn_stdscr(), true)
        leaveok(cn_stdscr(), true)
        set_escdelay(Int32(environment.effectiveEscapeDelay))
        curs_set(0)
        var depth = ColorDepth.none
        var maxPairs: Int32 = 0
        var direct = false
        if !environment.noColor, has_colors() {
            start_color()
            use_default_colors()
            depth = ColorDepth.detect(colors: Int(cn_colors()), colorTerm: environment.colorTerm)
            // True colour through curses needs a direct-colour terminfo entry (COLORS = 2^24);
            // otherwise RGB is mapped to the nearest of the 256.
            direct = cn_colors() >= 0x1000000
            if depth == .trueColor, !direct { depth = .colors256 }
            maxPairs = cn_color_pairs()
        }
        self.colorDepth = depth
        self.maxPairs = maxPairs
        self.directColor = direct
        self.theme = environment.noColor ? theme.withoutColors : theme
        self.size = TerminalSize(columns: Int(cn_cols()), rows: Int(cn_lines()))
        isActive = true
    }

    deinit { shutdown() }

    public func readInput() -> [TerminalInput] {
        var inputs: [TerminalInput] = []
        var batch: [RawKey] = []
        var resized = false
        for signalNumber in SignalPipe.drain() {
            switch signalNumber {
            case SIGWINCH: resized = true
            case SIGTSTP: suspend(); resized = true
            default: pendingTermination = signalNumber
            }
        }
        // Drain until ERR: curses buffers input internally, so poll() alone can miss keys.
        var character: wint_t = 0
        while true {
            let result = wget_wch(cn_stdscr(), &character)
            if result == cn_err() { break }
            if result == cn_key_code_yes() {
                if Int32(character) == cn_key_resize() { resized = true } else { batch.append(.code(Int32(character))) }
            } else {
                batch.append(.character(UInt32(character)))
            }
        }
        inputs += keyStream.decode(batch).map(TerminalInput.key)
        if resized, let newSize = refreshSize() { inputs.append(.resize(newSize)) }
        return inputs
    }

    /// A terminating signal (SIGINT/SIGTERM/SIGHUP) seen by `readInput`; the run loop ends on it.
    public var terminationSignal: Int32? { pendingTermination }
    private var pendingTermination: Int32?

    /// Re-reads the terminal size after SIGWINCH; returns the new size if it changed.
    private func refreshSize() -> TerminalSize? {
        var window = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0 {
            resizeterm(Int32(window.ws_row), Int32(window.ws_col))
        }
        let newSize = TerminalSize(columns: max(1, Int(cn_cols())), rows: max(1, Int(cn_lines())))
        guard newSize != size else { return nil }
        size = newSize
        // After a resize the terminal's contents are unknown: repaint everything once.
        previous = nil
        clearok(cn_curscr(), true)
        return newSize
    }

    public func present(_ grid: CellGrid) {
        guard isActive else { return }
        let window = cn_stdscr()
        let columns = min(grid.size.columns, size.columns)
        let rows = min(grid.size.rows, size.rows)
        let old = previous?.size == grid.size ? previous : nil
        var anyChanged = old == nil
        var changedLines = 0
        for y in 0..<rows {
            var lineChanged = false
            var x = 0
            while x < columns {
                let cell = grid[x: x, y: y]
                let isWide = x + 1 < grid.size.columns && grid[x: x + 1, y: y].isContinuation
                let span = isWide ? 2 : 1
                var changed = old == nil
                if let old, !changed {
                    changed = old[x: x, y: y] != cell || (isWide && old[x: x + 1, y: y] != grid[x: x + 1, y: y])
                        || (!isWide && x + 1 < columns && old[x: x + 1, y: y].isContinuation)
                }
                anyChanged = anyChanged || changed
                lineChanged = lineChanged || changed
                if changed, !cell.isContinuation, x + span <= columns {
                    put(cell, window: window, x: x, y: y)
                } else if changed, cell.isContinuation || x + span > columns {
                    put(Cell(text: " ", role: cell.role, attributes: cell.attributes), window: window, x: x, y: y)
                }
                x += span
            }
            if lineChanged { changedLines += 1 }
        }
        previous = grid
        // This cell comparison is the console's only diff (ncurses makes the last one): an unchanged frame sends nothing.
        guard anyChanged else { return }
        // Synchronized output keeps a big update from tearing. A cursor move changes two rows and the
        // position in the status line (and, on a detail's related rows, the key hints); wrapping that costs
        // 16 of its ~300 bytes and prevents nothing visible, so small updates go out bare.
        let synchronize = environment.synchronizedOutput && (old == nil || changedLines > Self.smallUpdateLines)
        if synchronize { writeDirect("\u{1b}[?2026h") }
        wnoutrefresh(window)
        doupdate()
        if synchronize { writeDirect("\u{1b}[?2026l") }
    }

    /// Updates of at most this many changed lines are not wrapped in synchronized output.
    static let smallUpdateLines = 4

    public func writeClipboard(_ text: String) {
        guard isActive else { return }
        writeDirect(OSC52.sequence(copying: text))
    }

    /// Gives the terminal back, stops the process (SIGTSTP) and takes the terminal again on SIGCONT.
    private func suspend() {
        guard isActive else { return }
        curs_set(1)
        endwin()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigaction(SIGTSTP, &action, nil)
        kill(getpid(), SIGTSTP)
        // Execution continues here after SIGCONT (`fg`).
        SignalPipe.install()
        curs_set(0)
        previous = nil
        clearok(cn_curscr(), true)
        _ = refreshSize()
        wnoutrefresh(cn_stdscr())
        doupdate()
    }

    public func shutdown() {
        guard isActive else { return }
        isActive = false
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        SignalPipe.uninstall()
    }

    // MARK: - Drawing one cell

    private func put(_ cell: Cell, window: UnsafeMutablePointer<WINDOW>?, x: Int, y: Int) {
        let style = theme.style(for: cell.role)
        let attributes = cursesAttributes(style.attributes.union(cell.attributes))
        let pair = colorPair(style)
        var text = Array(cell.text.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) })
        if text.isEmpty { text = [wchar_t(32)] }
        text.append(0)
        // The result is not checked: it fails only at the bottom-right corner (sanitised text otherwise
        // always fits), where curses reports the harmless failed cursor advance after the cell is drawn.
        _ = cn_put_cell(window, Int32(y), Int32(x), text, attributes, pair)
    }

    private func cursesAttributes(_ attributes: CellAttributes) -> attr_t {
        var value = cn_a_normal()
        if attributes.contains(.bold) { value |= cn_a_bold() }
        if attributes.contains(.reverse) { value |= cn_a_reverse() }
        if attributes.contains(.underline) { value |= cn_a_underline() }
        if attributes.contains(.dim) { value |= cn_a_dim() }
        return value
    }

    private func colorPair(_ style: ThemeStyle) -> Int32 {
        guard colorDepth != .none, maxPairs > 1 else { return 0 }
        let key = PairKey(foreground: cursesColor(style.foreground), background: cursesColor(style.background))
        if key.foreground == -1, key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        // Out of pairs: fall back to the terminal's colours rather than recycle a pair in use.
        guard nextPair < maxPairs else { return 0 }
        let pair = nextPair
        nextPair += 1
        if init_extended_pair(pair, key.foreground, key.background) == cn_err() { return 0 }
        pairs[key] = pair
        return pair
    }

    private func cursesColor(_ color: ThemeColor) -> Int32 {
        switch color.reduced(to: colorDepth) {
        case nil, .terminalDefault?: return -1
        case .indexed(let index)?: return Int32(index)
        case .rgb(let r, let g, let b)?:
            return directColor ? Int32(r) << 16 | Int32(g) << 8 | Int32(b) : -1
        }
    }

    /// Bytes that must bypass curses (sync markers, OSC 52). curses has flushed
    /// its own buffer by the time this runs (after doupdate), so order holds.
    private func writeDirect(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
