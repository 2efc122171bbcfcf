/// Everything a key can do. Keys map to commands through a `Keymap`, so help, remapping and the
/// validator all read the same table.
public enum ConsoleCommand: String, Sendable, Hashable, CaseIterable, Codable {
    // Moving around
    case cursorDown, cursorUp, pageDown, pageUp, top, bottom
    case open, back, quit
    case openPalette, openFilter, showHelp
    // Lists
    case toggleMark, clearMarks, nextSortColumn, reverseSort, cycleDateRange
    case quickFilter0, quickFilter1, quickFilter2, quickFilter3, quickFilter4, quickFilter5
    case reload, togglePause, copyID, copyDashboardLink
    // Detail
    case toggleRawJSON
    // Today at a glance: each opens the list behind a figure
    case glanceWaiting, glanceWaitingUnderADay, glanceWaitingOneToThreeDays, glanceWaitingThreeToSixDays, glanceWaitingExpiring
    case glanceFailedToday, glanceRefundsInFlight
    // Money moves: always behind a confirmation, never in read-only mode
    case capture, cancelPayment, refund, cancelSubscription

    /// Money-moving commands. Read-only mode removes them from keys and help.
    public var isDangerous: Bool {
        switch self {
        case .capture, .cancelPayment, .refund, .cancelSubscription: return true
        default: return false
        }
    }

    public var title: String {
        switch self {
        case .cursorDown: return "down"
        case .cursorUp: return "up"
        case .pageDown: return "page down"
        case .pageUp: return "page up"
        case .top: return "first row"
        case .bottom: return "last loaded row"
        case .open: return "open / drill down"
        case .back: return "back"
        case .quit: return "quit"
        case .openPalette: return "command (:pi :cus :sub :re :find :log)"
        case .openFilter: return "filter loaded rows"
        case .showHelp: return "help"
        case .toggleMark: return "mark row"
        case .clearMarks: return "clear marks"
        case .nextSortColumn: return "sort by next column"
        case .reverseSort: return "reverse sort"
        case .cycleDateRange: return "today / yesterday / last 7 days"
        case .quickFilter0: return "all statuses"
        case .quickFilter1, .quickFilter2, .quickFilter3, .quickFilter4, .quickFilter5: return "status filter"
        case .reload: return "reload / retry"
        case .togglePause: return "pause live refresh"
        case .copyID: return "copy id"
        case .copyDashboardLink: return "copy dashboard link"
        case .toggleRawJSON: return "raw JSON"
        case .glanceWaiting: return "all waiting for capture"
        case .glanceWaitingUnderADay: return "waiting < 1 day"
        case .glanceWaitingOneToThreeDays: return "waiting 1-3 days"
        case .glanceWaitingThreeToSixDays: return "waiting 3-6 days"
        case .glanceWaitingExpiring: return "expiring within 24 h"
        case .glanceFailedToday: return "failed today"
        case .glanceRefundsInFlight: return "refunds in flight"
        case .capture: return "capture (marked rows if any)"
        case .cancelPayment: return "cancel payment"
        case .refund: return "refund"
        case .cancelSubscription: return "cancel subscription"
        }
    }

    public var quickFilterIndex: Int? {
        switch self {
        case .quickFilter0: return 0
        case .quickFilter1: return 1
        case .quickFilter2: return 2
        case .quickFilter3: return 3
        case .quickFilter4: return 4
        case .quickFilter5: return 5
        default: return nil
        }
    }
}

/// Where the keymap is looked up. Each screen has its own context so a key can mean different
/// harmless things in different places, and the validator checks each context on its own.
public enum KeyContext: String, Sendable, Hashable, CaseIterable, Codable {
    case payments, customers, subscriptions, refunds, apiLog
    case paymentDetail, customerDetail, subscriptionDetail, refundDetail
    /// An invoice, mandate or checkout session opened in detail.
    case billingDetail
    /// The short list of objects a `:find` matched.
    case found
    case glance
}
