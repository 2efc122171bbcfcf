import Foundation
import ConsoleCore
import UseePay

/// One object: every field grouped, its related objects (enter opens them), or its raw JSON (v).
enum DetailScreen {
    struct Line {
        var text: String
        var role: ThemeRole
        var attributes: CellAttributes = []
    }

    static func draw(_ state: ConsoleState, _ detail: DetailState, into grid: inout CellGrid) {
        let width = grid.size.columns
        let rows = grid.size.rows
        Chrome.drawTitle(state, into: &grid, width: width, title: "\(detail.ref.kind.title) \(detail.ref.id)")
        grid.fill(Rect(x: 0, y: 1, width: width, height: 1), role: .normal)
        grid.write(TerminalText.truncate(state.breadcrumb.joined(separator: " > "), toWidth: width), x: 0, y: 1, maxWidth: width, role: .dim)
        let body = Rect(x: 0, y: 2, width: width, height: rows - 5)
        grid.fill(body, role: .normal)
        guard let object = detail.object else {
            let message: String
            switch detail.phase {
            case .failed(_, let failure): message = "Could not load \(detail.ref.id): \(failure.description)  (ctrl-r retries)"
            default: message = "loading \(detail.ref.id)…"
            }
            grid.write(TerminalText.truncate(message, toWidth: width - 2), x: 1, y: body.y + 1, maxWidth: width - 2,
                       role: detail.phase.isFailure ? .flashError : .dim)
            footer(state, into: &grid)
            return
        }
        if detail.showRaw {
            let lines = object.raw.prettyText().split(separator: "\n", omittingEmptySubsequences: false)
            let first = min(detail.scroll, max(0, lines.count - body.height))
            for (offset, line) in lines.dropFirst(first).prefix(body.height).enumerated() {
                grid.write(TerminalText.truncate(String(line), toWidth: width - 1), x: 1, y: body.y + offset, maxWidth: width - 1, role: .normal)
            }
            grid.fill(Rect(x: 0, y: rows - 3, width: width, height: 1), role: .dim)
            grid.write("raw JSON · lines \(first + 1)-\(min(lines.count, first + body.height)) of \(lines.count) · v shows fields",
                       x: 0, y: rows - 3, maxWidth: width, role: .dim)
            footer(state, into: &grid)
            return
        }
        let fieldLines = fields(object, state: state)
        let related = relatedLines(detail, state: state, width: width)
        // The dashboard link gets the body's last line to itself, so the URL is whole (and clickable) at 80 columns.
        let link = state.dashboard.link(for: detail.ref)
        let linkHeight = link == nil ? 0 : 1
        if let link {
            grid.write(dashboardLine(link, width: width - 1), x: 1, y: body.maxY - 1, maxWidth: width - 1, role: .dim)
        }
        // Related objects are what enter acts on: they always get room; fields take the rest (two columns when wide).
        let relatedHeight = min(related.count, max(3, (body.height - linkHeight) / 2))
        let fieldHeight = body.height - linkHeight - relatedHeight - (related.isEmpty ? 0 : 1)
        drawFields(fieldLines, into: &grid, rect: Rect(x: 0, y: body.y, width: width, height: fieldHeight))
        if !related.isEmpty {
            let top = body.y + min(fieldLines.count, fieldHeight) + 1
            var selectedLine = 0
            for (index, line) in related.enumerated() where line.role == .selection { selectedLine = index }
            let first = max(0, min(selectedLine - relatedHeight + 1, related.count - relatedHeight))
            for (offset, line) in related.dropFirst(first).prefix(relatedHeight).enumerated() {
                if line.role == .selection { grid.fill(Rect(x: 0, y: top + offset, width: width, height: 1), role: .selection) }
                grid.write(TerminalText.truncate(line.text, toWidth: width - 1), x: 1, y: top + offset, maxWidth: width - 1, role: line.role, attributes: line.attributes)
            }
        }
        grid.fill(Rect(x: 0, y: rows - 3, width: width, height: 1), role: .dim)
        let actions = Capabilities.actions(for: object)
        var status = state.pending[detail.ref.id].map { "action: " + ScreenFormat.pendingText($0) } ?? ""
        if status.isEmpty, !actions.isEmpty {
            status = state.readOnly ? "read-only: actions off" : "possible: " + actions.compactMap { action in
                state.helpBindings.first { $0.command == action.command }.map { "\($0.key) \(action.verb.lowercased())" }
            }.joined(separator: ", ")
        }
        grid.write(TerminalText.truncate(status, toWidth: width), x: 0, y: rows - 3, maxWidth: width, role: state.pending[detail.ref.id] == nil ? .dim : .inFlight)
        footer(state, into: &grid)
    }

    /// "Dashboard <url> (L copies)", shortened to just the URL when narrow; a URL is never cut if it fits alone.
    static func dashboardLine(_ link: DashboardLink, width: Int) -> String {
        let note = link.opensObject ? "  (L copies)" : "  (home only: search the id there; L copies)"
        let candidates = ["Dashboard  " + link.url + note, "Dashboard  " + link.url, link.url]
        return candidates.first { TerminalText.width($0) <= width } ?? TerminalText.truncate(link.url, toWidth: width)
    }

    static func footer(_ state: ConsoleState, into grid: inout CellGrid) {
        Chrome.drawFlash(state, into: &grid, y: grid.size.rows - 2, width: grid.size.columns)
        Chrome.drawFooter(state, into: &grid, y: grid.size.rows - 1, width: grid.size.columns)
    }

    /// Two columns of "label  value" when there is room, one otherwise; groups start with a header.
    static func drawFields(_ lines: [Line], into grid: inout CellGrid, rect: Rect) {
        guard rect.height > 0 else { return }
        let columns = rect.width >= 110 && lines.count > rect.height ? 2 : 1
        let columnWidth = rect.width / columns
        // When not everything fits, the last row says how much is left instead of showing one more field.
        let shown = lines.count <= rect.height * columns ? lines.count : rect.height * columns - 1
        var index = 0
        for column in 0..<columns {
            for row in 0..<rect.height {
                guard index < shown else { break }
                let line = lines[index]
                index += 1
                grid.write(TerminalText.truncate(line.text, toWidth: columnWidth - 2), x: rect.x + 1 + column * columnWidth, y: rect.y + row,
                           maxWidth: columnWidth - 2, role: line.role, attributes: line.attributes)
            }
        }
        if shown < lines.count {
            grid.write("… \(lines.count - shown) more lines (v shows raw JSON)", x: rect.x + 1 + (columns - 1) * columnWidth, y: rect.maxY - 1,
                       maxWidth: columnWidth - 2, role: .dim)
        }
    }

    static func group(_ title: String, _ pairs: [(String, String?)]) -> [Line] {
        let present = pairs.compactMap { label, value in value.map { (label, $0) } }
        guard !present.isEmpty else { return [] }
        return [Line(text: title, role: .header, attributes: .bold)] + present.map { label, value in
            Line(text: TerminalText.pad(label, toWidth: 16) + TerminalText.sanitize(value), role: .normal)
        }
    }

    static func metadata(_ metadata: [String: JSONValue]?) -> [Line] {
        guard let metadata, !metadata.isEmpty else { return [] }
        return group("Metadata", metadata.keys.sorted().map { key in
            let value = metadata[key]!
            return (key, value.stringValue ?? value.jsonText)
        })
    }

    static func fields(_ object: ConsoleObject, state: ConsoleState) -> [Line] {
        let f = ScreenFormat(state: state)
        switch object {
        case .payment(let p):
            let refunds = state.refundsByPayment[p.id] ?? []
            let left = Capabilities.refundable(p, refunds: refunds)
            return group("Payment", [
                ("ID", p.id), ("Status", p.status.rawValue), ("Amount", ScreenFormat.money(p.amount, p.currency)),
                ("Captured", p.capturedAmount.map { ScreenFormat.money($0, p.currency) }),
                ("Refundable", p.status == .succeeded ? left.map { ScreenFormat.money($0, p.currency) } : nil),
                ("Created", f.timestamp(p.createAt)), ("Modified", p.modifyAt.map(f.timestamp)),
                ("Order", p.merchantOrderId), ("Description", p.description),
                ("Auto capture", p.autoCapture.map { $0 ? "yes" : "no (manual)" }),
                ("Invoice", p.invoiceId), ("Subscription", p.subscriptionId),
            ]) + group("Customer", [
                ("Customer ID", p.customerId ?? p.customer?.id), ("Name", p.customer?.name), ("Email", p.customer?.email), ("Phone", p.customer?.phone),
            ]) + group("Payment method", [
                ("Type", p.paymentMethod?.type), ("Card", p.paymentMethod?.card.map { "\($0.brand ?? "") \($0.last4 ?? "")" }),
                ("Method ID", p.paymentMethodId),
            ]) + group("Problems", [
                ("Error", p.lastPaymentError.map { [$0.code, $0.message].compactMap { $0 }.joined(separator: ": ") }),
                ("Decline code", p.declineCode ?? p.lastPaymentError?.declineCode),
                ("Cancelled", p.cancelledAt.map(f.timestamp)), ("Cancel reason", p.cancellationReason),
                ("Next action", p.nextAction?.type),
            ]) + metadata(p.metadata)
        case .customer(let c):
            return group("Customer", [
                ("ID", c.id), ("Name", ObjectLabels.customer(c)), ("Email", c.email), ("Phone", c.phone),
                ("Merchant ID", c.merchantCustomerId), ("Description", c.description),
                ("Created", f.timestamp(c.createAt)), ("Modified", c.modifyAt.map(f.timestamp)),
            ]) + metadata(c.metadata)
        case .subscription(let s):
            return group("Subscription", [
                ("ID", s.id), ("Status", s.status.rawValue), ("Customer", s.customerId),
                ("Amount", ScreenFormat.money(s.recurring?.unitAmount, s.currency)), ("Every", ScreenFormat.interval(s)),
                ("Period start", s.currentPeriodStart.map(f.timestamp)), ("Period end", s.currentPeriodEnd.map(f.timestamp)),
                ("Cancels at end", s.cancelAtPeriodEnd.map { $0 ? "yes" : "no" }), ("Cancelled", s.canceledAt.map(f.timestamp)),
                ("Description", s.description), ("Latest invoice", s.latestInvoice), ("Created", f.timestamp(s.createAt)),
            ]) + metadata(s.metadata)
        case .refund(let r):
            return group("Refund", [
                ("ID", r.id), ("Status", r.status.rawValue), ("Amount", ScreenFormat.money(r.amount, r.currency)),
                ("Payment", r.paymentIntentId), ("Reason", r.reason), ("ARN", r.acquirerReferenceNumber),
                ("Created", f.timestamp(r.createAt)), ("Modified", r.modifyAt.map(f.timestamp)),
                ("Failure", r.code.map { [$0, r.message].compactMap { $0 }.joined(separator: ": ") }),
            ]) + metadata(r.metadata)
        case .billing(let b):
            return billingFields(b, f)
        }
    }

    static func relatedLines(_ detail: DetailState, state: ConsoleState, width: Int) -> [Line] {
        var lines: [Line] = []
        var rowIndex = 0
        let f = ScreenFormat(state: state)
        for section in detail.related where section.isShown {
            var header = section.kind.title
            switch section.phase {
            case .loading: header += " (loading…)"
            case .failed(_, let failure): header += " (failed: \(failure.message); ctrl-r retries)"
            case .idle: header += section.objects.isEmpty ? " (none)" : " (\(section.objects.count)\(section.hasMore ? "+" : ""))"
            }
            lines.append(Line(text: header, role: section.phase.isFailure ? .flashError : .header, attributes: .bold))
            for object in section.objects {
                let selected = rowIndex == detail.relatedCursor
                rowIndex += 1
                lines.append(Line(text: "  " + summary(object, f), role: selected ? .selection : .normal))
            }
        }
        return lines
    }

    static func summary(_ object: ConsoleObject, _ f: ScreenFormat) -> String {
        switch object {
        case .payment(let p):
            return "\(p.id)  \(ScreenFormat.money(p.amount, p.currency))  \(p.status.rawValue)  \(f.time(p.createAt))"
        case .customer(let c):
            return "\(c.id)  \(ObjectLabels.customer(c) ?? "—")  \(c.email ?? "")"
        case .subscription(let s):
            return "\(s.id)  \(s.status.rawValue)  \(ScreenFormat.money(s.recurring?.unitAmount, s.currency)) / \(ScreenFormat.interval(s))"
        case .refund(let r):
            return "\(r.id)  \(ScreenFormat.money(r.amount, r.currency))  \(r.status.rawValue)  \(r.reason ?? "")"
        case .billing(let b):
            return billingSummary(b, f)
        }
    }
}
