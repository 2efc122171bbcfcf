import Foundation

/// The short list a `:find` shows when several objects match (two customers with one email, the
/// payment attempts of one order). Enter opens the selected one.
public struct FoundList: Sendable, Hashable {
    public var text: String
    /// What the text turned out to be ("merchant order id").
    public var matchedBy: String
    public var objects: [ConsoleObject]
    public var hasMore: Bool
    public var cursor: Int = 0
    public var scroll: Int = 0

    public init(text: String, matchedBy: String, objects: [ConsoleObject], hasMore: Bool) {
        self.text = text
        self.matchedBy = matchedBy
        self.objects = objects
        self.hasMore = hasMore
    }

    public var selected: ConsoleObject? { objects.indices.contains(cursor) ? objects[cursor] : nil }

    /// For the breadcrumb: the text cut short and cleaned of control characters.
    public var shortText: String {
        let quoted = ConsoleText.quoted(text)
        return String(quoted.dropFirst().dropLast())
    }

    /// "3 payments with merchant order id "ORD-1"" (+ "showing the first 20" when the server has more).
    public var title: String {
        let noun = objects.first.map { FoundList.noun(for: $0.ref.kind, count: objects.count) } ?? "objects"
        var title = "\(objects.count)\(hasMore ? "+" : "") \(noun) with \(matchedBy) \(ConsoleText.quoted(text))"
        if hasMore { title += " (the first \(objects.count))" }
        return title
    }

    static func noun(for kind: ObjectKind, count: Int) -> String {
        // The title's word ("Checkout session") in the middle of a sentence.
        let singular = kind.title.lowercased()
        return count == 1 ? singular : singular + "s"
    }
}

extension ConsoleState {
    /// True while the `/` filter is typed and nothing loaded matches it: enter then searches the server.
    public var filterOffersServerSearch: Bool {
        guard let input, case .filter = input.purpose else { return false }
        return !FindPlan.steps(for: input.text).isEmpty && Reducer.visibleCount(self) == 0
    }
}
