import Foundation
import ConsoleCore
import UseePay

/// The confirmation box. Names the id, customer, amount and currency and the mode; shows which control
/// has focus; in LIVE mode asks for the amount or `yes` to be typed.
enum ActionDialogView {
    static func draw(_ dialog: ActionDialog, state: ConsoleState, into grid: inout CellGrid) {
        let size = grid.size
        let width = min(72, size.columns - 4)
        var lines: [DetailScreen.Line] = []
        func add(_ text: String, _ role: ThemeRole = .dialog, _ attributes: CellAttributes = []) {
            lines.append(DetailScreen.Line(text: text, role: role, attributes: attributes))
        }
        func addField(_ label: String, _ value: String, focused: Bool) {
            let marker = focused ? "> " : "  "
            add(marker + TerminalText.pad(label, toWidth: 16) + value, focused ? .dialogFocus : .dialog, focused ? .bold : [])
        }
        let modeRole: ThemeRole = dialog.mode == .live ? .modeLive : .modeSandbox
        if dialog.isBulk {
            add("\(dialog.targets.count) payments will be captured in full:")
            let room = max(1, size.rows - 16)
            for target in dialog.targets.prefix(room) {
                add("  \(target.id)  \(target.money?.formatted() ?? "—")  \(TerminalText.sanitize(target.customerLabel))")
            }
            if dialog.targets.count > room { add("  … and \(dialog.targets.count - room) more") }
            add("  " + TerminalText.pad("Total", toWidth: 16) + dialog.totalsByCurrency.map { $0.formatted() }.joined(separator: " + "), .danger, .bold)
            add("\(state.lists[.payments].marks.count) marked (\(dialog.hiddenByFilter) hidden by the filter)")
        } else if let target = dialog.targets.first {
            // The same lines the scripts' confirmation prints; the mode line follows for single and bulk alike.
            for line in MoneyMoveRules.confirmationLines(dialog.action, target: target, mode: dialog.mode) where line.emphasis != .mode {
                let text = "  " + TerminalText.pad(line.label, toWidth: 16) + TerminalText.sanitize(line.value)
                if line.emphasis == .money { add(text, .danger, .bold) } else { add(text) }
            }
        }
        add("  " + TerminalText.pad("Mode", toWidth: 16) + dialog.mode.label, modeRole, .bold)
        if let note = dialog.note { add(note, .warning) }
        add("")
        for item in dialog.fields {
            switch item {
            case .amount:
                let currency = dialog.targets.first?.money?.currency.code ?? ""
                let value = dialog.waitingForRefundable ? "(reading earlier refunds…)" : "[\(dialog.amountText)] \(currency)"
                let limit = dialog.maxAmount.flatMap { max in dialog.targets.first?.money.map { " (at most \(Money(amount: max, currency: $0.currency).formatted()))" } } ?? ""
                addField(MoneyMoveRules.amountLabel(dialog.action), value + (dialog.waitingForRefundable ? "" : limit), focused: dialog.focus == .amount)
            case .reason:
                addField("Reason", "< \(dialog.reasonOptions[dialog.reasonIndex]) >", focused: dialog.focus == .reason)
            case .reasonText:
                addField("Reason text", "[\(dialog.reasonText)]", focused: dialog.focus == .reasonText)
            case .timing:
                addField("When", dialog.atPeriodEnd ? "< at period end >" : "< now >", focused: dialog.focus == .timing)
            case .typedConfirmation:
                let hint = dialog.isBulk ? "LIVE: type yes" : "LIVE: type \(dialog.amountText) or yes"
                addField("Confirm", "[\(dialog.typedConfirmation)]  \(hint)", focused: dialog.focus == .typedConfirmation)
            case .cancelButton, .confirmButton:
                break
            }
        }
        if let error = dialog.error { add(error, .flashError, .bold) }
        add("")
        let confirmLabel = confirmTitle(dialog)
        // "Cancel" next to "Cancel payment" invites the wrong press; the dismiss button says what it keeps.
        let dismiss: String
        switch dialog.action {
        case .cancelPayment: dismiss = "Keep payment"
        case .cancelSubscription: dismiss = "Keep subscription"
        default: dismiss = "Cancel"
        }
        let cancel = dialog.focus == .cancelButton ? "[ \(dismiss) ]" : "  \(dismiss)  "
        let confirm = dialog.focus == .confirmButton ? "[ \(confirmLabel) ]" : "  \(confirmLabel)  "
        let buttonsLine = lines.count
        add(cancel + "    " + confirm)
        add("tab moves · enter presses the [ ] button · esc cancels", .dim)

        let height = min(size.rows - 2, lines.count + 2)
        let box = Rect(x: (size.columns - width - 4) / 2, y: max(1, (size.rows - height) / 2), width: width + 4, height: height)
        grid.fill(box, role: .dialog)
        grid.drawBox(box, role: dialog.mode == .live ? .modeLive : .dialog, title: "\(dialog.title) — \(dialog.mode.label)", titleRole: modeRole)
        for (offset, line) in lines.prefix(height - 2).enumerated() {
            let y = box.y + 1 + offset
            if offset == buttonsLine {
                let x = box.x + 2
                let cancelWidth = grid.write(cancel, x: x, y: y, maxWidth: width, role: dialog.focus == .cancelButton ? .dialogFocus : .dialog,
                                             attributes: dialog.focus == .cancelButton ? .bold : [])
                grid.write(confirm, x: x + cancelWidth + 4, y: y, maxWidth: max(0, width - cancelWidth - 4),
                           role: dialog.focus == .confirmButton ? .dialogFocus : .danger, attributes: .bold)
                continue
            }
            grid.write(TerminalText.truncate(line.text, toWidth: width), x: box.x + 2, y: y, maxWidth: width, role: line.role, attributes: line.attributes)
        }
    }

    static func confirmTitle(_ dialog: ActionDialog) -> String {
        // Shows the amount as it will be sent ("20" typed reads "20.00 USD"), or the text as typed if it is not an amount yet.
        let amount: String
        if let currency = dialog.targets.first?.money?.currency, let money = try? Money.parse(dialog.amountText, currency: currency) {
            amount = money.formatted()
        } else {
            amount = dialog.amountText + " " + (dialog.targets.first?.money?.currency.code ?? "")
        }
        switch dialog.action {
        case .capture:
            if dialog.isBulk { return "Capture \(dialog.targets.count)" }
            return "Capture \(amount)"
        case .refund:
            return dialog.waitingForRefundable ? "Refund" : "Refund \(amount)"
        case .cancelPayment: return "Cancel payment"
        case .cancelSubscription: return dialog.atPeriodEnd ? "Cancel at period end" : "Cancel now"
        }
    }
}
