import Foundation

// `:ctx`: the profiles of config.toml, and switching to one without restarting.
extension Reducer {
    static func openContexts(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard !state.profiles.isEmpty else {
            state.flash = Flash("No profiles in config.toml to switch to", .error)
            return []
        }
        let current = state.profiles.firstIndex { $0.name == state.profileName } ?? 0
        state.contextPicker = ContextPicker(cursor: current)
        return []
    }

    static func contextKey(_ state: inout ConsoleState, _ key: KeyPress) -> [ConsoleEffect] {
        guard var picker = state.contextPicker else { return [] }
        if picker.opening != nil {
            // Opening takes a moment (a key command may run); only esc is taken, to stop waiting on screen.
            if key.key == .escape { state.contextPicker = nil }
            return []
        }
        switch key {
        case .char("j"), KeyPress(.down): picker.cursor = min(picker.cursor + 1, state.profiles.count - 1)
        case .char("k"), KeyPress(.up): picker.cursor = max(picker.cursor - 1, 0)
        case KeyPress(.escape), .char("q"):
            state.contextPicker = nil
            return []
        case KeyPress(.enter):
            let profile = state.profiles[picker.cursor]
            if profile.name == state.profileName {
                state.contextPicker = nil
                state.flash = Flash("Already on profile \(profile.name)", .info)
                return []
            }
            if !state.pending.isEmpty {
                state.flash = Flash("\(state.pending.count) action(s) still unanswered on \(state.profileName); switch when they are settled", .error)
                return []
            }
            picker.opening = profile.name
            state.contextPicker = picker
            state.flash = Flash("Opening profile \(profile.name)…", .info)
            return [.switchProfile(profile.name)]
        default:
            return []
        }
        state.contextPicker = picker
        return []
    }

    /// The new profile is open: start over on it. Nothing of the previous profile stays (lists, details,
    /// marks, summary, dialogs, API log); list generations move on so a late answer cannot land.
    static func profileSwitched(_ state: inout ConsoleState, _ name: String, _ outcome: Result<ProfileSettings, ConsoleFailure>) -> [ConsoleEffect] {
        switch outcome {
        case .failure(let failure):
            state.contextPicker = nil
            state.flash = Flash("Could not open profile \(name): \(failure.message)", .error)
            return []
        case .success(let settings):
            var fresh = ConsoleState(mode: settings.mode, profileName: settings.name, readOnly: settings.readOnly,
                                     merchantTimeZone: settings.merchantTimeZone, now: state.now, size: state.size,
                                     keymap: settings.keymap, refreshIntervalSeconds: settings.refreshIntervalSeconds,
                                     sessionTag: state.sessionTag)
            fresh.dashboard = settings.dashboard
            fresh.profiles = state.profiles
            fresh.nextRequestNumber = state.nextRequestNumber
            for kind in ListKind.allCases {
                fresh.lists[kind].generation = state.lists[kind].generation + 1
            }
            state = fresh
            var effects = start(&state)
            if state.refreshIntervalSeconds == 0 { effects.append(.cancelRefresh) }
            let merchant = state.profiles.first { $0.name == name }?.merchantNo.map { ", merchant \($0)" } ?? ""
            state.flash = Flash("Switched to profile \(name) (\(settings.mode.label)\(settings.readOnly ? ", read-only" : "")\(merchant))", .success)
            return effects
        }
    }
}
