/// A key bound to a command in some contexts.
public struct KeyBinding: Sendable, Hashable {
    public var key: KeyPress
    public var command: ConsoleCommand
    public var contexts: Set<KeyContext>

    public init(_ key: KeyPress, _ command: ConsoleCommand, in contexts: Set<KeyContext> = Set(KeyContext.allCases)) {
        self.key = key
        self.command = command
        self.contexts = contexts
    }
}

/// The table from keys to commands. Lookups are dictionary reads (O(1) per key press).
public struct Keymap: Sendable, Equatable {
    public private(set) var bindings: [KeyBinding]
    private var table: [KeyContext: [KeyPress: ConsoleCommand]]
    /// Each context's bindings in table order, worked out once: the footer and help read them every frame.
    private var byContext: [KeyContext: [KeyBinding]]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
        var table: [KeyContext: [KeyPress: ConsoleCommand]] = [:]
        var byContext: [KeyContext: [KeyBinding]] = [:]
        for binding in bindings {
            for context in binding.contexts {
                byContext[context, default: []].append(binding)
                if table[context, default: [:]][binding.key] == nil { table[context, default: [:]][binding.key] = binding.command }
            }
        }
        self.table = table
        self.byContext = byContext
    }

    public func command(for key: KeyPress, in context: KeyContext) -> ConsoleCommand? {
        table[context]?[key]
    }

    /// The bindings of one context in table order, for help. Read-only drops money-moving ones.
    public func bindings(in context: KeyContext, readOnly: Bool) -> [KeyBinding] {
        let inContext = byContext[context] ?? []
        return readOnly ? inContext.filter { !$0.command.isDangerous } : inContext
    }

    /// Rebinds or unbinds (nil) a key for the given command everywhere it was bound.
    public func remapping(_ command: ConsoleCommand, to key: KeyPress?) -> Keymap {
        var updated: [KeyBinding] = []
        var contexts: Set<KeyContext> = []
        for binding in bindings {
            if binding.command == command { contexts.formUnion(binding.contexts) } else { updated.append(binding) }
        }
        if let key, !contexts.isEmpty { updated.append(KeyBinding(key, command, in: contexts)) }
        return Keymap(bindings: updated)
    }

    public static func == (lhs: Keymap, rhs: Keymap) -> Bool { lhs.bindings == rhs.bindings }
}

extension Keymap {
    static let listContexts: Set<KeyContext> = [.payments, .customers, .subscriptions, .refunds, .apiLog]
    static let detailContexts: Set<KeyContext> = [.paymentDetail, .customerDetail, .subscriptionDetail, .refundDetail, .billingDetail]
    static let objectLists: Set<KeyContext> = [.payments, .customers, .subscriptions, .refunds]

    /// Defaults avoid tmux's `ctrl-a`/`ctrl-b` and vim pane keys `ctrl-h/j/k/l`, and keep every money
    /// move on a shifted key far from the navigation cluster (see `KeymapValidator`).
    public static let standard = Keymap(bindings: [
        KeyBinding(.char("j"), .cursorDown),
        KeyBinding(KeyPress(.down), .cursorDown),
        KeyBinding(.char("k"), .cursorUp),
        KeyBinding(KeyPress(.up), .cursorUp),
        KeyBinding(KeyPress(.pageDown), .pageDown),
        KeyBinding(KeyPress(.pageUp), .pageUp),
        KeyBinding(.char("g"), .top),
        KeyBinding(KeyPress(.home), .top),
        KeyBinding(.char("G"), .bottom),
        KeyBinding(KeyPress(.end), .bottom),
        KeyBinding(KeyPress(.enter), .open),
        KeyBinding(KeyPress(.escape), .back),
        KeyBinding(.char("q"), .quit),
        KeyBinding(.char(":"), .openPalette),
        KeyBinding(.char("/"), .openFilter, in: objectLists),
        KeyBinding(.char("?"), .showHelp),
        KeyBinding(.char(" "), .toggleMark, in: [.payments]),
        KeyBinding(.char("u"), .clearMarks, in: [.payments]),
        KeyBinding(.char("o"), .nextSortColumn, in: objectLists),
        KeyBinding(.char("O"), .reverseSort, in: objectLists),
        KeyBinding(.char("t"), .cycleDateRange, in: [.payments, .refunds]),
        KeyBinding(.char("0"), .quickFilter0, in: objectLists),
        KeyBinding(.char("1"), .quickFilter1, in: objectLists),
        KeyBinding(.char("2"), .quickFilter2, in: objectLists),
        KeyBinding(.char("3"), .quickFilter3, in: objectLists),
        KeyBinding(.char("4"), .quickFilter4, in: objectLists),
        KeyBinding(.char("5"), .quickFilter5, in: objectLists),
        KeyBinding(.ctrl("r"), .reload),
        KeyBinding(.char("p"), .togglePause, in: objectLists),
        KeyBinding(.char("c"), .copyID, in: objectLists.union(detailContexts)),
        KeyBinding(.char("L"), .copyDashboardLink, in: objectLists.union(detailContexts)),
        KeyBinding(.char("v"), .toggleRawJSON, in: detailContexts),
        KeyBinding(.char("A"), .capture, in: [.payments, .paymentDetail]),
        KeyBinding(.char("X"), .cancelPayment, in: [.payments, .paymentDetail]),
        KeyBinding(.char("R"), .refund, in: [.payments, .paymentDetail]),
        KeyBinding(.char("X"), .cancelSubscription, in: [.subscriptions, .subscriptionDetail]),
        KeyBinding(.char("w"), .glanceWaiting, in: [.glance]),
        KeyBinding(.char("1"), .glanceWaitingUnderADay, in: [.glance]),
        KeyBinding(.char("2"), .glanceWaitingOneToThreeDays, in: [.glance]),
        KeyBinding(.char("3"), .glanceWaitingThreeToSixDays, in: [.glance]),
        KeyBinding(.char("4"), .glanceWaitingExpiring, in: [.glance]),
        KeyBinding(.char("f"), .glanceFailedToday, in: [.glance]),
        KeyBinding(.char("r"), .glanceRefundsInFlight, in: [.glance]),
        KeyBinding(.char("p"), .togglePause, in: [.glance]),
    ])
}
