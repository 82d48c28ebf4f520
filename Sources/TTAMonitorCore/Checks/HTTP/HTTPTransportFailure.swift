import Glibc

/// Turns a transfer that did not complete into a verdict and a message a person can act on.
enum HTTPTransportFailure {
    /// The verdict for an incomplete transfer; nil when the transfer completed.
    static func verdict(for response: HTTPProbeResponse, url: String,
                        timeout: Duration) -> (status: CheckStatus, message: String)? {
        guard !response.completed else { return nil }
        let code = response.curlCode
        let detail = URLRedaction.masked(response.errorMessage ?? "unknown error")
        if let exhausted = descriptorExhaustion(errno: response.osErrno, detail: detail) {
            return (.unknown, DescriptorLimit.message(call: "curl", errno: exhausted))
        }
        switch code {
        case CurlCodes.operationTimedOut:
            return (.critical, "timed out after \(timeout.milliseconds) ms")
        case CurlCodes.couldNotResolveHost:
            return (.critical, "could not resolve host '\(URLRedaction.host(of: url) ?? "?")'")
        case CurlCodes.couldNotResolveProxy:
            return (.critical, "could not resolve proxy: \(detail)")
        case CurlCodes.couldNotConnect:
            return (.critical, connectMessage(errno: response.osErrno, detail: detail))
        case CurlCodes.peerFailedVerification:
            return (.critical, "TLS certificate verification failed: \(verificationProblem(detail))")
        case CurlCodes.sslConnectError:
            return (.critical, "TLS handshake failed: \(detail)")
        case _ where CurlCodes.otherTLSErrors.contains(code):
            return (.critical, "TLS error: \(detail)")
        case CurlCodes.gotNothing:
            return (.critical, "server closed the connection without a response")
        case CurlCodes.sendError, CurlCodes.receiveError:
            return (.critical, "connection failed: \(detail)")
        case CurlCodes.tooManyRedirects:
            return (.critical, "too many redirects: \(detail)")
        // The check could not be carried out as configured: not evidence the target is down.
        case CurlCodes.urlMalformed, CurlCodes.unsupportedProtocol:
            if let refusal = redirectRefusal(response, configuredURL: url) { return (.unknown, refusal) }
            return (.unknown, "invalid URL '\(URLRedaction.masked(url))': \(detail)")
        case CurlCodes.badFunctionArgument, CurlCodes.outOfMemory:
            return (.unknown, detail)
        case CurlCodes.abortedByCallback:
            return (.unknown, "check cancelled")
        default:
            return (.critical, "request failed: \(detail)")
        }
    }

    /// EMFILE or ENFILE when libcurl could not get a socket (or its resolver's socket pair):
    /// from the OS error it keeps, or from its message where it keeps none.
    private static func descriptorExhaustion(errno: Int32, detail: String) -> Int32? {
        if DescriptorLimit.isExhaustion(errno) { return errno }
        return [EMFILE, ENFILE].first { detail.contains(String(cString: strerror($0))) }
    }

    /// The configured URL was checked to be http(s) when the config was read, so an
    /// unsupported scheme (or a malformed URL after a redirect) came from a `Location` the
    /// target sent: name that, not the configured URL. Nil when the URL itself is at fault.
    private static func redirectRefusal(_ response: HTTPProbeResponse, configuredURL: String) -> String? {
        let configuredScheme = scheme(of: configuredURL)
        guard configuredScheme == "http" || configuredScheme == "https" else { return nil }
        if response.curlCode == CurlCodes.unsupportedProtocol {
            let target = response.redirectURL.flatMap(scheme(of:)) ?? quotedProtocol(in: response.errorMessage ?? "")
            let named = target.map { "a \($0): URL" } ?? "a URL of another scheme"
            return "redirect to \(named) refused (only http and https are followed)"
        }
        guard response.redirectCount > 0 || response.redirectURL != nil else { return nil }
        return "redirect to a malformed URL refused"
    }

    /// `file` for `file:///etc/passwd`; only letters, digits, `+`, `-` and `.` count, so
    /// nothing from a hostile `Location` but a scheme name reaches the message.
    private static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let name = url[..<colon].lowercased()
        guard !name.isEmpty, name.count <= 32,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return name
    }

    /// `file` in libcurl's `Protocol "file" not supported or disabled in libcurl`.
    private static func quotedProtocol(in message: String) -> String? {
        let parts = message.split(separator: "\"", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        return scheme(of: String(parts[1]) + ":")
    }

    /// OpenSSL's reason without libcurl's prefix: `SSL certificate problem: certificate has
    /// expired` → `certificate has expired`.
    private static func verificationProblem(_ detail: String) -> String {
        let prefix = "SSL certificate problem: "
        return detail.hasPrefix(prefix) ? String(detail.dropFirst(prefix.count)) : detail
    }

    private static func connectMessage(errno: Int32, detail: String) -> String {
        switch errno {
        case ECONNREFUSED: "connection refused"
        case EHOSTUNREACH: "host unreachable"
        case ENETUNREACH: "network unreachable"
        case ETIMEDOUT: "connect timed out"
        default: "could not connect: \(detail)"
        }
    }
}
