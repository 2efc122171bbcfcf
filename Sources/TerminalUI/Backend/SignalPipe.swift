import Foundation

/// Turns asynchronous signals into bytes on a pipe that the run loop polls, so
/// every reaction (restore the terminal, resize, suspend) happens on the loop's
/// own thread. Signals can land on any thread of the process; a pipe is the
/// async-signal-safe way to hand them over.
enum SignalPipe {
    nonisolated(unsafe) static var readDescriptor: Int32 = -1
    nonisolated(unsafe) static var writeDescriptor: Int32 = -1
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP]
    nonisolated(unsafe) static var previous: [Int32: sigaction] = [:]

    /// Installs the handlers (before ncurses starts, so it leaves SIGWINCH and
    /// SIGTSTP to us).
    static func install() {
        if readDescriptor < 0 {
            var fds: [Int32] = [-1, -1]
            guard pipe(&fds) == 0 else { return }
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            readDescriptor = fds[0]
            writeDescriptor = fds[1]
        }
        for signalNumber in handled {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(SignalPipe.writeDescriptor, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            var old = sigaction()
            sigaction(signalNumber, &action, &old)
            previous[signalNumber] = old
        }
    }

    /// Puts back whatever handlers were there before.
    static func uninstall() {
        for (signalNumber, old) in previous {
            var action = old
            sigaction(signalNumber, &action, nil)
        }
        previous.removeAll()
    }

    /// Signals received since the last call (without duplicates, in arrival order).
    static func drain() -> [Int32] {
        guard readDescriptor >= 0 else { return [] }
        var received: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readDescriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            for byte in buffer[0..<count] where !received.contains(Int32(byte)) { received.append(Int32(byte)) }
        }
        return received
    }
}
