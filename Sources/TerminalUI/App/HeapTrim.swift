import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Gives memory that was freed back to the system, at most once a second, from the terminal loop
/// (between frames, so it never runs in the middle of drawing).
///
/// Why: reading a day of 100,000 payments parses a thousand pages on network threads while the summary's
/// facts stay alive on others. glibc keeps freed blocks for reuse, and with long-lived blocks scattered
/// between them it could return almost none: the console held 496 MB after the scan, of which
/// `malloc_trim` released 337 MB. Trimming while the scan runs keeps the peak near what is alive.
struct HeapTrim {
    private var last = ContinuousClock.now
    private let interval: Duration = .seconds(1)

    /// glibc's `malloc_trim`, looked up at run time: Swift's Glibc module does not export <malloc.h>,
    /// and another C library simply has none (then nothing is trimmed).
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()

    mutating func ifDue() {
        guard let trim = Self.trim else { return }
        let now = ContinuousClock.now
        guard now - last >= interval else { return }
        last = now
        _ = trim(0)
    }
}
