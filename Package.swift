// swift-tools-version:6.0
import PackageDescription

// One module per capability; the `shopnlp` tool sits on top of them all.
let package = Package(
    name: "ShopNLP",
    products: [
        .executable(name: "shopnlp", targets: ["shopnlp"]),
        .library(name: "ShopCore", targets: ["ShopCore"]),
        .library(name: "ShopTokenize", targets: ["ShopTokenize"]),
        .library(name: "ShopData", targets: ["ShopData"]),
        .library(name: "ShopNeural", targets: ["ShopNeural"]),
        .library(name: "ShopEmbeddings", targets: ["ShopEmbeddings"]),
        .library(name: "ShopSentiment", targets: ["ShopSentiment"]),
        .library(name: "ShopDialogue", targets: ["ShopDialogue"]),
        .library(name: "ShopCopywriting", targets: ["ShopCopywriting"]),
        .library(name: "ShopRecommend", targets: ["ShopRecommend"]),
        .library(name: "ShopService", targets: ["ShopService"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // System libraries (pkg-config + apt hints).
        .systemLibrary(name: "CICU", pkgConfig: "icu-uc", providers: [.apt(["libicu-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),

        // ICU behind an opaque C face: its header names no ICU type, so Swift modules
        // that also import Foundation (which bundles a newer ICU) still build.
        .target(name: "ShopICU", dependencies: ["CICU"]),

        // The shared basics (languages, Han test, hashing, seeded RNG, CPU clock, result
        // slots, resource lookup, model archives): only the C kernels below it (float16
        // weights), so every module can use it.
        .target(name: "ShopCore", dependencies: ["ShopKernels"]),

        .target(name: "ShopTokenize", dependencies: ["ShopCore", "ShopICU", "ShopData"]),
        .target(name: "ShopData", dependencies: ["ShopCore", "CLibXML2"]),
        .target(name: "ShopNeural", dependencies: ["ShopCore", "CBLAS", "ShopKernels"]),
        .target(name: "ShopEmbeddings", dependencies: ["ShopCore", "ShopTokenize", "ShopData", "ShopNeural"]),
        .target(name: "ShopSentiment", dependencies: ["ShopCore", "ShopTokenize", "ShopData", "ShopNeural", "ShopEmbeddings"]),
        .target(name: "ShopDialogue", dependencies: ["ShopCore", "ShopData", "ShopNeural", "ShopSentiment", "ShopEmbeddings", "ShopTokenize"]),
        // Hand-vectorised C kernels, bit for bit equal to their Swift references, chosen at
        // run time by CPU feature (the default Swift build targets baseline x86-64).
        .target(name: "ShopKernels"),
        .target(name: "ShopCopywriting", dependencies: ["ShopCore", "ShopData", "ShopNeural", "ShopKernels"]),
        .target(name: "ShopRecommend", dependencies: ["ShopCore", "ShopData", "ShopNeural", "ShopSentiment", "CBLAS"]),
        .target(name: "ShopService", dependencies: [
            "ShopCore", "ShopData", "ShopSentiment", "ShopDialogue", "ShopCopywriting", "ShopRecommend",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        .executableTarget(name: "shopnlp", dependencies: [
            "ShopCore", "ShopTokenize", "ShopData", "ShopNeural", "ShopEmbeddings", "ShopSentiment",
            "ShopDialogue", "ShopCopywriting", "ShopRecommend", "ShopService",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        // jemalloc in place of glibc's malloc for the whole process (scripts/setup installs
        // libjemalloc-dev): describe's ranking allocates many small short-lived arrays from
        // two threads, and glibc's arenas spent 8% of its CPU (Benchmarks/results/allocator.md).
        // The Swift runtime and Foundation linked in, as `swift build --static-swift-stdlib`
        // does, for this target alone: the dynamic loader spent 10 ms binding their symbols at
        // every start, and each retain and release went through the PLT (describe 4-5% less
        // CPU, same output; Benchmarks/results/static-stdlib.md). The four libraries are what
        // Foundation's static archives need beyond what the modules' autolink entries name.
        linkerSettings: [.linkedLibrary("jemalloc"), .unsafeFlags(["-static-stdlib", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCollections", "-l_FoundationCShims"])]),

        .testTarget(name: "ShopCoreTests", dependencies: ["ShopCore", "ShopKernels"]),
        .testTarget(name: "ShopTokenizeTests", dependencies: ["ShopCore", "ShopTokenize"]),
        .testTarget(name: "ShopDataTests", dependencies: ["ShopCore", "ShopData"]),
        .testTarget(name: "ShopNeuralTests", dependencies: ["ShopCore", "ShopNeural"]),
        .testTarget(name: "ShopEmbeddingsTests", dependencies: ["ShopCore", "ShopData", "ShopNeural", "ShopEmbeddings"]),
        .testTarget(name: "ShopSentimentTests", dependencies: ["ShopCore", "ShopData", "ShopNeural", "ShopSentiment"]),
        .testTarget(name: "ShopDialogueTests", dependencies: ["ShopCore", "ShopData", "ShopNeural", "ShopSentiment", "ShopTokenize", "ShopDialogue"]),
        .testTarget(name: "ShopCopywritingTests", dependencies: ["ShopCore", "ShopData", "ShopNeural", "ShopCopywriting", "ShopKernels"]),
        .testTarget(name: "ShopRecommendTests", dependencies: ["ShopNeural", "ShopRecommend"]),
        .testTarget(name: "ShopServiceTests", dependencies: [
            "ShopService", "ShopRecommend",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
    ]
)
