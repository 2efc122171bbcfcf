/// Text attributes a theme or a widget can ask for; themes add their own on top.
public struct CellAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = CellAttributes(rawValue: 1 << 0)
    public static let reverse = CellAttributes(rawValue: 1 << 1)
    public static let underline = CellAttributes(rawValue: 1 << 2)
    public static let dim = CellAttributes(rawValue: 1 << 3)
}

/// One terminal column. A wide glyph occupies its own cell plus a trailing
/// continuation cell whose `text` is "" so that row strings keep exact widths.
public struct Cell: Sendable, Hashable {
    /// One grapheme cluster, or "" for the trailing half of a wide glyph.
    public var text: String
    public var role: ThemeRole
    public var attributes: CellAttributes

    public init(text: String = " ", role: ThemeRole = .normal, attributes: CellAttributes = []) {
        self.text = text
        self.role = role
        self.attributes = attributes
    }

    public static let blank = Cell()

    /// True for the trailing half of a wide glyph.
    public var isContinuation: Bool { text.isEmpty }
}
