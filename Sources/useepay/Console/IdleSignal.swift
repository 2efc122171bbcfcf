import Foundation

/// For end-to-end tests (USEEPAY_TEST_IDLE_FILE): each time the console is idle with its newest state on
/// screen, a counter that only grows is written to the file. A test presses a key, then waits for the
/// counter to pass the value it saw before, instead of sleeping.
final class IdleSignal: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var counter = 0

    init(path: String) {
        self.path = path
    }

    func signal() {
        lock.withLock {
            counter += 1
            // Written whole and renamed into place, so a reader never sees a half-written number.
            let temporary = path + ".tmp"
            if FileManager.default.createFile(atPath: temporary, contents: Data("\(counter)\n".utf8)) {
                _ = rename(temporary, path)
            }
        }
    }
}
