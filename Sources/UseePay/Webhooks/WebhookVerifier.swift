import Crypto
import _CryptoExtras
import Foundation

public enum WebhookVerificationError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidPublicKey(String)
    case missingSignature
    case invalidSignature
    case missingData
    case malformedBody(String)

    public var description: String {
        switch self {
        case .invalidPublicKey(let reason): return "The webhook public key is not a usable RSA PEM key: \(reason)"
        case .missingSignature: return "The notification has no `sign` header."
        case .invalidSignature: return "The `sign` header does not match the body: the notification is not from UseePay or was altered."
        case .missingData: return "The form body has no `data` field."
        case .malformedBody(let reason): return "The notification body is not a UseePay event: \(reason)"
        }
    }
}

/// Verifies UseePay webhook notifications: header `sign` = Base64 RSA-SHA256 (PKCS#1 v1.5) over the event JSON text.
public struct WebhookVerifier: Sendable {
    private let publicKey: _RSA.Signing.PublicKey

    public init(publicKeyPEM: String) throws {
        do {
            publicKey = try _RSA.Signing.PublicKey(pemRepresentation: publicKeyPEM)
        } catch {
            throw WebhookVerificationError.invalidPublicKey(String(describing: error))
        }
    }

    /// True only for a well-formed Base64 signature that matches `payload` exactly.
    public func verify(signature: String, payload: Data) -> Bool {
        let compact = signature.filter { !$0.isWhitespace }
        guard !compact.isEmpty, let bytes = Data(base64Encoded: compact) ?? Data(base64Encoded: Self.padded(compact)) else {
            return false
        }
        let rsaSignature = _RSA.Signing.RSASignature(rawRepresentation: bytes)
        return publicKey.isValidSignature(rsaSignature, for: SHA256.hash(data: payload), padding: .insecurePKCS1v1_5)
    }

    /// Verifies and parses a delivery. A JSON body is signed as-is; a form body `data=<urlencoded JSON>`
    /// is signed over the decoded `data` value. `contentType` nil = decide from the body.
    public func verifyAndParse(body: Data, contentType: String?, signature: String?) throws -> WebhookEvent {
        guard let signature, !signature.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw WebhookVerificationError.missingSignature
        }
        let payload = try Self.eventPayload(body: body, contentType: contentType)
        guard verify(signature: signature, payload: payload) else { throw WebhookVerificationError.invalidSignature }
        do {
            return try WebhookEvent.parse(payload)
        } catch {
            throw WebhookVerificationError.malformedBody(String(describing: error))
        }
    }

    /// The signed event JSON bytes of a delivery body.
    public static func eventPayload(body: Data, contentType: String?) throws -> Data {
        let type = contentType?.lowercased() ?? ""
        let isForm: Bool
        if type.contains("application/x-www-form-urlencoded") {
            isForm = true
        } else if type.contains("json") {
            isForm = false
        } else {
            let firstByte = body.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) })
            isForm = firstByte != UInt8(ascii: "{")
        }
        guard isForm else { return body }
        let text = String(decoding: body, as: UTF8.self)
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, formDecode(String(parts[0])) == "data" else { continue }
            guard let value = formDecode(String(parts[1])) else {
                throw WebhookVerificationError.malformedBody("the data field is not valid URL encoding")
            }
            return Data(value.utf8)
        }
        throw WebhookVerificationError.missingData
    }

    private static func formDecode(_ s: String) -> String? {
        s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    private static func padded(_ s: String) -> String {
        let remainder = s.count % 4
        return remainder == 0 ? s : s + String(repeating: "=", count: 4 - remainder)
    }
}
