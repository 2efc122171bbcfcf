/// A piece of text in a bar with its own role (e.g. the mode badge).
public struct BarSegment: Sendable, Hashable {
    public var text: String
    public var role: ThemeRole
    public var attributes: CellAttributes

    public init(_ text: String, role: ThemeRole, attributes: CellAttributes = []) {
        self.text = text
        self.role = role
        self.attributes = attributes
    }
}

/// A one-line bar (title at the top, status at the bottom): segments on the
/// left, segments on the right. The right side is kept whole when space runs
/// out (it carries the mode and profile); the left side is truncated with "…".
public struct StatusBar: Sendable {
    public var left: [BarSegment]
    public var right: [BarSegment]
    public var role: ThemeRole

    public init(left: [BarSegment], right: [BarSegment] = [], role: ThemeRole = .title) {
        self.left = left
        self.right = right
        self.role = role
    }

    public func draw(into grid: inout CellGrid, rect: Rect) {
        guard !rect.isEmpty else { return }
        let line = rect.row(0)
        grid.fill(line, role: role)
        let rightWidth = min(right.reduce(0) { $0 + TerminalText.width(TerminalText.sanitize($1.text)) }, line.width)
        var x = line.maxX - rightWidth
        for segment in right {
            x += grid.write(segment.text, x: x, y: line.y, maxWidth: line.maxX - x, role: segment.role, attributes: segment.attributes)
        }
        // One blank column between the sides, when there is a right side.
        let leftLimit = line.width - rightWidth - (rightWidth > 0 ? 1 : 0)
        guard leftLimit > 0 else { return }
        var remaining = leftLimit
        var column = line.x
        let leftText = left.map { TerminalText.sanitize($0.text) }
        let totalLeft = leftText.reduce(0) { $0 + TerminalText.width($1) }
        for (index, segment) in left.enumerated() where remaining > 0 {
            let needsCut = totalLeft > leftLimit
            let text = needsCut ? TerminalText.truncate(leftText[index], toWidth: remaining) : leftText[index]
            let used = grid.write(text, x: column, y: line.y, maxWidth: remaining, role: segment.role, attributes: segment.attributes)
            column += used
            remaining -= used
            if needsCut, TerminalText.width(leftText[index]) > used { break }
        }
    }
}

/// How a flash message should be read.
public enum FlashKind: Sendable, Hashable {
    case info, success, error

    public var role: ThemeRole {
        switch self {
        case .info: .flashInfo
        case .success: .flashSuccess
        case .error: .flashError
        }
    }
}

/// The one-line message under the list: results of actions and errors.
public enum FlashLine {
    public static func draw(into grid: inout CellGrid, rect: Rect, message: String, kind: FlashKind) {
        guard !rect.isEmpty else { return }
        let line = rect.row(0)
        grid.fill(line, role: .normal)
        let text = TerminalText.truncate(TerminalText.sanitize(message), toWidth: line.width)
        grid.write(text, x: line.x, y: line.y, maxWidth: line.width, role: kind.role,
                   attributes: kind == .error ? .bold : [])
    }
}

/// Where the merchant is: "Payments > pi_123 > Customer". When too long, the
/// oldest steps give way to "…" so the current place stays visible.
public enum Breadcrumb {
    public static let separator = " > "

    public static func text(_ items: [String], width: Int) -> String {
        let clean = items.map(TerminalText.sanitize)
        let full = clean.joined(separator: separator)
        if TerminalText.width(full) <= width { return full }
        var kept = clean
        while kept.count > 1 {
            kept.removeFirst()
            let candidate = (["…"] + kept).joined(separator: separator)
            if TerminalText.width(candidate) <= width { return candidate }
        }
        return TerminalText.truncate(kept.first ?? "", toWidth: width)
    }

    public static func draw(into grid: inout CellGrid, rect: Rect, items: [String], role: ThemeRole = .dim) {
        guard !rect.isEmpty else { return }
        let line = rect.row(0)
        grid.fill(line, role: .normal)
        grid.write(text(items, width: line.width), x: line.x, y: line.y, maxWidth: line.width, role: role)
    }
}

/// Shows where the visible rows sit in the list.
public enum ScrollIndicator {
    /// "21-40 of 120", "21-40 of 120+" while more can be loaded, "0 of 0" when empty.
    public static func text(firstVisible: Int, visibleCount: Int, total: Int, moreAvailable: Bool) -> String {
        let suffix = moreAvailable ? "+" : ""
        guard total > 0, visibleCount > 0 else { return "0 of \(total)\(suffix)" }
        let first = min(max(0, firstVisible), total - 1) + 1
        let last = min(total, first + visibleCount - 1)
        return "\(first)-\(last) of \(total)\(suffix)"
    }

    /// A vertical bar in the first column of `rect`: "│" track with a "█" thumb
    /// sized to the visible share. Draws nothing when everything fits.
    public static func draw(into grid: inout CellGrid, rect: Rect, firstVisible: Int, visibleCount: Int, total: Int,
                            role: ThemeRole = .border) {
        guard rect.height > 0, rect.width > 0, total > visibleCount, visibleCount > 0 else { return }
        let track = rect.height
        let thumb = max(1, track * visibleCount / total)
        let maxFirst = max(1, total - visibleCount)
        let offset = min(track - thumb, (track - thumb) * min(max(0, firstVisible), maxFirst) / maxFirst)
        for row in 0..<track {
            let inThumb = row >= offset && row < offset + thumb
            grid.write(inThumb ? "█" : "│", x: rect.x, y: rect.y + row, maxWidth: 1, role: role)
        }
    }
}
