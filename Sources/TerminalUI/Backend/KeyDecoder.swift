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

    /// Decodes one batch on its own (an escape sequence cut off at the end of the batch is dropped).
    /// ESC immediately followed by another key in the same batch is alt+that key (terminals send alt as
    /// an ESC prefix); an ESC on its own is the escape key. Resize codes are left out (the caller handles them).
    public static func decode(_ batch: [RawKey]) -> [KeyPress] {
        decode(batch, holdingIncompleteTail: false).keys
    }

    /// Escape sequences the terminfo entry does not describe (with `TERM=vt100` or `linux`: shift-arrows
    /// `ESC [ 1 ; 2 A`, shift-tab `ESC [ Z`, F-keys with modifiers) arrive as ESC plus plain characters.
    /// A whole CSI (`ESC [` or 0x9B, parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final
    /// byte 0x40–0x7E) or SS3 (`ESC O` or 0x8F, same shape) is read as one key: the few unmodified ones
    /// every terminal agrees on (arrows, home/end, page keys, delete, shift-tab) become that key, and
    /// every other one is ignored, so its `A` or `Z` or digits never run as commands.
    /// - Returns: the keys, and the start of a sequence cut off by the end of the batch (when
    ///   `holdingIncompleteTail`) for the caller to put in front of the next batch.
    static func decode(_ batch: [RawKey], holdingIncompleteTail: Bool) -> (keys: [KeyPress], incomplete: [RawKey]) {
        var keys: [KeyPress] = []
        var index = 0
        while index < batch.count {
            let raw = batch[index]
            if let introducer = SequenceIntroducer(batch, at: index) {
                switch readSequence(batch, from: index + introducer.length) {
                case .complete(let parameters, let final, let next):
                    if let key = knownSequenceKey(introducer, parameters: parameters, final: final) { keys.append(key) }
                    index = next
                    continue
                case .cutOff:
                    return (keys, holdingIncompleteTail ? Array(batch[index...]) : [])
                case .interrupted(let next):
                    // Not a sequence after all (a control key or curses key arrived inside it): drop what
                    // was read and decode the interrupting key on its own.
                    index = next
                    continue
                }
            }
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
        return (keys, [])
    }

    /// How an escape sequence starts: `ESC [` / 0x9B (CSI) or `ESC O` / 0x8F (SS3).
    struct SequenceIntroducer {
        enum Kind { case csi, ss3 }
        var kind: Kind
        var length: Int

        init?(_ batch: [RawKey], at index: Int) {
            switch batch[index] {
            case .character(0x9B): (kind, length) = (.csi, 1)
            case .character(0x8F): (kind, length) = (.ss3, 1)
            case .character(27) where index + 1 < batch.count && batch[index + 1] == .character(0x5B): (kind, length) = (.csi, 2)
            case .character(27) where index + 1 < batch.count && batch[index + 1] == .character(0x4F): (kind, length) = (.ss3, 2)
            default: return nil
            }
        }
    }

    enum SequenceRead {
        case complete(parameters: String, final: UInt32, next: Int)
        case cutOff
        case interrupted(next: Int)
    }

    /// Reads parameter and intermediate bytes up to the final byte.
    static func readSequence(_ batch: [RawKey], from start: Int) -> SequenceRead {
        var parameters = ""
        var index = start
        while index < batch.count {
            guard case .character(let value) = batch[index] else { return .interrupted(next: index) }
            switch value {
            case 0x20...0x3F:
                parameters.unicodeScalars.append(Unicode.Scalar(UInt8(value)))
                index += 1
            case 0x40...0x7E:
                return .complete(parameters: parameters, final: value, next: index + 1)
            default:
                return .interrupted(next: index)
            }
        }
        return .cutOff
    }

    /// The unmodified sequences every terminal means the same by. Anything with modifiers or unknown
    /// finals is nil: ignored.
    static func knownSequenceKey(_ introducer: SequenceIntroducer, parameters: String, final: UInt32) -> KeyPress? {
        switch (parameters, Unicode.Scalar(UInt8(final))) {
        case ("", "A"): return KeyPress(.up)
        case ("", "B"): return KeyPress(.down)
        case ("", "C"): return KeyPress(.right)
        case ("", "D"): return KeyPress(.left)
        case ("", "H"): return KeyPress(.home)
        case ("", "F"): return KeyPress(.end)
        case ("", "Z") where introducer.kind == .csi: return KeyPress(.backTab)
        case ("1", "~"), ("7", "~"): return introducer.kind == .csi ? KeyPress(.home) : nil
        case ("4", "~"), ("8", "~"): return introducer.kind == .csi ? KeyPress(.end) : nil
        case ("3", "~"): return introducer.kind == .csi ? KeyPress(.delete) : nil
        case ("5", "~"): return introducer.kind == .csi ? KeyPress(.pageUp) : nil
        case ("6", "~"): return introducer.kind == .csi ? KeyPress(.pageDown) : nil
        default: return nil
        }
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

/// Decodes key batches as they are read, carrying an escape sequence split across reads (over SSH its
/// bytes can arrive in separate packets) into the next read. A held start that nothing completes within
/// `staleAfter` is dropped, so a stray `ESC [` cannot swallow a key typed much later.
public struct KeyStreamDecoder: Sendable {
    private var held: [RawKey] = []
    private var heldSince: ContinuousClock.Instant?
    /// When the last batch ended in an ESC that was delivered as the escape key.
    private var loneEscapeAt: ContinuousClock.Instant?
    public var staleAfter: Duration

    public init(staleAfter: Duration = .milliseconds(500)) {
        self.staleAfter = staleAfter
    }

    /// True while the start of an escape sequence waits for the rest.
    public var isHoldingPartialSequence: Bool { !held.isEmpty }

    public mutating func decode(_ batch: [RawKey], now: ContinuousClock.Instant = .now) -> [KeyPress] {
        if let since = heldSince, now - since > staleAfter {
            held.removeAll()
            heldSince = nil
        }
        guard !batch.isEmpty else { return [] }
        var input = held + batch
        // curses gives up on an ESC after ESCDELAY and delivers it as the escape key; if the rest of a CSI
        // (`[1;2A`) arrives just after, it is still that sequence's tail, not `[` `1` `;` `2` `A` typed.
        if held.isEmpty, let escape = loneEscapeAt, now - escape <= staleAfter, batch.first == .character(0x5B) {
            input.insert(.character(27), at: 0)
        }
        loneEscapeAt = nil
        let (keys, incomplete) = KeyDecoder.decode(input, holdingIncompleteTail: true)
        if incomplete.isEmpty {
            held = []
            heldSince = nil
            if input.last == .character(27) { loneEscapeAt = now }
        } else {
            if held.isEmpty { heldSince = now }
            held = incomplete
        }
        return keys
    }
}
