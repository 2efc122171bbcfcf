import Foundation
import Testing
@testable import useepay

/// Issue 11 §4: a README that runs. Every `useepay …` command line in README.md (code blocks, tables,
/// inline code) is parsed by the real argument parser; nothing is run, nothing touches the network.
@Suite struct ReadmeCommandLineTests {
    static let readmePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md").path

    static func readme() throws -> String {
        try String(contentsOfFile: readmePath, encoding: .utf8)
    }

    @Test func everyUseepayCommandLineInTheReadmeParses() throws {
        let commands = ReadmeCommands.extract(try Self.readme())
        #expect(commands.count >= 20, "found only \(commands.map(\.text))")
        for command in commands {
            for alternatives in command.checks {
                // One of the alternatives must parse: `subscriptions list|show|cancel [--at-period-end]` puts the
                // flag on cancel only.
                let problems = alternatives.map { ReadmeCommands.parseProblem($0, synopsis: command.isSynopsis) }
                if let first = alternatives.first, !problems.contains(where: { $0 == nil }) {
                    Issue.record("README.md line \(command.line): `\(command.text)` as \(first): \(problems[0] ?? "")")
                }
            }
        }
    }

    /// The sandbox's flag table names flags without `useepay` in front; each must be an option of `sandbox serve`.
    @Test func everyFlagInTheSandboxFlagTableIsAccepted() throws {
        let flags = ReadmeCommands.sandboxTableFlags(try Self.readme())
        #expect(flags.contains("--fault-rate-429"), "\(flags)")
        #expect(flags.count >= 20, "\(flags)")
        for flag in flags {
            if let problem = ReadmeCommands.parseProblem(["sandbox", "serve"] + ReadmeCommands.sampleUse(ofSandboxFlag: flag), synopsis: false) {
                Issue.record("README sandbox table: \(flag): \(problem)")
            }
        }
    }

    @Test func theExtractorFindsCodeBlocksTablesAndInlineCommands() throws {
        let commands = ReadmeCommands.extract(try Self.readme())
        let variants = commands.flatMap(\.variants)
        #expect(variants.contains(["sandbox", "serve", "--port", "0", "--in-memory"]))
        #expect(variants.contains(["payments", "list", "--sandbox", "--format", "csv"]), "code block, output redirect cut off")
        #expect(variants.contains(["payments", "capture", "-", "--yes", "--sandbox"]), "input redirect cut off")
        #expect(variants.contains(["payments", "list", "--format", "jsonl"]), "table synopsis alternatives")
        #expect(variants.contains(["--sandbox"]), "`swift run useepay --sandbox` and inline `useepay --sandbox`")
        #expect(variants.contains(["completions", "fish"]))
    }

    /// The check can fail: the names the README used to disagree with, and made-up ones, are refused.
    @Test func misspelledFlagsAndSubcommandsAreCaught() {
        #expect(ReadmeCommands.parseProblem(["sandbox", "serve", "--fault-rate500", "0.1"], synopsis: false) != nil)
        #expect(ReadmeCommands.parseProblem(["payments", "lsit"], synopsis: true) != nil)
        #expect(ReadmeCommands.parseProblem(["payments", "list", "--format", "xml"], synopsis: true) != nil)
        #expect(ReadmeCommands.parseProblem(["payments", "show"], synopsis: false) != nil, "a code block must be complete")
        #expect(ReadmeCommands.parseProblem(["payments", "show"], synopsis: true) == nil, "a table names the subcommand")
        #expect(ReadmeCommands.parseProblem(["sandbox", "serve", "--fault-rate-500", "0.1"], synopsis: false) == nil)
    }

    @Test func synopsisExpansion() {
        let variants = ReadmeCommands.variants(ofSynopsis: #"payments list [--today] [--since D] [--format table\|json]"#)
        #expect(variants.contains(["payments", "list"]))
        #expect(variants.contains(["payments", "list", "--today"]))
        #expect(variants.contains(["payments", "list", "--since", "2026-11-01"]))
        #expect(variants.contains(["payments", "list", "--format", "json"]))
        #expect(!variants.contains { $0.contains("--today") && $0.contains("--since") }, "optional groups one at a time")
    }
}

/// Finds `useepay …` command lines in Markdown and turns them into argument lists.
enum ReadmeCommands {
    struct Command {
        var text: String
        var line: Int
        /// A usage line from a table or prose (`[--flag X]`, `a\|b`, placeholders), not a literal command.
        var isSynopsis: Bool
        /// Each check lists argument lists of which at least one must parse.
        var checks: [[[String]]]
        var variants: [[String]] { checks.flatMap { $0 } }
    }

    static func extract(_ markdown: String) -> [Command] {
        var commands: [Command] = []
        // Inside a fence: its language. Shell blocks hold commands; console blocks hold `$ ` prompts and
        // output; untagged blocks are screens and output, never commands.
        var fence: String?
        for (offset, rawLine) in markdown.components(separatedBy: "\n").enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") {
                fence = fence == nil ? String(line.dropFirst(3)) : nil
                continue
            }
            if let language = fence {
                let isShell = ["sh", "bash", "shell"].contains(language)
                guard isShell || (language == "console" && line.hasPrefix("$ ")), let text = codeCommand(line) else { continue }
                commands.append(Command(text: text, line: offset + 1, isSynopsis: false, checks: [[shellWords(text)]]))
            } else {
                for span in inlineCode(line) where span.hasPrefix("useepay ") {
                    let text = String(span.dropFirst("useepay ".count))
                    commands.append(Command(text: span, line: offset + 1, isSynopsis: true, checks: checks(ofSynopsis: text)))
                }
            }
        }
        return commands
    }

    /// `$ useepay …`, `useepay …` or `swift run useepay …` in a code block, cut at comments and redirections.
    static func codeCommand(_ line: String) -> String? {
        var text = line
        if text.hasPrefix("$ ") { text.removeFirst(2) }
        if text.hasPrefix("swift run ") { text.removeFirst("swift run ".count) }
        guard text.hasPrefix("useepay ") else { return nil }
        text.removeFirst("useepay ".count)
        for cut in [" #", " >", " <", " |", " &&", " &", ";"] {
            if let range = text.range(of: cut) { text = String(text[..<range.lowerBound]) }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    static func inlineCode(_ line: String) -> [String] {
        let parts = line.components(separatedBy: "`")
        return stride(from: 1, to: parts.count, by: 2).map { parts[$0] }
    }

    /// Words of a shell command line, honouring single and double quotes.
    static func shellWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// A usage line as checks: each way of filling the required words on its own, then each optional `[...]`
    /// group on its own (groups may exclude each other, e.g. --today and --since) after any of the required
    /// ways, with every `a|b` alternative and sample values for the placeholders.
    static func checks(ofSynopsis synopsis: String) -> [[[String]]] {
        let text = synopsis.replacingOccurrences(of: "\\|", with: "|").replacingOccurrences(of: "…", with: "")
        var required: [String] = []
        var optionalGroups: [[String]] = []
        var group: [String]?
        for word in text.split(separator: " ").map(String.init) {
            var word = word
            let opens = word.hasPrefix("[")
            let closes = word.hasSuffix("]")
            if opens { word.removeFirst(); group = [] }
            if closes { word.removeLast() }
            if !word.isEmpty {
                if group != nil { group!.append(word) } else { required.append(word) }
            }
            if closes, let finished = group {
                optionalGroups.append(finished)
                group = nil
            }
        }
        let bases = expand(required)
        var checks = bases.map { [$0] }
        for optional in optionalGroups {
            for extra in expand(optional) { checks.append(bases.map { $0 + extra }) }
        }
        return checks
    }

    static func variants(ofSynopsis synopsis: String) -> [[String]] {
        checks(ofSynopsis: synopsis).flatMap { $0 }
    }

    /// Every combination of `a|b` alternatives, with placeholders replaced by sample values.
    static func expand(_ words: [String]) -> [[String]] {
        var results: [[String]] = [[]]
        for word in words {
            let choices = word.split(separator: "|", omittingEmptySubsequences: false).map { sample(for: String($0)) }
            results = results.flatMap { prefix in choices.map { prefix + [$0] } }
        }
        return results
    }

    /// Placeholders are upper-case words (ID, D, S, N, X, TEXT, PAYMENT_INTENT_ID, …).
    static func sample(for word: String) -> String {
        guard word.allSatisfy({ $0.isUppercase || $0 == "_" || $0.isNumber }), word.contains(where: \.isLetter) else { return word }
        switch word {
        case "D": return "2026-11-01"
        case "S": return "requires_capture"
        case "X": return "1.00"
        case "TEXT", "NAME": return "sample"
        case "ZONE": return "UTC"
        case "PATH": return "/tmp/useepay-readme-check"
        case "LIST": return "1,5"
        case "R": return "0.5"
        default: return word.hasSuffix("ID") ? "pi_readme" : "1"
        }
    }

    /// Flags named in the first column of the sandbox's flag table (`| Flag | Default | Meaning |`).
    static func sandboxTableFlags(_ markdown: String) -> [String] {
        var flags: [String] = []
        var inTable = false
        for line in markdown.components(separatedBy: "\n") {
            if line.hasPrefix("| Flag | Default |") { inTable = true; continue }
            guard inTable else { continue }
            guard line.hasPrefix("|") else { inTable = false; continue }
            let firstCell = line.split(separator: "|", omittingEmptySubsequences: true).first.map(String.init) ?? ""
            for span in inlineCode(firstCell) {
                for word in span.split(separator: " ") where word.hasPrefix("--") { flags.append(String(word)) }
            }
        }
        return flags
    }

    /// The flag with a value it accepts when it takes one.
    static func sampleUse(ofSandboxFlag flag: String) -> [String] {
        if parseProblem(["sandbox", "serve", flag], synopsis: false) == nil { return [flag] }
        let value: String
        switch flag {
        case _ where flag.contains("rate") || flag.contains("drop"): value = "0.5"
        case "--host": value = "127.0.0.1"
        case "--db": value = "/tmp/useepay-readme-check.sqlite"
        case "--time-zone": value = "UTC"
        case "--webhook-retries": value = "1,5"
        case "--list-envelope": value = "documented"
        default: value = "1"
        }
        return [flag, value]
    }

    /// nil when the parser accepts the arguments. A usage line from a table may name a subcommand without
    /// its required arguments (`customers list|show`); a literal command must be complete.
    static func parseProblem(_ arguments: [String], synopsis: Bool) -> String? {
        do {
            _ = try UseePayCommand.parseAsRoot(arguments)
            return nil
        } catch {
            let message = UseePayCommand.message(for: error)
            if synopsis && message.contains("Missing expected argument") { return nil }
            // `--help` and `--version` are accepted (they are not errors to a user).
            if UseePayCommand.exitCode(for: error) == .success { return nil }
            return message
        }
    }
}
