import CCurl

/// Reads the certificates libcurl collected during a handshake (`CURLOPT_CERTINFO`).
enum CertificateChain {
    /// The server's own (leaf) certificate: the first in the chain as the server sent it.
    /// Nil when the transfer made no TLS handshake, or reused a connection (libcurl only
    /// collects certinfo while handshaking), or the backend reported no expiry date.
    static func leaf(of easy: UnsafeMutableRawPointer) -> CertificateSummary? {
        var raw: UnsafeMutableRawPointer?
        guard tta_curl_getinfo_pointer(easy, CURLINFO_CERTINFO, &raw) == CURLE_OK, let raw else { return nil }
        let info = raw.assumingMemoryBound(to: curl_certinfo.self).pointee
        guard info.num_of_certs > 0, let lists = info.certinfo else { return nil }
        var lines: [String] = []
        var node = lists[0]
        while let current = node {
            if let data = current.pointee.data {
                lines.append(String(cString: data))
            }
            node = current.pointee.next
        }
        return CertificateSummary(certinfoLines: lines)
    }
}
