import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sorts a failure with no HTTP response into what the merchant needs to know: what happened,
/// and whether the request can have reached the server (which decides `outcomeUnclear`).
struct TransportClassification: Equatable {
    var failure: TransportFailure
    /// False when the failure happened before the request could be written (refused, DNS, TLS, connect timeout).
    var mayHaveBeenSent: Bool
}

enum ErrorClassifier {
    static func classify(_ error: any Error) -> TransportClassification {
        if let e = error as? HTTPClientError {
            switch e {
            case .readTimeout, .deadlineExceeded, .writeTimeout:
                return .init(failure: .timeout, mayHaveBeenSent: true)
            case .connectTimeout, .getConnectionFromPoolTimeout, .httpProxyHandshakeTimeout, .socksHandshakeTimeout:
                return .init(failure: .timeout, mayHaveBeenSent: false)
            case .tlsHandshakeTimeout:
                return .init(failure: .tls, mayHaveBeenSent: false)
            case .remoteConnectionClosed, .bodyLengthMismatch:
                return .init(failure: .connectionReset, mayHaveBeenSent: true)
            default:
                return .init(failure: .other(String(describing: e)), mayHaveBeenSent: true)
            }
        }
        if let e = error as? ChannelError {
            switch e {
            case .connectTimeout: return .init(failure: .timeout, mayHaveBeenSent: false)
            case .eof, .outputClosed, .inputClosed, .alreadyClosed, .ioOnClosedChannel:
                return .init(failure: .connectionReset, mayHaveBeenSent: true)
            default: return .init(failure: .other(String(describing: e)), mayHaveBeenSent: true)
            }
        }
        if let e = error as? NIOConnectionError {
            if e.connectionErrors.isEmpty && (e.dnsAError != nil || e.dnsAAAAError != nil) {
                return .init(failure: .dns, mayHaveBeenSent: false)
            }
            if let first = e.connectionErrors.first {
                let inner = classify(first.error)
                return .init(failure: inner.failure == .connectionReset ? .connectionRefused : inner.failure, mayHaveBeenSent: false)
            }
            return .init(failure: .connectionRefused, mayHaveBeenSent: false)
        }
        if let e = error as? IOError {
            switch e.errnoCode {
            case ECONNREFUSED: return .init(failure: .connectionRefused, mayHaveBeenSent: false)
            case ECONNRESET, EPIPE, ECONNABORTED: return .init(failure: .connectionReset, mayHaveBeenSent: true)
            case ETIMEDOUT: return .init(failure: .timeout, mayHaveBeenSent: true)
            case EHOSTUNREACH, ENETUNREACH: return .init(failure: .other("network unreachable"), mayHaveBeenSent: false)
            default: return .init(failure: .other("I/O error \(e.errnoCode)"), mayHaveBeenSent: true)
            }
        }
        if error is NIOConnectionError || String(describing: type(of: error)).contains("Resolution") {
            return .init(failure: .dns, mayHaveBeenSent: false)
        }
        let typeName = String(reflecting: type(of: error))
        if typeName.contains("SSL") || typeName.contains("TLS") {
            return .init(failure: .tls, mayHaveBeenSent: false)
        }
        if typeName.contains("HTTPParserError") {
            // The response was cut off or malformed mid-way: the request did reach the server.
            return .init(failure: .connectionReset, mayHaveBeenSent: true)
        }
        return .init(failure: .other(String(describing: type(of: error))), mayHaveBeenSent: true)
    }
}
