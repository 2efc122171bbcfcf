// swift-tools-version:6.0
import PackageDescription

// Imports point one way: useepay -> TerminalUI -> ConsoleCore -> UseePay.
// UseePaySandbox is a side product (the emulator) that only the executable and tests use.
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
    ],
    targets: [
        .target(
            name: "UseePay",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
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
                "CNCursesW",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
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
        .testTarget(
            name: "UseePayTests",
            dependencies: [
                "UseePay",
                "UseePaySandbox",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "UseePaySandboxTests",
            dependencies: [
                "UseePaySandbox",
                "UseePay",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "ConsoleCoreTests", dependencies: ["ConsoleCore", "UseePay", "UseePaySandbox"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "ConsoleCore", "UseePay", "UseePaySandbox"]),
        .testTarget(name: "UseePayCommandTests", dependencies: ["useepay", "ConsoleCore", "UseePay", "UseePaySandbox"]),
    ],
    swiftLanguageModes: [.v6]
)
