import Foundation
import GRDB
import _CryptoExtras

/// Signs webhook bodies the way DECISIONS.md fixes it: Base64 of RSA-SHA256 (PKCS#1 v1.5) over the
/// exact body bytes. The RSA-2048 key is created once and kept in the database's meta table.
struct WebhookSigner: Sendable {
    let privateKey: _RSA.Signing.PrivateKey

    var publicKeyPEM: String { privateKey.publicKey.pemRepresentation }

    func sign(_ body: Data) throws -> String {
        try privateKey.signature(for: body, padding: .insecurePKCS1v1_5).rawRepresentation.base64EncodedString()
    }

    /// In-memory sandboxes (tests) share one key per process: RSA generation costs a noticeable
    /// fraction of a second and nothing outlives the process anyway.
    static let processKey: _RSA.Signing.PrivateKey = {
        do { return try _RSA.Signing.PrivateKey(keySize: .bits2048) } catch { fatalError("RSA key generation failed: \(error)") }
    }()

    static func loadOrCreate(in writer: any DatabaseWriter, location: SandboxDatabaseLocation, override: String?) throws -> WebhookSigner {
        if let override {
            return WebhookSigner(privateKey: try _RSA.Signing.PrivateKey(pemRepresentation: override))
        }
        let stored = try writer.read { db in try db.metaValue("webhook_signing_key") }
        if let stored {
            return WebhookSigner(privateKey: try _RSA.Signing.PrivateKey(pemRepresentation: stored))
        }
        let key = location == .inMemory ? processKey : try _RSA.Signing.PrivateKey(keySize: .bits2048)
        try writer.write { db in try db.setMetaValue("webhook_signing_key", key.pemRepresentation) }
        return WebhookSigner(privateKey: key)
    }
}
