import Foundation

/// OSC 52 ("set selection"): the terminal puts the text on the user's
/// clipboard, which also works over SSH because it travels with the output.
public enum OSC52 {
    /// The escape sequence that copies `text`. The text is sanitised first so
    /// that nothing but the intended characters lands on the clipboard.
    public static func sequence(copying text: String) -> String {
        let clean = TerminalText.sanitize(text)
        return "\u{1b}]52;c;" + Data(clean.utf8).base64EncodedString() + "\u{07}"
    }
}
