import Foundation
import UseePay

extension Reducer {
    /// Opens the confirmation for a money move on the selected object (or the marked payments).
    static func openDialog(_ state: inout ConsoleState, _ command: ConsoleCommand, key: KeyPress) -> [ConsoleEffect] {
        guard let action = MoneyAction.allCases.first(where: { $0.command == command }) else { return [] }
        if action == .capture, case .list(.payments) = state.screen, !state.lists[.payments].marks.isEmpty {
            return openBulkCapture(&state, key: key)
        }
        guard let ref = selectedRef(state), let object = state.object(ref) else {
            state.flash = Flash("Nothing selected", .error)
            return []
        }
        if let refusal = MoneyMoveRules.refusal(action, on: object) {
            state.flash = Flash(refusal.message, .error)
            return []
        }
        if state.pending[ref.id] != nil {
            state.flash = Flash("\(ref.id) already has an action under way", .error)
            return []
        }
        var dialog = ActionDialog(action: action, mode: state.mode, targets: [ActionTarget(object)], openedWith: key)
        var effects: [ConsoleEffect] = []
        switch (action, object) {
        case (.capture, .payment(let p)):
            dialog.amountEditable = true
            dialog.maxAmount = MoneyMoveRules.maximumAmount(.capture, on: object)
            dialog.amountText = p.money?.plainAmount ?? ""
        case (.cancelPayment, _):
            dialog.reasonOptions = ActionDialog.cancelReasons
        case (.refund, .payment(let p)):
            dialog.amountEditable = true
            dialog.reasonOptions = ActionDialog.refundReasons
            dialog.waitingForRefundable = true
            var q = RefundListQuery()
            q.window = ListWindow(pageNum: 0, pageSize: 100)
            q.paymentIntentId = p.id
            effects.append(.load(LoadRequest(target: .refundable(paymentIntentId: p.id), query: .refunds(q), page: 0, generation: 0, isRefresh: false)))
        case (.cancelSubscription, _):
            dialog.atPeriodEnd = true
        default: break
        }
        state.dialog = dialog
        return effects
    }

    static func openBulkCapture(_ state: inout ConsoleState, key: KeyPress) -> [ConsoleEffect] {
        // Marked order follows the list so the dialog reads top to bottom like the screen. Marks keep
        // what the dialog needs, so rows whose page left the window are captured too.
        let list = state.lists[.payments]
        let marked = list.marksInOrder.map { mark in list[mark.target.id].map(ActionTarget.init) ?? mark.target }
        let capturable = marked.filter { $0.status == PaymentIntentStatus.requiresCapture.rawValue && state.pending[$0.id] == nil }
        guard !capturable.isEmpty else {
            state.flash = Flash("None of the \(marked.count) marked payments awaits capture", .error)
            return []
        }
        var dialog = ActionDialog(action: .capture, mode: state.mode, targets: capturable, openedWith: key)
        dialog.bulk = true
        dialog.hiddenByFilter = list.hiddenMarkCount
        if capturable.count < marked.count {
            dialog.note = "\(marked.count - capturable.count) marked payment(s) cannot be captured and are left out"
        }
        state.dialog = dialog
        return []
    }

    static func dialogKey(_ state: inout ConsoleState, _ key: KeyPress) -> [ConsoleEffect] {
        guard var dialog = state.dialog else { return [] }
        let fields = dialog.fields
        func moveFocus(_ step: Int) {
            let index = fields.firstIndex(of: dialog.focus) ?? fields.count - 2
            dialog.focus = fields[(index + step + fields.count) % fields.count]
        }
        switch key.key {
        case .escape:
            state.dialog = nil
            state.flash = Flash("\(dialog.action.verb) cancelled — nothing sent", .info)
            return []
        case .tab, .down: moveFocus(1)
        case .backTab, .up: moveFocus(-1)
        case .left, .right:
            let step = key.key == .right ? 1 : -1
            switch dialog.focus {
            case .reason:
                dialog.reasonIndex = (dialog.reasonIndex + step + dialog.reasonOptions.count) % dialog.reasonOptions.count
            case .timing:
                dialog.atPeriodEnd.toggle()
            case .cancelButton, .confirmButton:
                dialog.focus = dialog.focus == .cancelButton ? .confirmButton : .cancelButton
            default: break
            }
        case .enter:
            switch dialog.focus {
            case .cancelButton:
                state.dialog = nil
                state.flash = Flash("\(dialog.action.verb) cancelled — nothing sent", .info)
                return []
            case .confirmButton:
                return confirm(&state, dialog)
            default:
                moveFocus(1)
            }
        case .backspace:
            edit(&dialog) { if !$0.isEmpty { $0.removeLast() } }
        default:
            guard let c = key.typedCharacter else { break }
            switch dialog.focus {
            case .amount:
                if c.isNumber || c == "." { edit(&dialog) { if $0.count < 24 { $0.append(c) } } }
            case .reasonText, .typedConfirmation:
                edit(&dialog) { if $0.count < 200 { $0.append(c) } }
            default: break
            }
        }
        dialog.error = nil
        state.dialog = dialog
        return []
    }

    static func edit(_ dialog: inout ActionDialog, _ change: (inout String) -> Void) {
        switch dialog.focus {
        case .amount: change(&dialog.amountText)
        case .reasonText: change(&dialog.reasonText)
        case .typedConfirmation: change(&dialog.typedConfirmation)
        default: break
        }
    }

    /// Confirm pressed. Re-checks everything against the newest known state of the captured ids, then
    /// journals each request; a request is sent only once its journal line is written (`journaled`).
    static func confirm(_ state: inout ConsoleState, _ dialog: ActionDialog) -> [ConsoleEffect] {
        func refuse(_ message: String) -> [ConsoleEffect] {
            var d = dialog
            d.error = message
            state.dialog = d
            return []
        }
        if state.readOnly { state.dialog = nil; state.flash = Flash("Read-only: nothing sent", .error); return [] }
        if dialog.waitingForRefundable { return refuse(dialog.error ?? "Still reading what is left to refund") }
        if dialog.mode != state.mode { return refuse("Mode changed since the dialog opened; close it and start again") }
        var amount: Decimal?
        if dialog.amountEditable, !dialog.isBulk, let currency = dialog.targets.first?.money?.currency {
            switch MoneyMoveRules.checkAmount(dialog.amountText, for: dialog.action, currency: currency, maximum: dialog.maxAmount) {
            case .success(let money): amount = money.amount
            case .failure(let refusal): return refuse(refusal.message)
            }
        }
        if dialog.usesFreeTextReason, dialog.reason == nil { return refuse("Type a reason, or pick one with left/right") }
        if dialog.requiresTypedConfirmation {
            let typed = dialog.typedConfirmation.trimmingCharacters(in: .whitespaces).lowercased()
            let accepted = Set(dialog.expectedConfirmationWords.map { $0.lowercased() } + (amount.map { [formattedPlain($0, dialog)] } ?? []))
            if !accepted.contains(typed) {
                return refuse(dialog.isBulk ? "LIVE: type yes to confirm" : "LIVE: type the amount (\(dialog.amountText)) or yes to confirm")
            }
        }
        // The action is bound to the ids captured at open; re-read them now because rows may have changed.
        var requests: [ActionRequest] = []
        var refusals: [String] = []
        for target in dialog.targets {
            let current = state.object(ObjectRef(dialog.action.objectKind, target.id))
            // A marked payment whose page left the window is checked against its mark (kept current by
            // every answer about it); the server re-checks the status anyway.
            let mark = dialog.isBulk && current == nil ? state.lists[.payments].marks[target.id] : nil
            if current == nil, mark == nil {
                refusals.append("\(target.id) is no longer loaded")
                continue
            }
            if let current, MoneyMoveRules.refusal(dialog.action, on: current) != nil {
                refusals.append("\(target.id) is now \(MoneyMoveRules.stateText(current))")
                continue
            }
            if let mark, mark.target.status != PaymentIntentStatus.requiresCapture.rawValue {
                refusals.append("\(target.id) is now \(mark.target.status)")
                continue
            }
            guard state.pending[target.id] == nil else {
                refusals.append("\(target.id) already has an action under way")
                continue
            }
            let requestId = "\(state.sessionTag)-\(state.nextRequestNumber)"
            let request: ActionRequest
            if let current {
                request = MoneyMoveRules.request(
                    dialog.action, on: current, amount: amount,
                    maximum: dialog.action == .refund ? dialog.maxAmount : MoneyMoveRules.maximumAmount(dialog.action, on: current),
                    reason: dialog.reason, atPeriodEnd: dialog.atPeriodEnd, consoleRequestId: requestId)
            } else {
                // A bulk capture of a mark whose row is not held: always the whole authorised amount.
                request = MoneyMoveRules.fullCapture(of: target, consoleRequestId: requestId)
            }
            state.nextRequestNumber += 1
            state.pending[target.id] = PendingAction(request: request, phase: .sending)
            requests.append(request)
        }
        state.dialog = nil
        if requests.isEmpty {
            state.flash = Flash("Nothing sent: " + refusals.joined(separator: "; "), .error)
            return []
        }
        let first = requests[0]
        var text = requests.count == 1 ? "\(first.action.progressWord.capitalized) \(first.objectId)…" : "\(first.action.progressWord.capitalized) \(requests.count) payments…"
        if !refusals.isEmpty { text += " Skipped: " + refusals.joined(separator: "; ") }
        state.flash = Flash(text, refusals.isEmpty ? .info : .error)
        return requests.map { .journal(.sending($0, at: state.now, mode: state.mode)) }
    }

    static func formattedPlain(_ amount: Decimal, _ dialog: ActionDialog) -> String {
        guard let currency = dialog.targets.first?.money?.currency else { return "\(amount)" }
        return Money(amount: amount, currency: currency).plainAmount
    }

    static func refundableLoaded(_ state: inout ConsoleState, paymentIntentId: String, _ outcome: Result<Void, ConsoleFailure>) -> [ConsoleEffect] {
        guard var dialog = state.dialog, dialog.action == .refund, dialog.targets.first?.id == paymentIntentId, dialog.waitingForRefundable else { return [] }
        switch outcome {
        case .failure(let failure):
            dialog.error = "Could not read earlier refunds (\(failure.message)); esc closes"
        case .success:
            guard let payment = state.object(ObjectRef(.payment, paymentIntentId)),
                  let left = MoneyMoveRules.maximumAmount(.refund, on: payment, refunds: state.refundsByPayment[paymentIntentId] ?? []),
                  let currency = ActionTarget(payment).money?.currency else {
                dialog.error = "The payment has no amount to refund"
                state.dialog = dialog
                return []
            }
            if let refusal = MoneyMoveRules.checkSomethingLeft(.refund, paymentIntentId: paymentIntentId, maximum: left) {
                state.dialog = nil
                state.flash = Flash(refusal.message, .error)
                return []
            }
            dialog.waitingForRefundable = false
            dialog.maxAmount = left
            dialog.amountText = Money(amount: left, currency: currency).plainAmount
        }
        state.dialog = dialog
        return []
    }
}
