import ArgumentParser

struct CompletionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completions",
        abstract: "Print a shell completion script.",
        discussion: """
            bash:  useepay completions bash > ~/.local/share/bash-completion/completions/useepay
            zsh:   useepay completions zsh > "${fpath[1]}/_useepay"
            fish:  useepay completions fish > ~/.config/fish/completions/useepay.fish
            (The same scripts come from `useepay --generate-completion-script SHELL`.)
            """)

    @Argument(help: "bash, zsh or fish.")
    var shell: String

    func validate() throws {
        guard CompletionShell(rawValue: shell) != nil else {
            throw ValidationError("unknown shell \"\(shell)\"; use bash, zsh or fish")
        }
    }

    func run() throws {
        let script = UseePayCommand.completionScript(for: CompletionShell(rawValue: shell)!)
        print(script)
    }
}
