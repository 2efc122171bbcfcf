/// How one role looks.
public struct ThemeStyle: Sendable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: CellAttributes

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault, attributes: CellAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = ThemeStyle()
}

/// A complete mapping of every role to a style.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var description: String
    public var styles: [ThemeRole: ThemeStyle]

    public init(name: String, description: String = "", styles: [ThemeRole: ThemeStyle]) {
        self.name = name
        self.description = description
        self.styles = styles
    }

    public func style(for role: ThemeRole) -> ThemeStyle {
        styles[role] ?? styles[.normal] ?? .plain
    }

    /// The theme with colours removed (attributes kept), for when the
    /// terminal has no colours but a theme was chosen anyway.
    public var withoutColors: Theme {
        Theme(name: name, description: description, styles: styles.mapValues { ThemeStyle(attributes: $0.attributes) })
    }
}
