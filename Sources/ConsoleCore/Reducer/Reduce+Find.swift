import Foundation
import UseePay

/// `:find TEXT` and "search the server" from the `/` filter: the reducer side. Which requests are made
/// is `FindPlan`'s business; the runner performs them with `ObjectFinder`.
extension Reducer {
    static func startFind(_ state: inout ConsoleState, _ text: String) -> [ConsoleEffect] {
        let text = FindPlan.normalised(text)
        guard !FindPlan.steps(for: text).isEmpty else {
            state.flash = Flash(FindOutcome(text: text, matches: [], hasMore: false, matchedBy: nil, tried: []).nothingFoundMessage, .error)
            return []
        }
        state.flash = Flash("Searching the server for \(ConsoleText.quoted(text))…", .info)
        return [.find(text)]
    }

    static func found(_ state: inout ConsoleState, _ text: String, _ outcome: Result<FindOutcome, ConsoleFailure>) -> [ConsoleEffect] {
        switch outcome {
        case .failure(let failure):
            state.flash = Flash("Could not search for \(ConsoleText.quoted(text)): \(failure.description)", .error)
            return []
        case .success(let result):
            guard let first = result.matches.first else {
                state.flash = Flash(result.nothingFoundMessage, .error)
                return []
            }
            let how = result.matchedBy?.description ?? "search"
            if result.matches.count == 1 {
                state.flash = Flash("Found \(FoundList.noun(for: first.ref.kind, count: 1)) \(first.ref.id) by \(how)", .success)
                return openFoundObject(&state, first)
            }
            let list = FoundList(text: result.text, matchedBy: how, objects: result.matches, hasMore: result.hasMore)
            state.flash = Flash(list.title + " — enter opens one", .info)
            state.stack.append(.found(list))
            return []
        }
    }

    /// Opens an object the server just sent, without asking for it again, and loads its related rows.
    static func openFoundObject(_ state: inout ConsoleState, _ object: ConsoleObject) -> [ConsoleEffect] {
        store(&state, object)
        var detail = DetailState(ref: object.ref)
        detail.object = object
        state.stack.append(.detail(detail))
        return loadRelated(&state, for: object)
    }

    static func updateFound(_ state: inout ConsoleState, _ change: (inout FoundList) -> Void) {
        guard case .found(var list) = state.screen else { return }
        change(&list)
        let rows = state.listBodyRows
        if list.cursor < list.scroll { list.scroll = list.cursor }
        if list.cursor >= list.scroll + rows { list.scroll = list.cursor - rows + 1 }
        state.stack[state.stack.count - 1] = .found(list)
    }

    static func moveFoundCursor(_ state: inout ConsoleState, by delta: Int) {
        updateFound(&state) { list in
            guard !list.objects.isEmpty else { return }
            list.cursor = max(0, min(list.objects.count - 1, list.cursor + delta))
        }
    }
}
