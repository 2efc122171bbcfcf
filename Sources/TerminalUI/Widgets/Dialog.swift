import ConsoleCore

/// A line of dialog text with its own role (e.g. the amount in `danger`).
public struct DialogLine: Sendable, Hashable {
    public var text: String
    public var role: ThemeRole
    public var attributes: CellAttributes

    public init(_ text: String, role: ThemeRole = .dialog, attributes: CellAttributes = []) {
        self.text = text
        self.role = role
        self.attributes = attributes
    }
}

public struct DialogButton: Sendable, Hashable {
    public var title: String
    /// Danger buttons (the ones that move money) are drawn in the danger role when not focused.
    public var isDanger: Bool

    public init(_ title: String, isDanger: Bool = false) {
        self.title = title
        self.isDanger = isDanger
    }
}

/// A one-line text field inside a dialog (amount, reason, "yes").
public struct DialogInput: Sendable, Hashable {
    public var label: String
    public var text: String
    /// Cursor position in characters (nil: after the last character).
    public var cursor: Int?
    public var placeholder: String
    public var isFocused: Bool

    public init(label: String, text: String, cursor: Int? = nil, placeholder: String = "", isFocused: Bool = true) {
        self.label = label
        self.text = text
        self.cursor = cursor
        self.placeholder = placeholder
        self.isFocused = isFocused
    }
}

/// A modal box: title, body, optional input, buttons. It is drawn whole or not
/// at all: a confirmation that does not fit must not be shown half, and the
/// caller refuses the action instead (see `fits(in:)`).
public struct Dialog: Sendable, Hashable {
    public var title: String
    public var body: [DialogLine]
    public var input: DialogInput?
    public var buttons: [DialogButton]
    /// Index into `buttons`; nil when focus is on the input.
    public var focusedButton: Int?
    public var titleRole: ThemeRole
    /// Widest the inside of the box grows (it shrinks to the screen).
    public var maxInnerWidth: Int

    public init(title: String, body: [DialogLine], input: DialogInput? = nil, buttons: [DialogButton],
                focusedButton: Int? = 0, titleRole: ThemeRole = .dialog, maxInnerWidth: Int = 64) {
        self.title = title
        self.body = body
        self.input = input
        self.buttons = buttons
        self.focusedButton = focusedButton
        self.titleRole = titleRole
        self.maxInnerWidth = maxInnerWidth
    }

    /// Where the box goes inside `area`, or nil when it cannot be shown whole.
    public func frame(in area: Rect) -> Rect? {
        let buttonsWidth = buttonLineWidth
        let minimumInner = max(buttonsWidth, input == nil ? 1 : TerminalText.width(input!.label) + 6, 10)
        let contentWidth = max(
            body.map { TerminalText.width(TerminalText.sanitize($0.text)) }.max() ?? 0,
            TerminalText.width(TerminalText.sanitize(title)) + 2,
            minimumInner,
            input == nil ? 0 : TerminalText.width(input!.label) + 24
        )
        let inner = min(contentWidth, maxInnerWidth, area.width - 4)
        guard inner >= minimumInner else { return nil }
        let height = 2 + wrappedBody(width: inner).count + (input == nil ? 0 : 2) + 2
        guard height <= area.height else { return nil }
        return area.centered(width: inner + 4, height: height)
    }

    public func fits(in area: Rect) -> Bool { frame(in: area) != nil }

    /// Draws the dialog centred in `area`. Returns false (drawing nothing) when it does not fit.
    @discardableResult
    public func draw(into grid: inout CellGrid, within area: Rect) -> Bool {
        guard let box = frame(in: area) else { return false }
        grid.fill(box, role: .dialog)
        grid.drawBox(box, role: .dialog, title: title, titleRole: titleRole)
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        var y = inner.y
        for line in wrappedBody(width: inner.width) {
            grid.write(line.text, x: inner.x, y: y, maxWidth: inner.width, role: line.role, attributes: line.attributes)
            y += 1
        }
        if let input {
            y += 1
            drawInput(input, into: &grid, x: inner.x, y: y, width: inner.width)
            y += 1
        }
        drawButtons(into: &grid, x: inner.x, y: inner.maxY - 1, width: inner.width)
        return true
    }

    private var buttonLineWidth: Int {
        let labels = buttons.map { TerminalText.width(TerminalText.sanitize($0.title)) + 4 }
        return labels.reduce(0, +) + 2 * max(0, buttons.count - 1)
    }

    private func wrappedBody(width: Int) -> [DialogLine] {
        body.flatMap { line in
            TerminalText.wrap(TerminalText.sanitize(line.text), toWidth: width).map {
                DialogLine($0, role: line.role, attributes: line.attributes)
            }
        }
    }

    private func drawInput(_ input: DialogInput, into grid: inout CellGrid, x: Int, y: Int, width: Int) {
        let label = TerminalText.sanitize(input.label) + " "
        let labelWidth = grid.write(label, x: x, y: y, maxWidth: width, role: .dialog)
        let fieldX = x + labelWidth
        let fieldWidth = width - labelWidth
        guard fieldWidth > 1 else { return }
        grid.fill(Rect(x: fieldX, y: y, width: fieldWidth, height: 1), role: .input)
        let text = TerminalText.sanitize(input.text)
        if text.isEmpty, !input.placeholder.isEmpty {
            grid.write(input.placeholder, x: fieldX, y: y, maxWidth: fieldWidth - 1, role: .input, attributes: .dim)
        }
        let characters = Array(text)
        let cursor = min(max(0, input.cursor ?? characters.count), characters.count)
        // Keep the cursor visible: show the tail that ends at the cursor when the text is long.
        var start = 0
        while TerminalText.width(String(characters[start..<cursor])) > fieldWidth - 1 { start += 1 }
        let visible = String(characters[start...])
        grid.write(visible, x: fieldX, y: y, maxWidth: fieldWidth, role: .input)
        if input.isFocused {
            let cursorX = fieldX + TerminalText.width(String(characters[start..<cursor]))
            let under = cursor < characters.count ? String(characters[cursor]) : " "
            grid.write(under, x: cursorX, y: y, maxWidth: x + width - cursorX, role: .input, attributes: .reverse)
        }
    }

    private func drawButtons(into grid: inout CellGrid, x: Int, y: Int, width: Int) {
        var column = x + max(0, (width - buttonLineWidth) / 2)
        for (index, button) in buttons.enumerated() {
            let focused = index == focusedButton
            let label = (focused ? "[ " : "  ") + TerminalText.sanitize(button.title) + (focused ? " ]" : "  ")
            let role: ThemeRole = focused ? .dialogFocus : (button.isDanger ? .danger : .dialog)
            column += grid.write(label, x: column, y: y, maxWidth: x + width - column, role: role,
                                 attributes: focused ? .bold : [])
            column += 2
        }
    }
}
