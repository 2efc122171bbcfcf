import Foundation
import UseePay

/// Today at a glance: which scans feed it, and the keys that open the list behind each figure.
extension Reducer {
    struct GlanceQueries: Equatable {
        var today: PaymentIntentListQuery
        var refundsToday: RefundListQuery
        var yesterday: PaymentIntentListQuery
        var awaiting: PaymentIntentListQuery
        /// Refunds of the same days as `awaiting`: the ones still in flight and the ones that failed today
        /// may have been created before today.
        var recentRefunds: RefundListQuery
    }

    static func glanceQueries(_ state: ConsoleState) -> GlanceQueries {
        let zone = state.merchantTimeZone
        let size = AggregateFeed.pageSize
        let today = DateRange.today.interval(now: state.now, timeZone: zone)
        let yesterday = DateRange.yesterday.interval(now: state.now, timeZone: zone)
        let todayWindow = ListWindow(pageNum: 0, pageSize: size, fromCreatedAt: today.from, toCreatedAt: today.to)
        // Authorisations older than their lifetime are cancelled; a day more is read in case the server is late.
        // Whole days, so the query (and the scan) stays the same all day.
        let lifetimeDays = Int((state.authorisationLifetime / 86_400).rounded(.up)) + 1
        let awaitingFrom = CalendarDay(date: state.now, timeZone: zone).adding(days: -lifetimeDays, timeZone: zone).start(in: zone)
        return GlanceQueries(
            today: PaymentIntentListQuery(window: todayWindow),
            refundsToday: RefundListQuery(window: todayWindow),
            yesterday: PaymentIntentListQuery(window: ListWindow(pageNum: 0, pageSize: size, fromCreatedAt: yesterday.from, toCreatedAt: yesterday.to)),
            awaiting: PaymentIntentListQuery(window: ListWindow(pageNum: 0, pageSize: size, fromCreatedAt: awaitingFrom, toCreatedAt: nil),
                                             statuses: [.requiresCapture]),
            recentRefunds: RefundListQuery(window: ListWindow(pageNum: 0, pageSize: size, fromCreatedAt: awaitingFrom, toCreatedAt: nil)))
    }

    /// The feed with today's payments and refunds: the summary's when the payments list shows
    /// today unfiltered (no second scan of the same day), else the glance's own.
    static func glanceTodayFeedID(_ state: ConsoleState) -> FeedID {
        let queries = glanceQueries(state)
        if let summary = state.feeds[.summary], summary.paymentsQuery == queries.today, summary.refundsQuery == queries.refundsToday {
            return .summary
        }
        return .glanceToday
    }

    static func openGlance(_ state: inout ConsoleState) -> [ConsoleEffect] {
        state.stack = [.glance]
        return ensureGlanceFeeds(&state)
    }

    /// Starts the scans the glance needs that are missing or cover another day (after midnight).
    static func ensureGlanceFeeds(_ state: inout ConsoleState) -> [ConsoleEffect] {
        let queries = glanceQueries(state)
        var effects: [ConsoleEffect] = []
        if glanceTodayFeedID(state) == .summary {
            state.feeds[.glanceToday] = nil
        } else if state.feeds[.glanceToday]?.paymentsQuery != queries.today {
            effects += startFeed(&state, .glanceToday, payments: queries.today, refunds: queries.refundsToday)
        }
        if state.feeds[.glanceYesterday]?.paymentsQuery != queries.yesterday {
            effects += startFeed(&state, .glanceYesterday, payments: queries.yesterday, refunds: nil)
        }
        if state.feeds[.glanceAwaiting]?.paymentsQuery != queries.awaiting {
            // Every refund of those days counts, not only refunds of the authorisations waiting for capture.
            effects += startFeed(&state, .glanceAwaiting, payments: queries.awaiting, refunds: queries.recentRefunds, refundsOfPaymentsOnly: false)
        }
        return effects
    }

    /// ctrl-r on the glance: scans of another day start again, stopped ones carry on, the rest refresh.
    static func refreshGlance(_ state: inout ConsoleState) -> [ConsoleEffect] {
        ensureGlanceFeeds(&state) + refreshFeeds(&state)
    }

    /// Keys with a meaning of their own on the glance screen; nil leaves the command to the usual handling.
    static func glanceCommand(_ state: inout ConsoleState, _ command: ConsoleCommand) -> [ConsoleEffect]? {
        let day: TimeInterval = 86_400
        let now = state.now
        let waitingSince = glanceQueries(state).awaiting.window.fromCreatedAt
        func waiting(_ from: Date?, _ until: Date?, _ label: String) -> [ConsoleEffect] {
            openFromGlance(&state, .payments(PaymentListFilter(statuses: ["requires_capture"], range: .span(from: from, until: until, label: label))))
        }
        switch command {
        case .open:
            return openFromGlance(&state, .payments(PaymentListFilter(range: .today)))
        case .glanceWaiting:
            return waiting(waitingSince, nil, "waiting for capture")
        case .glanceWaitingUnderADay:
            return waiting(now.addingTimeInterval(-day), nil, "waiting < 1 day")
        case .glanceWaitingOneToThreeDays:
            return waiting(now.addingTimeInterval(-3 * day), now.addingTimeInterval(-day), "waiting 1-3 days")
        case .glanceWaitingThreeToSixDays:
            return waiting(now.addingTimeInterval(-6 * day), now.addingTimeInterval(-3 * day), "waiting 3-6 days")
        case .glanceWaitingExpiring:
            return waiting(waitingSince, now.addingTimeInterval(day - state.authorisationLifetime), "expiring within 24 h")
        case .glanceFailedToday:
            return openFromGlance(&state, .payments(PaymentListFilter(statuses: ["failed"], range: .today)))
        case .glanceRefundsInFlight:
            return openFromGlance(&state, .refunds(status: nil, range: .today))
        default:
            return nil
        }
    }

    /// Opens a list as the palette would, with the glance under it so `esc` comes back.
    static func openFromGlance(_ state: inout ConsoleState, _ command: PaletteCommand) -> [ConsoleEffect] {
        let effects = run(&state, command)
        state.stack = [.glance] + state.stack
        return effects
    }
}
