/// Checks a keymap the way swift-argument-parser checks a command definition: once, as a test,
/// and again on a user's remapped keymap before it is used.
public enum KeymapValidator {
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var context: KeyContext
        public var key: KeyPress
        public var message: String
        public var description: String { "[\(context.rawValue)] \(key): \(message)" }
    }

    /// Keys that move around. A money move must not sit on or next to one of them: a slipped finger
    /// while scrolling must never open a capture.
    public static let navigationKeys: Set<String> = ["j", "k", "h", "l", "g", "space", "enter"]

    /// Physical neighbours on a QWERTY layout (same key shifted counts as the same key).
    /// The space bar's neighbours are the keys above it; enter's are the keys left of it.
    static let qwertyNeighbours: [String: Set<String>] = {
        let rows = ["1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./"]
        var map: [String: Set<String>] = [:]
        func add(_ a: String, _ b: String) {
            map[a, default: []].insert(b)
            map[b, default: []].insert(a)
        }
        let grid = rows.map { $0.map(String.init) }
        for (r, row) in grid.enumerated() {
            for (c, key) in row.enumerated() {
                if c + 1 < row.count { add(key, row[c + 1]) }
                // Staggered rows: a key touches the two keys below it at c-1+offset and c+offset.
                if r + 1 < grid.count {
                    let below = grid[r + 1]
                    for dc in [-1, 0] where c + dc >= 0 && c + dc < below.count { add(key, below[c + dc]) }
                }
            }
        }
        for key in ["c", "v", "b", "n", "m"] { add("space", key) }
        for key in ["'", "]", "\\", ";", "["] { add("enter", key) }
        return map
    }()

    /// The physical key a press is typed on, unshifted ("G" → "g", ":" → ";").
    static func physicalKey(_ press: KeyPress) -> String? {
        switch press.key {
        case .enter: return "enter"
        case .character(" "): return "space"
        case .character(let c):
            let shifted: [Character: String] = ["!": "1", "@": "2", "#": "3", "$": "4", "%": "5", "^": "6", "&": "7",
                                                "*": "8", "(": "9", ")": "0", "_": "-", "+": "=", "{": "[", "}": "]",
                                                "|": "\\", ":": ";", "\"": "'", "<": ",", ">": ".", "?": "/"]
            if let base = shifted[c] { return base }
            return c.lowercased()
        default: return nil
        }
    }

    public static func problems(in keymap: Keymap) -> [Problem] {
        var problems: [Problem] = []
        for context in KeyContext.allCases {
            var seen: [KeyPress: ConsoleCommand] = [:]
            for binding in keymap.bindings where binding.contexts.contains(context) {
                if let earlier = seen[binding.key] {
                    problems.append(Problem(context: context, key: binding.key,
                                            message: "bound twice (\(earlier.rawValue) and \(binding.command.rawValue))"))
                }
                seen[binding.key] = binding.command
                guard binding.command.isDangerous else { continue }
                if binding.key.control == false, binding.key.alt == false, case .character(let c) = binding.key.key,
                   c.isLowercase || c.isNumber || c == " " {
                    problems.append(Problem(context: context, key: binding.key,
                                            message: "\(binding.command.rawValue) moves money and must need shift or ctrl"))
                }
                switch binding.key.key {
                case .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab:
                    problems.append(Problem(context: context, key: binding.key,
                                            message: "\(binding.command.rawValue) moves money and is on a navigation key"))
                    continue
                default: break
                }
                guard let physical = physicalKey(binding.key) else { continue }
                if navigationKeys.contains(physical) {
                    problems.append(Problem(context: context, key: binding.key,
                                            message: "\(binding.command.rawValue) moves money and is on the navigation key \(physical)"))
                } else if let near = qwertyNeighbours[physical]?.intersection(navigationKeys), !near.isEmpty {
                    problems.append(Problem(context: context, key: binding.key,
                                            message: "\(binding.command.rawValue) moves money and sits next to \(near.sorted().joined(separator: ", "))"))
                }
            }
        }
        return problems
    }
}
