import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// A bare TCP server for failures Hummingbird will not produce: it reads a request, writes
/// `response` (possibly a cut-off HTTP response) and then resets the connection (RST via SO_LINGER 0).
final class RawSocketServer: Sendable {
    let baseURL: URL
    private let channel: any Channel
    private let connections: NIOLockedValueBox<Int>

    var connectionCount: Int { connections.withLockedValue { $0 } }

    private init(baseURL: URL, channel: any Channel, connections: NIOLockedValueBox<Int>) {
        self.baseURL = baseURL; self.channel = channel; self.connections = connections
    }

    static func start(response: String) async throws -> RawSocketServer {
        let connections = NIOLockedValueBox(0)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                connections.withLockedValue { $0 += 1 }
                return child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(CutOffHandler(response: response))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        return RawSocketServer(baseURL: URL(string: "http://127.0.0.1:\(port)")!, channel: channel, connections: connections)
    }

    func stop() async {
        try? await channel.close()
    }
}

private final class CutOffHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    let response: String
    private let received = NIOLockedValueBox("")

    init(response: String) { self.response = response }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        let text = received.withLockedValue { text -> String in
            text += String(buffer: buffer)
            return text
        }
        // Wait for the whole request (headers + declared body) before answering.
        guard let headerEnd = text.range(of: "\r\n\r\n") else { return }
        let head = text[..<headerEnd.lowerBound].lowercased()
        var contentLength = 0
        for line in head.split(separator: "\r\n") where line.hasPrefix("content-length:") {
            contentLength = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        guard text.utf8.count - text[..<headerEnd.upperBound].utf8.count >= contentLength else { return }
        let channel = context.channel
        let payload = ByteBuffer(string: response)
        channel.writeAndFlush(payload).whenComplete { _ in
            guard let provider = channel as? any SocketOptionProvider else { return channel.close(promise: nil) }
            provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in channel.close(promise: nil) }
        }
    }
}

/// A loopback port that nothing listens on (bound, then closed).
func unusedLoopbackPort() async throws -> Int {
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .bind(host: "127.0.0.1", port: 0).get()
    let port = channel.localAddress?.port ?? 0
    try await channel.close()
    return port
}
