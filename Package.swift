// swift-tools-version:6.0
import PackageDescription

// Imports point one way: useepay -> TerminalUI -> ConsoleCore -> UseePay.
// UseePaySandbox is a side product (the emulator) that only the executable and tests use; it takes
// only low-level pieces (the JSON parser) from UseePay, never the client's models.
// Every module a target imports is declared here, directly (not reached through another target):
// CI builds with `--explicit-target-dependency-import-check error` and runs .ci/check-imports.py,
// which also enforces the one-way rule above.
let package = Package(
    name: "useepay",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "useepay", targets: ["useepay"]),
        .library(name: "UseePay", targets: ["UseePay"]),
        .library(name: "UseePaySandbox", targets: ["UseePaySandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // Already in the graph through async-http-client and hummingbird; named so their modules can be declared.
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        .target(
            name: "UseePay",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "UseePaySandbox",
            dependencies: [
                "UseePay",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(name: "ConsoleCore", dependencies: ["UseePay"]),
        .systemLibrary(
            name: "CNCursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(
            name: "TerminalUI",
            dependencies: [
                "ConsoleCore",
                "UseePay",
                "CNCursesW",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            // The built-in themes' TOML files, compiled in as bytes so the binary works when copied alone.
            resources: [.embedInCode("Theme/BuiltIn")]
        ),
        .executableTarget(
            name: "useepay",
            dependencies: [
                "TerminalUI",
                "ConsoleCore",
                "UseePay",
                "UseePaySandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // `swift run -c release useepay-benchmarks`: key+frame cost vs loaded rows (not part of `swift test`).
        .executableTarget(
            name: "useepay-benchmarks",
            dependencies: ["TerminalUI", "ConsoleCore", "UseePay"]
        ),
        // Builders shared by the test targets: a sandbox with a client for it, API objects from JSON text.
        .target(
            name: "TestSupport",
            dependencies: ["UseePay", "UseePaySandbox"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "UseePayTests",
            dependencies: [
                "UseePay",
                "UseePaySandbox",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "UseePaySandboxTests",
            dependencies: [
                "UseePaySandbox",
                "UseePay",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "ConsoleCoreTests", dependencies: ["ConsoleCore", "UseePay", "UseePaySandbox", "TestSupport"]),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TerminalUI", "ConsoleCore", "UseePay", "UseePaySandbox", "TestSupport"],
            exclude: ["Screens/__Snapshots__"]
        ),
        .testTarget(name: "UseePayCommandTests", dependencies: ["useepay", "ConsoleCore", "UseePay", "UseePaySandbox"]),
    ],
    swiftLanguageModes: [.v6]
)
