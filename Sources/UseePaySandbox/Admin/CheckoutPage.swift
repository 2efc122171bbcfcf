/// The hosted page a checkout session's `url` points at: what is bought, a card field (prefilled
/// with the success card; any test card works) and two buttons, pay or let the session expire.
/// Every value comes from an API caller and may be hostile, so all of it is HTML-escaped.
enum CheckoutPage {
    static func render(session: SandboxJSON) -> String {
        let id = ThreeDSecurePage.escape(session["id"]?.stringValue ?? "")
        let currency = ThreeDSecurePage.escape(session["currency"]?.stringValue ?? "")
        var rows = ""
        for item in session["line_items"]?.arrayValue ?? [] {
            let name = item["price_data"]?["product_data"]?["name"]?.stringValue ?? ""
            let quantity = item["quantity"].map { $0.serialized() } ?? "1"
            let unit = item["price_data"]?["unit_amount"].map { $0.serialized() } ?? ""
            var period = ""
            if let interval = item["price_data"]?["recurring"]?["interval"]?.stringValue { period = " / " + interval }
            rows += "<tr><td>\(ThreeDSecurePage.escape(name))</td><td>\(ThreeDSecurePage.escape(quantity)) × "
                + "\(ThreeDSecurePage.escape(unit)) \(currency)\(ThreeDSecurePage.escape(period))</td></tr>"
        }
        let amount = ThreeDSecurePage.escape(session["amount"].map { $0.serialized() } ?? "")
        let status = ThreeDSecurePage.escape(session["status"]?.stringValue ?? "")
        let open = session["status"]?.stringValue == "open"
        let actions = open ? """
            <form method="post" action="/__sandbox/checkout/\(id)/complete">
            <label>Card number <input name="card_number" value="4111111111111111" size="20"></label>
            <button type="submit">Pay \(amount) \(currency)</button></form>
            <form method="post" action="/__sandbox/checkout/\(id)/expire"><button type="submit">Let it expire</button></form>
            """ : "<p>This checkout session is <strong>\(status)</strong>.</p>"
        return """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>UseePay SANDBOX checkout</title></head>
        <body style="font-family: sans-serif; max-width: 36em; margin: 3em auto">
        <p><strong>SANDBOX</strong> — no real card is charged.</p>
        <h1>Checkout</h1>
        <p>Session <code>\(id)</code> (\(ThreeDSecurePage.escape(session["mode"]?.stringValue ?? "")))</p>
        <table>\(rows)</table>
        <p>Total <strong>\(amount) \(currency)</strong></p>
        \(actions)
        </body></html>
        """
    }

    static func finished(session: SandboxJSON) -> String {
        let id = ThreeDSecurePage.escape(session["id"]?.stringValue ?? "")
        let status = ThreeDSecurePage.escape(session["status"]?.stringValue ?? "")
        let paymentStatus = ThreeDSecurePage.escape(session["payment_status"]?.stringValue ?? "")
        let retry = session["status"]?.stringValue == "open"
            ? "<p>The payment did not go through. <a href=\"/__sandbox/checkout/\(id)\">Try again</a></p>" : ""
        return """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>UseePay SANDBOX checkout</title></head>
        <body style="font-family: sans-serif; max-width: 36em; margin: 3em auto">
        <p><strong>SANDBOX</strong></p><p>Checkout session <code>\(id)</code> is now <strong>\(status)</strong> (\(paymentStatus)).</p>\(retry)
        </body></html>
        """
    }
}
