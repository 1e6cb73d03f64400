// swift-tools-version:6.0
// libFuzzer targets for Charter's parsers and pipeline. A package of its own, so that the
// fuzzer's compiler flags never reach the Charter package others depend on; built and run by
// scripts/fuzz.sh, which instruments every module it compiles for ASan and libFuzzer.
import Foundation
import PackageDescription

// The Charter package is this folder's parent; SwiftPM names a path dependency after its folder.
let charterFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let charterIdentity = charterFolder.lastPathComponent.lowercased()

let package = Package(
    name: "CharterFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: charterFolder.path)],
    targets: [
        .executableTarget(
            name: "charter-fuzz",
            dependencies: [
                .product(name: "CharterKit", package: charterIdentity),
                .product(name: "CharterLanguageServer", package: charterIdentity),
            ],
            path: "Sources/CharterFuzz"
        ),
    ]
)
