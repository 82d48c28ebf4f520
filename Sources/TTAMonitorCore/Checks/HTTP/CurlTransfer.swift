import CCurl

/// One request in flight: its easy handle and the buffers libcurl writes into. The submitting
/// task configures it, then hands it to `CurlMultiLoop`; from then on only the loop thread
/// touches it, which is why it can be `@unchecked Sendable`.
final class CurlTransfer: @unchecked Sendable {
    /// The easy handle (`CURL *`).
    let easy: UnsafeMutableRawPointer
    /// Resumed exactly once, by the loop thread, when the transfer ends.
    var continuation: CheckedContinuation<HTTPProbeResponse, Never>?
    /// Set by `CurlMultiLoop.cancel` under the loop's lock; read there too.
    var cancelRequested = false

    private let maxBodyBytes: Int
    private var body: [UInt8] = []
    private var bodyBytesSeen = 0
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var connectToList: UnsafeMutablePointer<curl_slist>?
    private let readsCertificate: Bool
    private var tlsSession: (version: String, cipher: String?)?
    private var closed = false

    /// Configures a handle for `request`; nil when libcurl cannot allocate one.
    init?(request: HTTPProbeRequest) {
        guard let easy = curl_easy_init() else { return nil }
        self.easy = easy
        maxBodyBytes = max(0, request.maxBodyBytes)
        readsCertificate = request.readsCertificate
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        configure(request)
    }

    /// Frees the easy handle; `easy` is only an identity afterwards. Called by the loop thread.
    func close() {
        guard !closed else { return }
        closed = true
        // No verbose callbacks while libcurl tears the connection down (possibly from deinit).
        if readsCertificate { tta_curl_setopt_long(easy, CURLOPT_VERBOSE, 0) }
        curl_easy_cleanup(easy)
    }

    deinit {
        close()
        curl_slist_free_all(headerList)
        curl_slist_free_all(connectToList)
        errorBuffer.deallocate()
    }

    private func configure(_ request: HTTPProbeRequest) {
        tta_curl_setopt_string(easy, CURLOPT_URL, request.url)
        // Signals cannot be used to time out name lookups in a multi-threaded process.
        tta_curl_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        let timeoutMs = max(1, Int(request.timeout.milliseconds))
        tta_curl_setopt_long(easy, CURLOPT_TIMEOUT_MS, timeoutMs)
        tta_curl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, timeoutMs)
        // A monitoring URL (or a redirect from it) must never reach file://, dict:// and such.
        tta_curl_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        tta_curl_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        // HTTPRedirects follows redirects: libcurl would send custom secret headers to any host.
        tta_curl_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)
        if !request.verifyTLS {
            tta_curl_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 0)
            tta_curl_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 0)
        }
        tta_curl_setopt_string(easy, CURLOPT_USERAGENT, "tta-monitor")
        tta_curl_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)
        tta_curl_setopt_write_callback(easy, { data, size, count, userdata in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
            transfer.receive(UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        })
        // Unretained: the loop keeps the transfer alive for as long as libcurl may call back.
        tta_curl_setopt_pointer(easy, CURLOPT_WRITEDATA, Unmanaged.passUnretained(self).toOpaque())
        configureMethod(request)
        configureHeaders(request)
        configureAuth(request.auth)
        configureTLSInspection(request)
    }

    /// Credentials go through libcurl's own options rather than a header, so they are sent
    /// at once (a single allowed scheme needs no 401 round trip) and libcurl drops them on a
    /// redirect to another host.
    private func configureAuth(_ auth: HTTPAuth?) {
        switch auth {
        case .basic(let user, let password)?:
            tta_curl_setopt_long(easy, CURLOPT_HTTPAUTH, TTA_CURLAUTH_BASIC)
            tta_curl_setopt_string(easy, CURLOPT_USERNAME, user)
            tta_curl_setopt_string(easy, CURLOPT_PASSWORD, password)
        case .bearer(let token)?:
            tta_curl_setopt_long(easy, CURLOPT_HTTPAUTH, TTA_CURLAUTH_BEARER)
            tta_curl_setopt_string(easy, CURLOPT_XOAUTH2_BEARER, token)
        case nil:
            break
        }
    }

    private func configureTLSInspection(_ request: HTTPProbeRequest) {
        if request.readsCertificate {
            tta_curl_setopt_long(easy, CURLOPT_CERTINFO, 1)
            // libcurl collects certinfo only while handshaking, never on a reused connection.
            tta_curl_setopt_long(easy, CURLOPT_FRESH_CONNECT, 1)
            // The negotiated version and cipher appear only in libcurl's verbose text
            // (CURLINFO_TLS_SSL_PTR is gone once the transfer is done). Only that one line is
            // kept; outgoing headers, which may hold credentials, are dropped unread.
            tta_curl_setopt_long(easy, CURLOPT_VERBOSE, 1)
            tta_curl_setopt_debug_callback(easy, { _, type, data, size, userdata in
                guard type == CURLINFO_TEXT, let data, let userdata else { return 0 }
                let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
                if let session = CurlTransfer.tlsSession(fromVerboseLine: text) {
                    Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue().tlsSession = session
                }
                return 0
            })
            tta_curl_setopt_pointer(easy, CURLOPT_DEBUGDATA, Unmanaged.passUnretained(self).toOpaque())
        }
        if request.connectOnly {
            tta_curl_setopt_long(easy, CURLOPT_CONNECT_ONLY, 1)
            tta_curl_setopt_long(easy, CURLOPT_FORBID_REUSE, 1)
        }
        if let connectTo = request.connectTo {
            connectToList = curl_slist_append(nil, connectTo)
            tta_curl_setopt_slist(easy, CURLOPT_CONNECT_TO, connectToList)
        }
    }

    /// `SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384` (libcurl 8 appends the key
    /// exchange and signature after further ` / `) → version and cipher.
    static func tlsSession(fromVerboseLine line: String) -> (version: String, cipher: String?)? {
        let prefix = "SSL connection using "
        guard line.hasPrefix(prefix) else { return nil }
        let parts = line.dropFirst(prefix.count).split(separator: "/").map { part in
            String(part.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        }
        guard let version = parts.first, !version.isEmpty else { return nil }
        return (version, parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil)
    }

    private func configureMethod(_ request: HTTPProbeRequest) {
        if let body = request.body {
            tta_curl_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            // COPYPOSTFIELDS: libcurl keeps its own copy, so the array may go away.
            if body.isEmpty {
                tta_curl_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, "")
            } else {
                _ = body.withUnsafeBytes { bytes in
                    tta_curl_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                }
            }
        }
        switch request.method.uppercased() {
        case "GET" where request.body == nil: break
        case "POST" where request.body != nil: break
        case "HEAD" where request.body == nil: tta_curl_setopt_long(easy, CURLOPT_NOBODY, 1)
        default: tta_curl_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method)
        }
    }

    private func configureHeaders(_ request: HTTPProbeRequest) {
        var lines = request.headers.map { header in
            // "Name;" is libcurl's spelling of a header sent with an empty value.
            header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
        }
        if request.body != nil && !request.headers.contains(where: { $0.name.lowercased() == "expect" }) {
            // Without this libcurl waits up to a second for "100 Continue" before sending a body.
            lines.append("Expect:")
        }
        guard !lines.isEmpty else { return }
        for line in lines {
            headerList = curl_slist_append(headerList, line)
        }
        tta_curl_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList)
    }

    private func receive(_ bytes: UnsafeRawBufferPointer) {
        bodyBytesSeen += bytes.count
        let room = maxBodyBytes - body.count
        if room > 0 {
            body.append(contentsOf: bytes.prefix(room))
        }
    }

    /// Reads what libcurl measured; called by the loop thread once the transfer has ended.
    func response(result: CURLcode) -> HTTPProbeResponse {
        var response = HTTPProbeResponse()
        response.statusCode = longInfo(CURLINFO_RESPONSE_CODE)
        response.body = body
        response.bodyBytesSeen = bodyBytesSeen
        response.curlCode = Int(result.rawValue)
        if result != CURLE_OK {
            let detail = String(cString: errorBuffer)
            response.errorMessage = detail.isEmpty ? String(cString: curl_easy_strerror(result)) : detail
            response.osErrno = Int32(truncatingIfNeeded: longInfo(CURLINFO_OS_ERRNO))
        }
        response.timings.nameLookupMs = millisecondsInfo(CURLINFO_NAMELOOKUP_TIME_T)
        response.timings.connectMs = millisecondsInfo(CURLINFO_CONNECT_TIME_T)
        response.timings.appConnectMs = millisecondsInfo(CURLINFO_APPCONNECT_TIME_T)
        response.timings.preTransferMs = millisecondsInfo(CURLINFO_PRETRANSFER_TIME_T)
        response.timings.startTransferMs = millisecondsInfo(CURLINFO_STARTTRANSFER_TIME_T)
        response.timings.totalMs = millisecondsInfo(CURLINFO_TOTAL_TIME_T)
        response.primaryIP = stringInfo(CURLINFO_PRIMARY_IP)
        let port = longInfo(CURLINFO_PRIMARY_PORT)
        response.primaryPort = port > 0 ? port : nil
        response.httpVersion = Self.versionName(longInfo(CURLINFO_HTTP_VERSION))
        response.redirectCount = longInfo(CURLINFO_REDIRECT_COUNT)
        response.effectiveURL = stringInfo(CURLINFO_EFFECTIVE_URL)
        response.redirectURL = stringInfo(CURLINFO_REDIRECT_URL)
        response.contentType = stringInfo(CURLINFO_CONTENT_TYPE)
        if readsCertificate {
            response.certificate = CertificateChain.leaf(of: easy)
            response.tlsVersion = tlsSession?.version
            response.tlsCipher = tlsSession?.cipher
        }
        return response
    }

    /// The response for a transfer abandoned because its task was cancelled.
    static func cancelledResponse() -> HTTPProbeResponse {
        var response = HTTPProbeResponse()
        response.curlCode = CurlCodes.abortedByCallback
        response.errorMessage = "cancelled"
        return response
    }

    /// The response for a transfer libcurl would not start.
    static func failedResponse(_ message: String) -> HTTPProbeResponse {
        var response = HTTPProbeResponse()
        response.curlCode = CurlCodes.outOfMemory
        response.errorMessage = "could not start the transfer: \(message)"
        return response
    }

    private func longInfo(_ info: CURLINFO) -> Int {
        var value = 0
        tta_curl_getinfo_long(easy, info, &value)
        return value
    }

    private func millisecondsInfo(_ info: CURLINFO) -> Double {
        var microseconds: curl_off_t = 0
        tta_curl_getinfo_off_t(easy, info, &microseconds)
        return Double(microseconds) / 1_000
    }

    private func stringInfo(_ info: CURLINFO) -> String? {
        var pointer: UnsafeMutablePointer<CChar>?
        guard tta_curl_getinfo_string(easy, info, &pointer) == CURLE_OK, let pointer else { return nil }
        let text = String(cString: pointer)
        return text.isEmpty ? nil : text
    }

    /// CURLINFO_HTTP_VERSION's values are CURL_HTTP_VERSION_1_0 (1), _1_1 (2), _2_0 (3), _3 (30).
    private static func versionName(_ value: Int) -> String? {
        switch value {
        case 1: "1.0"
        case 2: "1.1"
        case 3: "2"
        case 30: "3"
        default: nil
        }
    }
}
