import Foundation
#if canImport(Glibc)
import Glibc
#endif
import UseePay

/// Writes a whole list to a file: every page of the query, read through the client's pager and written
/// row by row through `RecordWriter` (the writer `payments list` uses, with the same spreadsheet safety),
/// so memory stays one page whatever the size of the list.
public struct ListExporter: Sendable {
    public static let pageSize = ListWindow.maximumPageSize

    let client: UseePayClient
    let directory: String

    public init(client: UseePayClient, directory: String = FileManager.default.currentDirectoryPath) {
        self.client = client
        self.directory = directory
    }

    /// - Parameter progress: called with the rows written so far, once per page.
    public func export(_ request: ExportRequest, progress: @escaping @Sendable (Int) -> Void) async throws(ExportFailure) -> ExportReport {
        let (path, avoided) = try destination(request)
        // Rows go to PATH.partial and the file takes its name only when the last page is in: an export cut
        // short (a failure, the console quit or killed mid-way) never leaves a file that looks complete.
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil), let handle = FileHandle(forWritingAtPath: partial) else {
            throw ExportFailure(message: "cannot create \(partial)")
        }
        let file = BufferedFile(handle)
        let counter = HeldRowCounter()
        let time = TimeText(timeZone: request.timeZone)
        do {
            let rows: Int
            switch request.query {
            case .payments(let query):
                rows = try await write(pages(of: query) { try await client.listPaymentIntents($0) }, counter,
                                       columns: PaymentIntentColumns.columns(time: time), request, file, progress)
            case .customers(let query):
                rows = try await write(pages(of: query) { try await client.listCustomers($0) }, counter,
                                       columns: CustomerColumns.columns(time: time), request, file, progress)
            case .subscriptions(let query):
                rows = try await write(pages(of: query) { try await client.listSubscriptions($0) }, counter,
                                       columns: SubscriptionColumns.columns(time: time), request, file, progress)
            case .refunds(let query):
                rows = try await write(pages(of: query) { try await client.listRefunds($0) }, counter,
                                       columns: RefundColumns.columns(time: time), request, file, progress)
            case .mandates, .checkoutSessions:
                // No console list shows these, so nothing asks to export them.
                throw ExportFailure(message: "this list cannot be exported")
            }
            try file.close()
            try Self.name(partial, as: path)
            return ExportReport(path: path, rows: rows, avoided: avoided, peakRowsHeld: counter.peak, pages: counter.pages)
        } catch {
            try? file.close()
            let message = (error as? ExportFailure)?.message ?? ConsoleFailure(error).message
            // Rows written so far are kept, under the name that says they are partial; an empty file is not.
            if counter.written == 0 { unlink(partial) }
            throw ExportFailure(message: message, rowsWritten: counter.written, path: counter.written == 0 ? nil : partial)
        }
    }

    /// Pages of the query from the first, at the largest page size; the query's window keeps its date range.
    private func pages<Query: ListQuery, Item>(
        of query: Query, _ list: @escaping @Sendable (Query) async throws -> Page<Item>
    ) -> (HeldRowCounter) -> AutoPagingSequence<Item> {
        { counter in
            AutoPagingSequence(firstPage: 0, maxPages: 1_000_000) { number in
                var paged = query
                paged.window.pageNum = number
                paged.window.pageSize = Self.pageSize
                let page = try await list(paged)
                counter.read(page.items.count)
                return page
            }
        }
    }

    private func write<Item: RawObject>(
        _ makeSequence: (HeldRowCounter) -> AutoPagingSequence<Item>, _ counter: HeldRowCounter, columns: [OutputColumn<Item>],
        _ request: ExportRequest, _ file: BufferedFile, _ progress: @Sendable (Int) -> Void
    ) async throws -> Int {
        let format: RecordWriter<Item>.Format = request.format == .csv ? .csv : .jsonl
        let writer = RecordWriter(format: format, columns: columns, raw: \.raw, sink: { file.write($0) })
        for try await item in makeSequence(counter) {
            writer.add(item)
            counter.wrote()
            if writer.count % Self.pageSize == 0 { progress(writer.count) }
            try file.check()
        }
        writer.finish()
        return writer.count
    }

    /// Gives the finished file its name without overwriting: a hard link fails if the name was taken meanwhile.
    private static func name(_ partial: String, as path: String) throws(ExportFailure) {
        guard link(partial, path) == 0 else {
            throw ExportFailure(message: "cannot name the finished file \(path): \(String(cString: strerror(errno)))")
        }
        unlink(partial)
    }

    /// The user's path (never overwritten: an existing file is refused) or the suggested name in the
    /// directory, numbered beside an existing one.
    private func destination(_ request: ExportRequest) throws(ExportFailure) -> (String, String?) {
        let fileManager = FileManager.default
        if let given = request.path {
            let path = given.hasPrefix("/") ? given : (directory as NSString).appendingPathComponent(given)
            if fileManager.fileExists(atPath: path) {
                throw ExportFailure(message: "\(path) exists; not overwritten (give another path, or remove it first)")
            }
            return (path, nil)
        }
        let first = (directory as NSString).appendingPathComponent("\(request.suggestedName).\(request.format.rawValue)")
        guard fileManager.fileExists(atPath: first) else { return (first, nil) }
        for number in 2...999 {
            let path = (directory as NSString).appendingPathComponent("\(request.suggestedName)-\(number).\(request.format.rawValue)")
            if !fileManager.fileExists(atPath: path) { return (path, first) }
        }
        throw ExportFailure(message: "\(first) and 998 numbered copies exist; give a path")
    }
}

/// The four list objects carry the API's JSON as received (written as JSON lines).
protocol RawObject: Identifiable, Sendable where ID: Sendable {
    var raw: JSONValue { get }
}

extension PaymentIntent: RawObject {}
extension Customer: RawObject {}
extension Subscription: RawObject {}
extension Refund: RawObject {}

/// Counts rows read from the server and rows written, so the export can show (and a test can check)
/// that it holds at most about a page at any moment.
final class HeldRowCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var readRows = 0
    private var writtenRows = 0
    private var peakHeld = 0
    private var pageCount = 0

    func read(_ rows: Int) {
        lock.withLock {
            readRows += rows
            pageCount += 1
            peakHeld = max(peakHeld, readRows - writtenRows)
        }
    }

    func wrote() { lock.withLock { writtenRows += 1 } }
    var written: Int { lock.withLock { writtenRows } }
    var peak: Int { lock.withLock { peakHeld } }
    var pages: Int { lock.withLock { pageCount } }
}

/// Writes to a file in 64 KB chunks; remembers the first write error so the export stops at once.
final class BufferedFile: @unchecked Sendable {
    private let handle: FileHandle
    private var buffer = Data()
    private var failure: Error?

    init(_ handle: FileHandle) { self.handle = handle }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 64 * 1024 { flush() }
    }

    func check() throws {
        if let failure { throw ExportFailure(message: "writing the file failed: \(failure.localizedDescription)") }
    }

    private func flush() {
        guard failure == nil, !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch { failure = error }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        try check()
        try handle.close()
    }
}
