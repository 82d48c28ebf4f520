import CCurl

/// The libcurl result codes this module reasons about, as the plain integers that
/// `HTTPProbeResponse.curlCode` carries (so callers need not import CCurl).
enum CurlCodes {
    static let failedInit = code(CURLE_FAILED_INIT)
    static let unsupportedProtocol = code(CURLE_UNSUPPORTED_PROTOCOL)
    static let urlMalformed = code(CURLE_URL_MALFORMAT)
    static let couldNotResolveProxy = code(CURLE_COULDNT_RESOLVE_PROXY)
    static let couldNotResolveHost = code(CURLE_COULDNT_RESOLVE_HOST)
    static let couldNotConnect = code(CURLE_COULDNT_CONNECT)
    static let outOfMemory = code(CURLE_OUT_OF_MEMORY)
    static let operationTimedOut = code(CURLE_OPERATION_TIMEDOUT)
    static let sslConnectError = code(CURLE_SSL_CONNECT_ERROR)
    static let abortedByCallback = code(CURLE_ABORTED_BY_CALLBACK)
    static let badFunctionArgument = code(CURLE_BAD_FUNCTION_ARGUMENT)
    static let tooManyRedirects = code(CURLE_TOO_MANY_REDIRECTS)
    static let gotNothing = code(CURLE_GOT_NOTHING)
    static let sendError = code(CURLE_SEND_ERROR)
    static let receiveError = code(CURLE_RECV_ERROR)
    static let peerFailedVerification = code(CURLE_PEER_FAILED_VERIFICATION)

    /// TLS problems other than the two above (bad client certificate, cipher, CA file …).
    static let otherTLSErrors: Set<Int> = Set([
        CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_CERTPROBLEM,
        CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_CACERT_BADFILE,
        CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
        CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT,
    ].map(code))

    private static func code(_ value: CURLcode) -> Int { Int(value.rawValue) }
}
