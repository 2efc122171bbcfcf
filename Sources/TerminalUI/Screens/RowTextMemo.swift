import Foundation
import ConsoleCore

/// The formatted cells of list rows, kept from one frame to the next.
///
/// Why: a cursor move redraws every visible row, and formatting a row (amount, local time, customer
/// label, sanitising) was the largest part of a frame at 120×40. A row is formatted again only
/// when its object changed (checked by `ConsoleObject.isSameStorage`, then by `==` for a page read
/// again: an action's answer differs) or what the cells depend on changes (`ScreenFormat.RowKey`: the zone,
/// the day). Cells that follow the console's own state (marks, an action in flight, the id's width)
/// are not kept here. Drawing is a pure function of the state; this only saves repeating work.
final class RowTextMemo: @unchecked Sendable {
    static let shared = RowTextMemo()

    /// A row's formatted cells and its status tone (which picks the status cell's colour).
    struct Row {
        var cells: [String]
        var tone: StatusTone
    }

    private struct Entry {
        var object: ConsoleObject
        var key: ScreenFormat.RowKey
        var row: Row
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Enough for any screen's rows several times over; past it the memo starts again.
    private let capacity = 1_024

    func row(_ object: ConsoleObject, id: String, key: ScreenFormat.RowKey, format: () -> Row) -> Row {
        lock.lock()
        if let entry = entries[id], entry.key == key {
            if entry.object.isSameStorage(as: object) {
                lock.unlock()
                return entry.row
            }
            // A page read again brings equal objects in new storage: comparing them is cheaper than
            // formatting, and keeping the new one makes the next frame's check a pointer comparison.
            if entry.object == object {
                entries[id]?.object = object
                lock.unlock()
                return entry.row
            }
        }
        lock.unlock()
        let row = format()
        lock.lock()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[id] = Entry(object: object, key: key, row: row)
        lock.unlock()
        return row
    }
}
