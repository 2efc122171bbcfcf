/// What a cell means, not how it looks: themes map each role to colours and
/// attributes, so a monochrome or light terminal can show the same states.
public enum ThemeRole: String, Sendable, CaseIterable, Hashable {
    case normal, header, title, selection, dim, border, help
    case statusSucceeded, statusPending, statusRequiresCapture, statusFailed, statusCancelled, statusOther
    case danger, warning
    case flashInfo, flashSuccess, flashError
    case modeSandbox, modeLive
    case marked, newRow, changedRow, inFlight
    case input, dialog, dialogFocus
}
