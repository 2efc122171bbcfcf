import Foundation

/// Runs effects against the profile in use and swaps it for another on `.switchProfile`.
///
/// Answers to effects started for a profile the console has since left are dropped here, so nothing
/// loaded for the previous merchant can reach the screen after the switch.
public actor ProfileSwitchingRunner {
    private var current: OpenedProfile
    private var sessionNumber = 0
    private let open: ProfileOpener

    public init(initial: OpenedProfile, open: @escaping ProfileOpener) {
        self.current = initial
        self.open = open
    }

    public func run(_ effect: ConsoleEffect) async -> [ConsoleEvent] {
        if case .switchProfile(let name) = effect { return await switchProfile(name) }
        let session = sessionNumber
        let events = await current.runner.run(effect)
        return session == sessionNumber ? events : []
    }

    /// Closes the profile in use (at quit).
    public func close() async { await current.close() }

    private func switchProfile(_ name: String) async -> [ConsoleEvent] {
        let opened: OpenedProfile
        do {
            opened = try await open(name)
        } catch {
            return [.effectResult(.profileSwitched(name, .failure(ConsoleFailure(error))))]
        }
        let previous = current
        current = opened
        sessionNumber += 1
        await previous.close()
        var events: [ConsoleEvent] = [.effectResult(.profileSwitched(name, .success(opened.settings)))]
        // As at start-up: what an earlier session left unfinished is settled and reported.
        do {
            let unfinished = try await opened.journal.unfinishedEntries()
            if !unfinished.isEmpty { events.append(.journalRecovered(unfinished)) }
        } catch {
            events.append(.effectResult(.journalFailed("could not read the journal: \(error)")))
        }
        return events
    }
}
