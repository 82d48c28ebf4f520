/// Incremental RESP2 parser: bytes go in as they arrive, complete replies come out.
///
/// A reply split across reads (a bulk string cut in its middle, an array missing its last
/// element) stays buffered until the rest arrives; nothing is consumed until a whole reply
/// parses.
struct RedisReplyReader {
    /// Limits far above any reply the checks ask for (INFO is a few KiB), low enough that a
    /// hostile or confused peer cannot make us allocate without bound.
    static let maxBulkLength = 64 << 20
    static let maxArrayCount = 1 << 20
    static let maxDepth = 16
    static let maxLineLength = 64 << 10

    private var buffer: [UInt8] = []
    private var consumed = 0

    /// Adds bytes read from the socket.
    mutating func append(_ bytes: [UInt8]) {
        if consumed > 0, consumed == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            consumed = 0
        }
        buffer += bytes
    }

    /// The next complete reply, or nil until more bytes arrive.
    mutating func next() throws(RedisProtocolError) -> RedisReply? {
        var index = consumed
        guard let reply = try parse(at: &index, depth: 0) else { return nil }
        consumed = index
        if consumed > 4_096, consumed * 2 > buffer.count {
            buffer.removeFirst(consumed)
            consumed = 0
        }
        return reply
    }

    private func parse(at index: inout Int, depth: Int) throws(RedisProtocolError) -> RedisReply? {
        guard depth <= Self.maxDepth else { throw .tooLarge }
        guard index < buffer.count else { return nil }
        let type = buffer[index]
        guard [UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "$"), UInt8(ascii: "*")]
            .contains(type) else { throw .unexpectedType(type) }
        guard let lineEnd = lineEnd(from: index + 1) else {
            if buffer.count - index > Self.maxLineLength { throw .tooLarge }
            return nil
        }
        let line = buffer[(index + 1)..<lineEnd]
        var cursor = lineEnd + 2
        let reply: RedisReply
        switch type {
        case UInt8(ascii: "+"):
            reply = .simpleString(String(decoding: line, as: UTF8.self))
        case UInt8(ascii: "-"):
            reply = .error(String(decoding: line, as: UTF8.self))
        case UInt8(ascii: ":"):
            reply = .integer(try Self.number(line))
        case UInt8(ascii: "$"):
            let length = try Self.number(line)
            if length == -1 {
                reply = .bulkString(nil)
                break
            }
            guard (0...Int64(Self.maxBulkLength)).contains(length) else { throw .invalidNumber }
            let end = cursor + Int(length)
            guard end + 2 <= buffer.count else { return nil }
            guard buffer[end] == 13, buffer[end + 1] == 10 else { throw .missingTerminator }
            reply = .bulkString(Array(buffer[cursor..<end]))
            cursor = end + 2
        default:
            let count = try Self.number(line)
            if count == -1 {
                reply = .array(nil)
                break
            }
            guard (0...Int64(Self.maxArrayCount)).contains(count) else { throw .invalidNumber }
            var items: [RedisReply] = []
            for _ in 0..<count {
                guard let item = try parse(at: &cursor, depth: depth + 1) else { return nil }
                items.append(item)
            }
            reply = .array(items)
        }
        index = cursor
        return reply
    }

    /// Index of the CR of the first CRLF at or after `start`.
    private func lineEnd(from start: Int) -> Int? {
        var index = start
        while index + 1 < buffer.count {
            if buffer[index] == 13, buffer[index + 1] == 10 { return index }
            index += 1
        }
        return nil
    }

    private static func number(_ digits: ArraySlice<UInt8>) throws(RedisProtocolError) -> Int64 {
        guard let value = Int64(String(decoding: digits, as: UTF8.self)) else { throw .invalidNumber }
        return value
    }
}
