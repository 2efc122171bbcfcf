/// Text measured and cleaned for a terminal: every string that reaches the
/// screen passes through here, so width rules and the hostile-text policy live in
/// one place.
public enum TerminalText {
    /// What a removed control, escape sequence or misleading format character
    /// becomes: visible, so the merchant sees that something was there.
    public static let replacement: Character = "\u{FFFD}"

    /// Replaces everything that could act on the terminal or mislead the reader:
    /// C0/C1 controls, DEL, whole escape sequences (CSI, OSC incl. OSC 52
    /// clipboard writes, DCS/APC/PM/SOS strings), bidi overrides/isolates/marks
    /// and other invisible format characters. Tabs, newlines and line/paragraph
    /// separators become spaces. Zero-width joiners and emoji tags are kept
    /// because emoji sequences need them.
    public static func sanitize(_ text: String) -> String {
        if isPlainPrintableASCII(text) || simpleTextWidth(text) != nil { return text }
        var output = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            switch scalar.value {
            case 0x0D where scalars.first == "\n":
                scalars = scalars.dropFirst()
                output.append(" ")
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
                output.append(" ")
            case 0x1B:
                scalars = skipEscapeSequence(after: scalars)
                output.append(replacementScalar)
            case 0x9B: // C1 CSI
                scalars = skipControlSequence(scalars)
                output.append(replacementScalar)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: // C1 DCS, SOS, OSC, PM, APC
                scalars = skipControlString(scalars)
                output.append(replacementScalar)
            default:
                output.append(isForbidden(scalar) ? replacementScalar : scalar)
            }
        }
        return String(output)
    }

    /// Columns the text occupies, measured per grapheme cluster (what the
    /// terminal draws as one glyph). Controls count as the one column their
    /// replacement will take.
    public static func width(_ text: String) -> Int {
        if isPlainPrintableASCII(text) { return text.utf8.count }
        if let simple = simpleTextWidth(text) { return simple }
        var total = 0
        for cluster in text { total += width(of: cluster) }
        return total
    }

    /// Columns one grapheme cluster occupies: 0, 1 or 2.
    public static func width(of cluster: Character) -> Int {
        // ASCII (including "\r\n", one cluster) is one column; controls are
        // replaced by one visible column.
        if cluster.isASCII { return 1 }
        let scalars = cluster.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let base = scalarWidth(first)
        if base == 2 { return 2 }
        if base == 0 {
            // A cluster that starts with a combining mark has nothing to sit on.
            if isForbidden(first) || first.value == 0x1B { return 1 }
            return 0
        }
        var count = 0
        for scalar in scalars {
            count += 1
            // VS16 asks for emoji presentation, which terminals draw two columns wide.
            if scalar.value == 0xFE0F, first.properties.isEmoji { return 2 }
        }
        // A pair of regional indicators is a flag.
        if (0x1F1E6...0x1F1FF).contains(first.value), count >= 2 { return 2 }
        return base
    }

    /// Cuts the text to at most `toWidth` columns, never splitting a cluster,
    /// ending with "…" when something was cut (if `ellipsis`).
    public static func truncate(_ text: String, toWidth limit: Int, ellipsis: Bool = true) -> String {
        guard limit > 0 else { return "" }
        if width(text) <= limit { return text }
        let budget = ellipsis ? limit - 1 : limit
        var result = ""
        var used = 0
        for cluster in text {
            let clusterWidth = width(of: cluster)
            if used + clusterWidth > budget { break }
            result.append(cluster)
            used += clusterWidth
        }
        if ellipsis { result.append("…") }
        return result
    }

    /// Exactly `toWidth` columns: truncated with "…" if too wide, else filled
    /// with spaces on the right (or on the left when `alignRight`).
    public static func pad(_ text: String, toWidth target: Int, alignRight: Bool = false) -> String {
        guard target > 0 else { return "" }
        let fitted = truncate(text, toWidth: target)
        let gap = target - width(fitted)
        guard gap > 0 else { return fitted }
        let spaces = String(repeating: " ", count: gap)
        return alignRight ? spaces + fitted : fitted + spaces
    }

    /// Centres the text in exactly `toWidth` columns.
    public static func center(_ text: String, toWidth target: Int) -> String {
        guard target > 0 else { return "" }
        let fitted = truncate(text, toWidth: target)
        let gap = target - width(fitted)
        let left = gap / 2
        return String(repeating: " ", count: left) + fitted + String(repeating: " ", count: gap - left)
    }

    /// Splits text into lines of at most `toWidth` columns, breaking at spaces
    /// where possible and inside long words otherwise. Newlines start new lines.
    public static func wrap(_ text: String, toWidth limit: Int) -> [String] {
        guard limit > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var wordWidth = width(word)
                if lineWidth > 0, lineWidth + 1 + wordWidth <= limit {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > limit {
                    let head = truncate(word, toWidth: limit, ellipsis: false)
                    let headCount = head.count
                    guard headCount > 0 else { break } // a 2-column glyph in a 1-column space
                    lines.append(head)
                    word = String(word.dropFirst(headCount))
                    wordWidth = width(word)
                }
                line = word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    // MARK: - Internals

    static let replacementScalar: Unicode.Scalar = "\u{FFFD}"

    static func isPlainPrintableASCII(_ text: String) -> Bool {
        // Native strings are contiguous UTF-8: scan the bytes directly (runs several times per table cell).
        if let answer = text.utf8.withContiguousStorageIfAvailable({ bytes in
            for byte in bytes where byte < 0x20 || byte >= 0x7F { return false }
            return true
        }) {
            return answer
        }
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F { return false }
        return true
    }

    /// The width of text made only of "simple" scalars, or nil. A simple scalar is printable, left alone
    /// by `sanitize`, and always a grapheme cluster of its own next to another simple scalar (no Unicode
    /// rule joins two of them), so such text can be measured and drawn scalar by scalar, without
    /// grapheme breaking. This covers the usual names and labels: Latin with accents, dashes and "…",
    /// kana, CJK ideographs and precomposed Hangul. Anything else (combining marks, jamo, emoji,
    /// Arabic, controls) takes the general path.
    static func simpleTextWidth(_ text: String) -> Int? {
        var total = 0
        for scalar in text.unicodeScalars {
            guard isSimple(scalar.value) else { return nil }
            total += scalar.value < 0x300 ? 1 : scalarWidth(scalar)
        }
        return total
    }

    static func isSimple(_ value: UInt32) -> Bool {
        if value < 0x300 { return value >= 0x20 && !(0x7F...0x9F).contains(value) && value != 0xAD }
        switch value {
        case 0x2010...0x2027, 0x2030...0x205E: return true                    // dashes, quotes, bullets, "…", "‰"
        case 0x3041...0x3096, 0x30A0...0x30FF: return true                    // hiragana (not the combining marks), katakana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: return true   // CJK ideographs, Hangul syllables
        case 0xFF01...0xFF60: return true                                     // fullwidth forms
        default: return false
        }
    }

    /// Columns for one scalar on its own: 0 (combining, format), 1 or 2.
    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return 1 }
        if EastAsianWidthTable.contains(value, in: EastAsianWidthTable.zero) { return 0 }
        if EastAsianWidthTable.contains(value, in: EastAsianWidthTable.wide) { return 2 }
        return 1
    }

    /// Characters that must never reach the terminal as themselves.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        if value < 0xAD { return false }
        switch value {
        case 0x200C, 0x200D: return false           // ZWNJ/ZWJ: needed by scripts and emoji
        case 0xE0020...0xE007F: return false        // emoji tag sequences (subdivision flags)
        case 0xFFF9...0xFFFB: return true           // interlinear annotation controls
        default: break
        }
        // Bidi embeddings/overrides/isolates/marks (U+202A–202E, U+2066–2069,
        // U+200E/200F, U+061C), zero-width spaces, BOM, soft hyphen: all Cf.
        return scalar.properties.generalCategory == .format
    }

    /// Skips the rest of an ESC-introduced sequence.
    static func skipEscapeSequence(after rest: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        guard let introducer = rest.first else { return rest }
        let afterIntroducer = rest.dropFirst()
        switch introducer {
        case "[": return skipControlSequence(afterIntroducer)
        case "]", "P", "X", "^", "_": return skipControlString(afterIntroducer)
        default:
            // Two-character escapes (ESC 7, ESC c, ESC ( B …): intermediates then a final.
            var remaining = rest
            while let next = remaining.first, (0x20...0x2F).contains(next.value) {
                remaining = remaining.dropFirst()
            }
            if let final = remaining.first, (0x30...0x7E).contains(final.value) {
                remaining = remaining.dropFirst()
            }
            return remaining
        }
    }

    /// CSI: parameter and intermediate bytes, then one final byte.
    static func skipControlSequence(_ rest: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var remaining = rest
        while let next = remaining.first {
            remaining = remaining.dropFirst()
            if (0x40...0x7E).contains(next.value) { break }
            if !(0x20...0x3F).contains(next.value) {
                // Not part of a well-formed CSI: stop here and let the caller see it.
                return rest.dropFirst(rest.count - remaining.count - 1)
            }
        }
        return remaining
    }

    /// OSC/DCS/APC/PM/SOS strings run to BEL, ST (ESC \) or C1 ST.
    static func skipControlString(_ rest: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var remaining = rest
        while let next = remaining.first {
            remaining = remaining.dropFirst()
            switch next.value {
            case 0x07, 0x9C:
                return remaining
            case 0x1B:
                if remaining.first == "\\" { return remaining.dropFirst() }
                return remaining
            default:
                continue
            }
        }
        return remaining
    }
}
