import Foundation
import UseePay

/// The export running in the background: what was asked and how far it got.
public struct ExportProgress: Sendable, Equatable {
    public var request: ExportRequest
    public var rows: Int
}

// `:export csv|jsonl [PATH]`: the whole list on screen (every page of its query, not only the rows held).
extension Reducer {
    static func startExport(_ state: inout ConsoleState, _ format: ExportRequest.Format, path: String?) -> [ConsoleEffect] {
        guard let kind = state.currentListKind else {
            state.flash = Flash("Open a list to export it (:pi, :cus, :sub, :re)", .error)
            return []
        }
        if let running = state.export {
            state.flash = Flash("An export is already running (\(grouped(running.rows)) rows so far)", .error)
            return []
        }
        let query = query(state, kind, page: 0)
        let request = ExportRequest(kind: kind, query: query, format: format, path: path,
                                    suggestedName: suggestedName(kind, query, state), timeZone: state.merchantTimeZone)
        state.export = ExportProgress(request: request, rows: 0)
        state.flash = Flash("Exporting \(kind.rawValue)…", .info)
        return [.export(request)]
    }

    static func exportProgressed(_ state: inout ConsoleState, _ request: ExportRequest, rows: Int) {
        guard state.export?.request == request else { return }
        state.export?.rows = rows
        state.flash = Flash("exported \(grouped(rows)) rows…", .info)
    }

    static func exported(_ state: inout ConsoleState, _ request: ExportRequest, _ outcome: Result<ExportReport, ExportFailure>) {
        guard state.export?.request == request else { return }
        state.export = nil
        switch outcome {
        case .success(let report):
            state.lastExport = report
            let avoided = report.avoided.map { " (\(($0 as NSString).lastPathComponent) exists, not overwritten)" } ?? ""
            state.flash = Flash("Wrote \(grouped(report.rows)) \(request.kind.rawValue) to \(report.path)\(avoided)", .success)
        case .failure(let failure):
            let partial = failure.path.map { failure.rowsWritten > 0 ? " — \($0) is partial (\(grouped(failure.rowsWritten)) rows)" : "" } ?? ""
            state.flash = Flash("Export failed: \(failure.message)\(partial)", .error)
        }
    }

    /// "payments-2026-12-02", "payments-2026-11-01-to-2026-11-30-requires_capture", "customers-all".
    static func suggestedName(_ kind: ListKind, _ query: ObjectQuery, _ state: ConsoleState) -> String {
        let window: ListWindow
        var statuses: [String] = []
        switch query {
        case .payments(let q): window = q.window; statuses = q.statuses.map(\.rawValue)
        case .customers(let q): window = q.window
        case .subscriptions(let q): window = q.window; statuses = q.statuses.map(\.rawValue)
        case .refunds(let q): window = q.window; statuses = q.statuses.map(\.rawValue)
        case .mandates(let q): window = q.window
        case .checkoutSessions(let q): window = q.window
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = state.merchantTimeZone
        func day(_ date: Date) -> String {
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
        }
        var name = kind.rawValue
        switch (window.fromCreatedAt, window.toCreatedAt) {
        case (nil, nil): name += "-all"
        case (let from?, let to?):
            // The range's end is exclusive: the last day is the one before it.
            let last = day(to.addingTimeInterval(-1))
            name += day(from) == last ? "-\(day(from))" : "-\(day(from))-to-\(last)"
        case (let from?, nil): name += "-since-\(day(from))"
        case (nil, let to?): name += "-until-\(day(to.addingTimeInterval(-1)))"
        }
        let safeStatuses = statuses.map { $0.filter { $0.isLetter || $0 == "_" } }.filter { !$0.isEmpty }
        if !safeStatuses.isEmpty { name += "-" + safeStatuses.joined(separator: "+") }
        return name
    }

    /// 12300 → "12,300"
    static func grouped(_ number: Int) -> String { RowCount.grouped(number) }
}
