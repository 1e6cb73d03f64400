// swift-tools-version:6.0
import PackageDescription

/// Settings shared by every Swift target, so the whole package is held to one standard.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Charter",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "charter", targets: ["charter"]),
        .library(name: "CharterKit", targets: ["CharterKit"]),
        // The language server's protocol layer, for the fuzzer (Fuzz/); `charter lsp` runs it.
        .library(name: "CharterLanguageServer", targets: ["CharterLanguageServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Already in Hummingbird's graph; named here because `serve` uses them directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        // The only C boundary: Debian's libcmark-gfm and its extensions library.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Turns the repository's Templates/ folder into Swift source at build time,
        // so the installed binary carries the default templates wherever it runs.
        .executableTarget(
            name: "EmbedTemplates",
            path: "Plugins/EmbedTemplatesTool",
            swiftSettings: swiftSettings
        ),
        .plugin(
            name: "EmbedTemplatesPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedTemplates"]
        ),
        .target(
            name: "CharterKit",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings,
            plugins: ["EmbedTemplatesPlugin"]
        ),
        // `charter serve`: the live preview's server, watcher and rebuild loop. A target of its
        // own so that the CharterKit library does not carry an HTTP server.
        .target(
            name: "CharterServe",
            dependencies: [
                "CharterKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Resources"],
            swiftSettings: swiftSettings,
            plugins: ["EmbedTemplatesPlugin"]
        ),
        // `charter lsp`: the Language Server Protocol over stdio. JSON-RPC framing and the protocol
        // types are Charter's own (no Swift LSP package is mirrored), kept apart as `serve` is.
        .target(
            name: "CharterLanguageServer",
            dependencies: ["CharterKit"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "charter",
            dependencies: [
                "CharterKit",
                "CharterServe",
                "CharterLanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CharterKitTests",
            dependencies: [
                "CharterKit",
                "CharterServe",
                "CharterLanguageServer",
                // The GitHub workflows and action.yml are parsed as YAML in the distribution tests.
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
