/// One key the user pressed, already decoded from the terminal's byte stream by the backend.
public struct KeyPress: Sendable, Hashable, CustomStringConvertible {
    public enum Key: Sendable, Hashable {
        case character(Character)
        case enter, escape, tab, backTab, backspace, delete
        case up, down, left, right, pageUp, pageDown, home, end
        case function(Int)
    }

    public var key: Key
    public var control: Bool
    public var alt: Bool

    public init(_ key: Key, control: Bool = false, alt: Bool = false) {
        self.key = key
        self.control = control
        self.alt = alt
    }

    public static func char(_ character: Character) -> KeyPress { KeyPress(.character(character)) }
    public static func ctrl(_ character: Character) -> KeyPress { KeyPress(.character(character), control: true) }

    /// The printable character this key types into a text field, if any.
    public var typedCharacter: Character? {
        guard !control, !alt, case .character(let c) = key else { return nil }
        return c
    }

    /// Human spelling used by help and key remapping ("ctrl-r", "enter", "G", "F5").
    public var description: String {
        var prefix = ""
        if control { prefix += "ctrl-" }
        if alt { prefix += "alt-" }
        switch key {
        case .character(" "): return prefix + "space"
        case .character(let c): return prefix + String(c)
        case .enter: return prefix + "enter"
        case .escape: return prefix + "esc"
        case .tab: return prefix + "tab"
        case .backTab: return prefix + "shift-tab"
        case .backspace: return prefix + "backspace"
        case .delete: return prefix + "delete"
        case .up: return prefix + "up"
        case .down: return prefix + "down"
        case .left: return prefix + "left"
        case .right: return prefix + "right"
        case .pageUp: return prefix + "pgup"
        case .pageDown: return prefix + "pgdn"
        case .home: return prefix + "home"
        case .end: return prefix + "end"
        case .function(let n): return prefix + "F\(n)"
        }
    }

    /// Parses the spelling `description` produces, so keymaps can be written in config files.
    public init?(spec: String) {
        var rest = Substring(spec)
        var control = false
        var alt = false
        while true {
            if rest.count > 1, rest.lowercased().hasPrefix("ctrl-") { control = true; rest = rest.dropFirst(5); continue }
            if rest.count > 1, rest.lowercased().hasPrefix("alt-") { alt = true; rest = rest.dropFirst(4); continue }
            break
        }
        let named: [String: Key] = [
            "space": .character(" "), "enter": .enter, "esc": .escape, "escape": .escape, "tab": .tab,
            "shift-tab": .backTab, "backspace": .backspace, "delete": .delete, "up": .up, "down": .down,
            "left": .left, "right": .right, "pgup": .pageUp, "pgdn": .pageDown, "home": .home, "end": .end,
        ]
        if let key = named[rest.lowercased()] {
            self.init(key, control: control, alt: alt)
        } else if rest.count == 1, let c = rest.first {
            self.init(.character(control ? Character(c.lowercased()) : c), control: control, alt: alt)
        } else if rest.count >= 2, rest.first == "F" || rest.first == "f", let n = Int(rest.dropFirst()), (1...24).contains(n) {
            self.init(.function(n), control: control, alt: alt)
        } else {
            return nil
        }
    }
}
