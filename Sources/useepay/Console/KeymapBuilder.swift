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
        keymap = displacingDefaults(keymap, overridden: Set(overrides.value.keys.compactMap(ConsoleCommand.init(rawValue:))))
        let problems = KeymapValidator.problems(in: keymap)
        if !problems.isEmpty, !overrides.value.isEmpty {
            throw CommandFailure(
                .configuration,
                "\(overrides.source): the key overrides make an unsafe keymap:\n" + problems.map { "  - \($0)" }.joined(separator: "\n"))
        }
        return keymap
    }

    /// A key the user chose wins over a default binding of another harmless action, in the contexts
    /// where the two meet, so a new default (say `L`) cannot turn a working config into an error.
    /// A money move's default is never displaced silently: that conflict stays an error.
    static func displacingDefaults(_ keymap: Keymap, overridden: Set<ConsoleCommand>) -> Keymap {
        let chosen = keymap.bindings.filter { overridden.contains($0.command) }
        var result: [KeyBinding] = []
        for binding in keymap.bindings {
            guard !overridden.contains(binding.command), !binding.command.isDangerous else {
                result.append(binding)
                continue
            }
            var kept = binding
            for user in chosen where user.key == binding.key { kept.contexts.subtract(user.contexts) }
            if !kept.contexts.isEmpty { result.append(kept) }
        }
        return Keymap(bindings: result)
    }
}
