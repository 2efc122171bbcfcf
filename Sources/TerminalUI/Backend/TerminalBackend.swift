import ConsoleCore

/// What the terminal delivers to the run loop.
public enum TerminalInput: Sendable, Hashable {
    case key(KeyPress)
    case resize(TerminalSize)
}

/// Facts about the terminal that only the executable may read from the
/// environment (TerminalUI never reads environment variables itself, apart
/// from what ncurses reads for TERM and terminfo).
public struct TerminalEnvironment: Sendable, Hashable {
    /// The user's `ESCDELAY` in milliseconds, if set.
    public var escapeDelayMilliseconds: Int?
    /// `SSH_TTY` or `SSH_CONNECTION` is set: a keystroke costs a round trip.
    public var isSSH: Bool
    /// `NO_COLOR` (non-empty) or `--no-color`.
    public var noColor: Bool
    /// `COLORTERM` ("truecolor"/"24bit" hint that the terminal takes RGB).
    public var colorTerm: String?
    /// `TERM`, to refuse `dumb` with a clear message before touching the terminal.
    public var term: String?
    /// Wrap each frame in DEC 2026 synchronized output (ignored by terminals without it).
    public var synchronizedOutput: Bool

    public init(escapeDelayMilliseconds: Int? = nil, isSSH: Bool = false, noColor: Bool = false,
                colorTerm: String? = nil, term: String? = nil, synchronizedOutput: Bool = true) {
        self.escapeDelayMilliseconds = escapeDelayMilliseconds; self.isSSH = isSSH; self.noColor = noColor
        self.colorTerm = colorTerm; self.term = term; self.synchronizedOutput = synchronizedOutput
    }

    /// The user's value if given, else short locally and about 100 ms over SSH
    /// (where the bytes of an arrow key can arrive apart).
    public var effectiveEscapeDelay: Int {
        if let user = escapeDelayMilliseconds, user >= 0 { return user }
        return isSSH ? 100 : 25
    }
}

/// Why the terminal cannot be used; `description` is what the merchant reads.
public enum TerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    case notATerminal
    case dumbTerminal(term: String)
    case cannotInitialize(term: String?)

    public var description: String {
        switch self {
        case .notATerminal:
            "useepay needs an interactive terminal: standard input and output must be a terminal (not a pipe or file). For scripts, use the non-interactive commands."
        case .dumbTerminal(let term):
            "TERM=\(term) cannot move the cursor, so the console cannot be drawn. Use a terminal such as xterm-256color, screen-256color, tmux-256color, linux or vt100."
        case .cannotInitialize(let term):
            "the terminal \(term.map { "TERM=\($0)" } ?? "(TERM unset)") is not known to ncurses. Set TERM to one your system has (e.g. xterm-256color) or install its terminfo entry."
        }
    }
}

/// A screen the run loop draws on and reads keys from. All calls happen on the
/// run loop's one thread.
public protocol TerminalBackend: AnyObject {
    var size: TerminalSize { get }
    /// A file descriptor that becomes readable when input may be waiting.
    var inputDescriptor: Int32 { get }
    /// Everything available now, without blocking (keys decoded, resizes coalesced).
    func readInput() -> [TerminalInput]
    /// Shows a frame. The backend compares it with the previous frame — the one diff the console makes
    /// (ncurses makes the last) — sends only the cells that differ, and nothing when none do.
    func present(_ grid: CellGrid)
    /// Sets the system clipboard through OSC 52 (between frames).
    func writeClipboard(_ text: String)
    /// Restores the terminal. Safe to call more than once.
    func shutdown()
    /// A SIGINT/SIGTERM/SIGHUP seen by `readInput`; the run loop then ends.
    var terminationSignal: Int32? { get }
}

extension TerminalBackend {
    /// Backends without signals never see one.
    public var terminationSignal: Int32? { nil }
}
