import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// stdout carries data only; stderr carries messages and (on a terminal) progress.
/// stdout is written in chunks so a long export does not cost one system call per line.
final class StandardStreams: @unchecked Sendable {
    // Used from one task at a time (a command's run); not shared across tasks.
    private var buffer = Data()

    // A forgotten flush must not lose output.
    deinit { flush() }

    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    func out(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 64 * 1024 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// A message for the person running the command.
    func message(_ text: String) {
        flush()
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// A progress line that overwrites itself; only ever shown when stderr is a terminal.
    func progress(_ text: String) {
        guard Self.stderrIsTerminal else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    func endProgress() {
        guard Self.stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
