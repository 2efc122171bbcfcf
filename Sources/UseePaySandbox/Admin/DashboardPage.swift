import UseePay

/// `GET /__sandbox/dashboard/{resource}/{id}`: the sandbox's stand-in for the merchant dashboard's
/// page of one object, so the console's "dashboard link" opens something real in a browser.
/// Everything stored comes from API callers and may be hostile: every value is HTML-escaped.
enum DashboardPage {
    /// URL path segment → stored kind. The segments are the API's own resource names.
    static let resources: [String: ResourceKind] = Dictionary(
        uniqueKeysWithValues: ResourceKind.allCases.filter { $0 != .webhookEndpoint }.map { ($0.table, $0) })

    /// Fields that name another object, and the dashboard resource that object lives under.
    static let links: [String: String] = [
        "customer_id": "customers", "payment_intent_id": "payment_intents", "subscription_id": "subscriptions",
        "invoice_id": "invoices", "latest_invoice": "invoices",
    ]

    static func render(kind: ResourceKind, object: SandboxJSON) -> String {
        let fields = object.objectValue ?? [:]
        let id = escape(fields["id"]?.stringValue ?? "")
        var rows = ""
        for name in fields.keys.sorted() {
            // The client secret stays off a page that needs no credentials (and may be served with --allow-remote).
            guard let value = fields[name], !value.isNull, name != "client_secret" else { continue }
            let shown: String
            switch value {
            case .object, .array: shown = "<code>" + escape(value.serialized()) + "</code>"
            case .string(let text):
                if let resource = links[name], let segment = URLPathSegment.encode(text) {
                    shown = "<a href=\"/__sandbox/dashboard/\(resource)/\(escape(segment))\">\(escape(text))</a>"
                } else {
                    shown = escape(text)
                }
            default: shown = escape(value.serialized())
            }
            rows += "<tr><th>\(escape(name))</th><td>\(shown)</td></tr>\n"
        }
        return """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>UseePay SANDBOX · \(escape(kind.displayName)) \(id)</title></head>
        <body style="font-family: sans-serif; max-width: 60em; margin: 2em auto">
        <p><strong>SANDBOX</strong> — the local emulator's dashboard page; no real money moves here.</p>
        <h1>\(escape(kind.displayName.capitalized)) <code>\(id)</code></h1>
        <table style="border-collapse: collapse; text-align: left">
        \(rows)</table>
        </body></html>
        """
    }

    static func notFound(resource: String, id: String) -> String {
        let known = resources.keys.sorted().joined(separator: ", ")
        let message = resources[resource] == nil
            ? "There is no dashboard page for <code>\(escape(resource))</code> (known: \(escape(known)))."
            : "No \(escape(resources[resource]!.displayName)) <code>\(escape(id))</code> in this sandbox."
        return """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>UseePay SANDBOX · not found</title></head>
        <body style="font-family: sans-serif; max-width: 60em; margin: 2em auto">
        <p><strong>SANDBOX</strong></p><p>\(message)</p>
        </body></html>
        """
    }

    static func escape(_ text: String) -> String { ThreeDSecurePage.escape(text) }
}
