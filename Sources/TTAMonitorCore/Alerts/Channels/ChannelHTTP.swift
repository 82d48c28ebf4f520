/// POSTs a channel's JSON message through the shared libcurl multi loop (never a blocking
/// call on the cooperative pool) and turns the answer into a result whose message holds no
/// URL: a Slack webhook URL is a credential.
enum ChannelHTTP {
    /// How much of a failed response's body is kept for the error message.
    static let errorBodyBytes = 512

    /// Sends `body` as `application/json` to `url`; any 2xx status counts as delivered.
    static func postJSON(_ body: String, to url: String, headers: [HTTPHeader], channel: AlertChannel) async -> ChannelSendResult {
        var allHeaders = [HTTPHeader(name: "Content-Type", value: "application/json")]
        allHeaders += headers.filter { $0.name.lowercased() != "content-type" }
        let request = HTTPProbeRequest(url: url, method: "POST", headers: allHeaders, body: Array(body.utf8),
                                       timeout: channel.timeout, followRedirects: false,
                                       maxBodyBytes: errorBodyBytes)
        let response = await HTTPProbe.perform(request)
        return result(of: response, url: url, channel: channel)
    }

    static func result(of response: HTTPProbeResponse, url: String, channel: AlertChannel) -> ChannelSendResult {
        guard response.completed else {
            return .failed(channel.masking(transportMessage(response, url: url, channel: channel)))
        }
        guard (200..<300).contains(response.statusCode) else {
            // Masked before it is cut, so a cut never leaves part of a secret unrecognised.
            let text = channel.masking(String(decoding: response.body, as: UTF8.self))
                .split(whereSeparator: \.isNewline).joined(separator: " ")
            let excerpt = text.count > 200 ? String(text.prefix(200)) + "…" : text
            return .failed(channel.masking("HTTP \(response.statusCode)" + (excerpt.isEmpty ? "" : ": \(excerpt)")))
        }
        return .delivered
    }

    /// The check messages' wording, minus the one case that quotes the URL.
    private static func transportMessage(_ response: HTTPProbeResponse, url: String, channel: AlertChannel) -> String {
        switch response.curlCode {
        case CurlCodes.urlMalformed, CurlCodes.unsupportedProtocol:
            return "invalid URL (not shown: it may be secret)"
        case CurlCodes.operationTimedOut:
            return "timed out after \(DurationParser.format(channel.timeout))"
        default:
            // Only the host reaches the message ("could not resolve host 'hooks.chat.example'").
            let hostOnly = URLRedaction.host(of: url).map { "http://\($0)/" } ?? ""
            return HTTPTransportFailure.verdict(for: response, url: hostOnly, timeout: channel.timeout)?.message
                ?? "request failed"
        }
    }
}
