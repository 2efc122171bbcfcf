/// A colour as a theme names it. The backend converts it to what the terminal
/// can show (true colour → 256 → 16 → 8).
public enum ThemeColor: Sendable, Hashable, CustomStringConvertible {
    /// The terminal's own foreground or background (curses colour -1).
    case terminalDefault
    /// 0–15 are the ANSI colours (user's palette), 16–255 the xterm cube and greys.
    case indexed(Int)
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Parses "default", an ANSI name ("red", "bright-red", "gray"/"grey"), "#rrggbb".
    public init?(name: String) {
        let lowered = name.lowercased()
        if lowered == "default" {
            self = .terminalDefault
        } else if let index = Self.ansiNames.firstIndex(of: lowered) {
            self = .indexed(index)
        } else if lowered == "gray" || lowered == "grey" {
            self = .indexed(8)
        } else if lowered.hasPrefix("#"), lowered.count == 7, let value = UInt32(lowered.dropFirst(), radix: 16) {
            self = .rgb(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .terminalDefault: "default"
        case .indexed(let index): index < 16 ? Self.ansiNames[index] : "\(index)"
        case .rgb(let r, let g, let b): "#" + [r, g, b].map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
        }
    }

    /// The nearest colour a terminal with `depth` can show; nil means "use the
    /// terminal default" (no colour support at all).
    public func reduced(to depth: ColorDepth) -> ThemeColor? {
        switch (self, depth) {
        case (.terminalDefault, _): return .terminalDefault
        case (_, .none): return nil
        case (.rgb, .trueColor): return self
        case (.indexed(let index), _) where index < depth.colorCount: return self
        case (.indexed(let index), _):
            let (r, g, b) = Self.rgbOfIndex(index)
            return ThemeColor.rgb(red: r, green: g, blue: b).reduced(to: depth)
        case (.rgb(let r, let g, let b), .colors256): return .indexed(Self.nearest256(r, g, b))
        case (.rgb(let r, let g, let b), _): return .indexed(Self.nearestANSI(r, g, b, count: depth.colorCount))
        }
    }

    // MARK: - Palette arithmetic

    /// Typical xterm values for the 16 ANSI colours (the real ones are the user's choice).
    static let ansiRGB: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    static func rgbOfIndex(_ index: Int) -> (UInt8, UInt8, UInt8) {
        switch index {
        case ..<16: return ansiRGB[max(0, index)]
        case 16..<232:
            let cube = index - 16
            return (UInt8(cubeLevels[cube / 36]), UInt8(cubeLevels[cube / 6 % 6]), UInt8(cubeLevels[cube % 6]))
        default:
            let level = UInt8(8 + 10 * (min(index, 255) - 232))
            return (level, level, level)
        }
    }

    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr + dg * dg + db * db
    }

    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        func level(_ v: UInt8) -> Int {
            cubeLevels.indices.min { abs(cubeLevels[$0] - Int(v)) < abs(cubeLevels[$1] - Int(v)) }!
        }
        let cubeIndex = 16 + 36 * level(r) + 6 * level(g) + level(b)
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyIndex = 232 + min(23, max(0, (average - 3) / 10))
        let target = (r, g, b)
        return distance(rgbOfIndex(cubeIndex), target) <= distance(rgbOfIndex(greyIndex), target) ? cubeIndex : greyIndex
    }

    static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8, count: Int) -> Int {
        (0..<min(count, 16)).min { distance(ansiRGB[$0], (r, g, b)) < distance(ansiRGB[$1], (r, g, b)) }!
    }
}

/// How many colours the terminal can show.
public enum ColorDepth: Sendable, Hashable, Comparable {
    case none, colors8, colors16, colors256, trueColor

    public var colorCount: Int {
        switch self {
        case .none: 0
        case .colors8: 8
        case .colors16: 16
        case .colors256: 256
        case .trueColor: 1 << 24
        }
    }

    /// From curses' COLORS and the COLORTERM variable ("truecolor"/"24bit").
    public static func detect(colors: Int, colorTerm: String?) -> ColorDepth {
        let term = colorTerm?.lowercased() ?? ""
        if (term == "truecolor" || term == "24bit"), colors >= 8 { return .trueColor }
        if colors >= 256 { return .colors256 }
        if colors >= 16 { return .colors16 }
        if colors >= 8 { return .colors8 }
        return .none
    }
}
