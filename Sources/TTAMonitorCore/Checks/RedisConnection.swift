/// A Redis connection speaking RESP2 one command at a time, all under one deadline.
final class RedisConnection {
    /// A command that got no usable reply; `command` names it (never its arguments, which
    /// may hold a password).
    struct Failure: Error, CustomStringConvertible {
        enum Reason {
            case socket(SocketError)
            case malformed(RedisProtocolError)
        }

        let command: String
        let reason: Reason

        var description: String {
            switch reason {
            case .socket(let error): "\(error) during \(command)"
            case .malformed(let error): "\(error) in answer to \(command)"
            }
        }
    }

    /// The numeric address connected to.
    var remoteAddress: String { socket.remoteAddress }

    private let socket: AsyncSocket
    private let deadline: SocketDeadline
    private var reader = RedisReplyReader()

    private init(socket: AsyncSocket, deadline: SocketDeadline) {
        self.socket = socket
        self.deadline = deadline
    }

    /// Connects to `host:port`; `deadline` also bounds every later command.
    static func open(host: String, port: Int, deadline: SocketDeadline) async throws(SocketError) -> RedisConnection {
        let socket = try await AsyncSocket.connect(host: host, port: port, deadline: deadline)
        return RedisConnection(socket: socket, deadline: deadline)
    }

    /// Sends `arguments` as one command and returns its reply. Redis errors (`-ERR …`) are
    /// replies, not failures: the caller decides what they mean.
    func send(_ arguments: [String]) async throws(Failure) -> RedisReply {
        let command = arguments.first ?? ""
        do throws(SocketError) {
            try await socket.write(RedisReply.encodeCommand(arguments), deadline: deadline)
        } catch {
            throw Failure(command: command, reason: .socket(error))
        }
        while true {
            do throws(RedisProtocolError) {
                if let reply = try reader.next() { return reply }
            } catch {
                throw Failure(command: command, reason: .malformed(error))
            }
            do throws(SocketError) {
                reader.append(try await socket.read(maxBytes: 16_384, deadline: deadline))
            } catch {
                throw Failure(command: command, reason: .socket(error))
            }
        }
    }
}
