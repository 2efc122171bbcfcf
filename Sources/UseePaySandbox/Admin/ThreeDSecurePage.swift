/// The page `next_action.redirect.url` points at: two buttons that complete or fail authentication.
enum ThreeDSecurePage {
    static func render(intentId: String) -> String {
        let id = escape(intentId)
        return """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>UseePay SANDBOX 3-D Secure</title></head>
        <body style="font-family: sans-serif; max-width: 36em; margin: 3em auto">
        <p><strong>SANDBOX</strong> — no real card is charged.</p>
        <h1>3-D Secure check</h1>
        <p>Payment intent <code>\(id)</code> is waiting for the payer to authenticate.</p>
        <form method="post" action="/__sandbox/3ds/\(id)/complete"><button type="submit">Complete authentication</button></form>
        <form method="post" action="/__sandbox/3ds/\(id)/fail"><button type="submit">Fail authentication</button></form>
        </body></html>
        """
    }

    static func finished(intent: SandboxJSON) -> String {
        let status = escape(intent["status"]?.stringValue ?? "")
        let id = escape(intent["id"]?.stringValue ?? "")
        var link = ""
        if let returnURL = intent["return_url"]?.stringValue, returnURL.hasPrefix("http") {
            let separator = returnURL.contains("?") ? "&" : "?"
            link = "<p><a href=\"\(escape(returnURL + separator + "payment_intent=" + (intent["id"]?.stringValue ?? "")))\">Return to the merchant</a></p>"
        }
        return """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>UseePay SANDBOX 3-D Secure</title></head>
        <body style="font-family: sans-serif; max-width: 36em; margin: 3em auto">
        <p><strong>SANDBOX</strong></p><p>Payment intent <code>\(id)</code> is now <strong>\(status)</strong>.</p>\(link)
        </body></html>
        """
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
