import Foundation
import UseePay

/// Where an object can be opened in a web browser: the merchant dashboard's page for it.
///
/// UseePay documents its merchant console's address (mc.useepay.com) but no address for one object
/// in it, so the console never invents one: a profile may give a `dashboard_url` template, the local
/// sandbox serves a page per object, and otherwise the link is the dashboard's home, labelled as such.
public struct DashboardLinks: Sendable, Hashable {
    public enum Form: Sendable, Hashable {
        /// No dashboard known (a custom base URL without a template).
        case none
        /// A URL with `{id}` and/or `{resource}` placeholders; opens the object itself.
        case template(String)
        /// Only the dashboard's front page is known; the merchant searches for the id there.
        case home(String)
    }

    public var form: Form

    public init(_ form: Form) { self.form = form }

    public static let none = DashboardLinks(.none)

    /// The object's link, or nil when no dashboard is known.
    public func link(for ref: ObjectRef) -> DashboardLink? {
        switch form {
        case .none:
            return nil
        case .home(let url):
            return DashboardLink(url: url, opensObject: false)
        case .template(let template):
            // Encoded as one segment wherever the template puts it (path or query): an id cannot add a
            // parameter or step up a directory.
            guard ref.kind.hasDashboardPage, let id = URLPathSegment.encode(ref.id) else { return nil }
            let url = template
                .replacingOccurrences(of: "{resource}", with: ref.kind.apiResource)
                .replacingOccurrences(of: "{id}", with: id)
            return DashboardLink(url: url, opensObject: true)
        }
    }

    /// A template is usable when it is an http(s) URL and names the object somewhere.
    public static func validateTemplate(_ template: String) -> String? {
        let lower = template.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            return "must start with https:// (http:// only for this machine)"
        }
        guard template.contains("{id}") else { return "must contain {id} where the object's id goes" }
        let probe = template.replacingOccurrences(of: "{id}", with: "x").replacingOccurrences(of: "{resource}", with: "x")
        guard let url = URL(string: probe), url.host != nil else { return "is not a valid URL" }
        // Same rule as base_url: ids in cleartext only to a service on this machine.
        if lower.hasPrefix("http://"), !UseePayEnvironment.custom(url).isLoopback { return "must use https:// (http:// only for this machine)" }
        return nil
    }
}

/// One object's dashboard address, and whether it opens that object or only the dashboard's home.
public struct DashboardLink: Sendable, Hashable {
    public var url: String
    public var opensObject: Bool

    public init(url: String, opensObject: Bool) {
        self.url = url; self.opensObject = opensObject
    }
}

extension ObjectKind {
    /// The API's plural resource name, used in URL paths (`/api/v1/payment_intents/…`).
    public var apiResource: String {
        switch self {
        case .payment: return "payment_intents"
        case .customer: return "customers"
        case .subscription: return "subscriptions"
        case .refund: return "refunds"
        case .invoice: return "invoices"
        case .mandate: return "mandates"
        case .checkoutSession: return "checkout_sessions"
        }
    }
}
