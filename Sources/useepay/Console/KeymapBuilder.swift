import ConsoleCore

/// Applies the profile's `[profiles.NAME.keys]` to the standard keymap, then checks the result with the
/// console's own validator, so a remap cannot put "capture" on `j` or bind one key twice.
enum KeymapBuilder {
    static func build(_ overrides: Sourced<[String: [String]]>) throws(CommandFailure) -> Keymap {
        var keymap = Keymap.standard
        for (action, keys) in overrides.value.sorted(by: { $0.key < $1.key }) {
            guard let command = ConsoleCommand(rawValue: action) else {
                let known = ConsoleCommand.allCases.map(\.rawValue).sorted().joined(separator: ", ")
                throw CommandFailure(.configuration, "\(overrides.source): unknown action `\(action)` in keys (known: \(known))")
            }
            if keys.count > 1 {
                throw CommandFailure(.configuration, "\(overrides.source): keys.\(action) lists \(keys.count) keys; give one key, or \"\" to unbind")
            }
            guard let spec = keys.first else {
                keymap = keymap.remapping(command, to: nil)
                continue
            }
            guard let key = KeyPress(spec: spec) else {
                throw CommandFailure(.configuration, "\(overrides.source): keys.\(action) = \"\(spec)\" is not a key (examples: C, ctrl-r, F5, enter)")
            }
            keymap = keymap.remapping(command, to: key)
        }
        let problems = KeymapValidator.problems(in: keymap)
        if !problems.isEmpty, !overrides.value.isEmpty {
            throw CommandFailure(
                .configuration,
                "\(overrides.source): the key overrides make an unsafe keymap:\n" + problems.map { "  - \($0)" }.joined(separator: "\n"))
        }
        return keymap
    }
}
