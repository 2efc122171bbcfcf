import Foundation

extension Reducer {
    /// The client is waiting before sending a request again because the server did not process it (429, or
    /// 503 with Retry-After): say so on the flash line, so a slow capture does not look stuck. The notice is
    /// taken down when that same request comes back (unless something newer has replaced it).
    static func showRetryNotice(_ state: inout ConsoleState, _ entry: APILogEntry) {
        if let notice = entry.retryNotice {
            state.flash = Flash(notice, .info)
            return
        }
        guard let flash = state.flash, flash.kind == .info, isRetryNotice(flash.text),
              let previous = state.apiLog.last(where: { $0.method == entry.method && $0.path == entry.path }),
              previous.retryNotice == flash.text
        else { return }
        state.flash = nil
    }

    static func isRetryNotice(_ text: String) -> Bool {
        text.hasPrefix("rate limited, retrying in ") || (text.hasPrefix("server busy (") && text.contains(", retrying in "))
    }
}
