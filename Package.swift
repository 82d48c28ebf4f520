// swift-tools-version:6.0
import PackageDescription

// No Swift package dependencies by design (see README): the only external code is the
// system's SQLite and libcurl, reached through the two C targets below.
let package = Package(
    name: "tta-monitor",
    products: [
        .executable(name: "tta-monitor", targets: ["tta-monitor"]),
        .library(name: "TTAMonitorCore", targets: ["TTAMonitorCore"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // A C target rather than a bare system library: curl_easy_setopt/getinfo are
        // variadic and cannot be called from Swift, so the shim wraps them per type. It also
        // loads libcurl.so.4 on first use instead of linking it (see tta_curl.h): start-up
        // of every command would otherwise pay for ~30 shared libraries.
        .target(
            name: "CCurl",
            linkerSettings: [.linkedLibrary("dl")]
        ),
        .target(
            name: "TTAMonitorCore",
            dependencies: ["CSQLite", "CCurl"]
        ),
        .executableTarget(
            name: "tta-monitor",
            dependencies: ["TTAMonitorCore"]
        ),
        // One test target (unit and end-to-end suites in folders mirroring Sources/):
        // it builds once, and the end-to-end suites find the built binary beside it.
        .testTarget(
            name: "TTAMonitorCoreTests",
            dependencies: ["TTAMonitorCore", "tta-monitor"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
