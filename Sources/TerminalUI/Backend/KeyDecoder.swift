import ConsoleCore

/// What `wget_wch` returned: a character, or a curses key code (KEY_CODE_YES).
public enum RawKey: Sendable, Hashable {
    case character(UInt32)
    case code(Int32)
}

/// Turns a drained batch of `wget_wch` results into key presses. Pure, so the
/// rules (ctrl letters, ESC-prefixed alt, curses key codes) are tested without a terminal.
public enum KeyDecoder {
    // ncurses key codes (curses.h octal values), fixed by X/Open.
    static let keyDown: Int32 = 0o402, keyUp: Int32 = 0o403, keyLeft: Int32 = 0o404, keyRight: Int32 = 0o405
    static let keyHome: Int32 = 0o406, keyBackspace: Int32 = 0o407, keyF0: Int32 = 0o410
    static let keyDelete: Int32 = 0o512, keyPageDown: Int32 = 0o522, keyPageUp: Int32 = 0o523
    static let keyEnter: Int32 = 0o527, keyBackTab: Int32 = 0o541, keyEnd: Int32 = 0o550
    static let keyResize: Int32 = 0o632

    /// Decodes one batch. ESC immediately followed by another key in the same
    /// batch is alt+that key (terminals send alt as an ESC prefix); an ESC on
    /// its own is the escape key. Resize codes are left out (the caller handles them).
    public static func decode(_ batch: [RawKey]) -> [KeyPress] {
        var keys: [KeyPress] = []
        var index = 0
        while index < batch.count {
            let raw = batch[index]
            index += 1
            if raw == .character(27), index < batch.count, batch[index] != .character(27),
               var next = decodeOne(batch[index]) {
                index += 1
                next.alt = true
                keys.append(next)
                continue
            }
            if let key = decodeOne(raw) { keys.append(key) }
        }
        return keys
    }

    static func decodeOne(_ raw: RawKey) -> KeyPress? {
        switch raw {
        case .character(let value):
            switch value {
            case 27: return KeyPress(.escape)
            case 9: return KeyPress(.tab)
            case 10, 13: return KeyPress(.enter)
            case 8, 127: return KeyPress(.backspace)
            case 0: return KeyPress(.character(" "), control: true)
            case 1...26:
                return KeyPress(.character(Character(Unicode.Scalar(value + 96)!)), control: true)
            case 28...31: return nil // ctrl-\ ] ^ _: not bound anywhere; dropped rather than misread
            default:
                guard let scalar = Unicode.Scalar(value) else { return nil }
                if TerminalText.isForbidden(scalar) { return nil }
                return KeyPress(.character(Character(scalar)))
            }
        case .code(let code):
            switch code {
            case keyUp: return KeyPress(.up)
            case keyDown: return KeyPress(.down)
            case keyLeft: return KeyPress(.left)
            case keyRight: return KeyPress(.right)
            case keyHome: return KeyPress(.home)
            case keyEnd: return KeyPress(.end)
            case keyPageUp: return KeyPress(.pageUp)
            case keyPageDown: return KeyPress(.pageDown)
            case keyBackspace: return KeyPress(.backspace)
            case keyDelete: return KeyPress(.delete)
            case keyEnter: return KeyPress(.enter)
            case keyBackTab: return KeyPress(.backTab)
            case (keyF0 + 1)...(keyF0 + 24): return KeyPress(.function(Int(code - keyF0)))
            default: return nil
            }
        }
    }
}
