import ArgumentParser

/// Options of the console (the command run when no subcommand is given).
struct ConsoleOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Flag(help: "With --sandbox: delete the sandbox database first and start from fresh seeded data.")
    var sandboxReset = false

    @Option(help: ArgumentHelp("Theme: default, light, high-contrast, monochrome, … or a file name in $XDG_CONFIG_HOME/useepay/themes.", valueName: "name"))
    var theme: String?

    @Flag(help: "No colours (also when NO_COLOR is set); state is shown with bold, reverse and underline.")
    var noColor = false

    @Option(help: ArgumentHelp("Refresh the list every SECONDS (0 = off).", valueName: "seconds"))
    var refresh: Int?

    func validate() throws {
        if let refresh, refresh < 0 { throw ValidationError("--refresh must be 0 (off) or a number of seconds") }
        if sandboxReset && !global.sandbox { throw ValidationError("--sandbox-reset only makes sense with --sandbox") }
    }
}
