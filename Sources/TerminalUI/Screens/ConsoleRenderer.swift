import Foundation
import ConsoleCore

/// Draws the whole console for a state. Pure: the same state and size give the same grid.
/// Work is proportional to the rows on screen, not to the rows loaded.
public func render(_ state: ConsoleState, size: TerminalSize) -> CellGrid {
    var grid = CellGrid(size: size)
    guard size.isUsable else {
        drawTooSmall(size: size, into: &grid)
        return grid
    }
    switch state.screen {
    case .list(.payments): ListScreens.payments(state, into: &grid)
    case .list(.customers): ListScreens.customers(state, into: &grid)
    case .list(.subscriptions): ListScreens.subscriptions(state, into: &grid)
    case .list(.refunds): ListScreens.refunds(state, into: &grid)
    case .detail(let detail): DetailScreen.draw(state, detail, into: &grid)
    case .found(let list): FoundScreen.draw(state, list, into: &grid)
    case .apiLog: APILogScreen.draw(state, into: &grid)
    case .glance: GlanceScreen.draw(state, into: &grid)
    }
    if let dialog = state.dialog {
        ActionDialogView.draw(dialog, state: state, into: &grid)
    } else if let picker = state.contextPicker {
        ContextPickerView.draw(picker, state: state, into: &grid)
    } else if state.showingHelp {
        HelpView.draw(state, into: &grid)
    }
    return grid
}

/// Below the minimum the console shows only this; actions are refused by the reducer too.
func drawTooSmall(size: TerminalSize, into grid: inout CellGrid) {
    let lines = ["Window too small", "\(size.columns)x\(size.rows), need \(TerminalSize.minimum.columns)x\(TerminalSize.minimum.rows)", "q quits"]
    let top = max(0, (size.rows - lines.count) / 2)
    for (offset, line) in lines.enumerated() where top + offset < size.rows {
        let text = TerminalText.center(TerminalText.truncate(line, toWidth: size.columns), toWidth: size.columns)
        grid.write(text, x: 0, y: top + offset, maxWidth: size.columns, role: offset == 0 ? .warning : .dim)
    }
}
