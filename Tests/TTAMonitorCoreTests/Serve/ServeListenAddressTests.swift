import Testing
@testable import TTAMonitorCore

@Suite struct ServeListenAddressTests {
    @Test("ADDR:PORT with IPv4, localhost or bracketed IPv6", arguments: [
        ("127.0.0.1:9464", "127.0.0.1:9464"), ("0.0.0.0:80", "0.0.0.0:80"), ("localhost:1", "127.0.0.1:1"), ("127.0.0.1:0", "127.0.0.1:0"),
        ("[::1]:9464", "[::1]:9464"),
    ])
    func accepted(text: String, described: String) {
        #expect(ServeListenAddress(text)?.description == described)
    }

    @Test("anything else is refused", arguments: ["9464", ":9464", "127.0.0.1", "127.0.0.1:65536",
                                                  "256.0.0.1:80", "example.com:80", "::1:80", "[]:80", "127.0.0.1:x"])
    func refused(text: String) {
        #expect(ServeListenAddress(text) == nil)
    }
}
