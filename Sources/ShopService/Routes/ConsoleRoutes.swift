import Foundation
import Hummingbird

extension ShopService {
    /// The web console (`/`, `/chat`, `/copy`, `/reviews` and their `/console/*` scripts and
    /// style sheet): static pages compiled into the binary that call the JSON API from the
    /// browser. Nothing is fetched from elsewhere; the security policy forbids it.
    func addConsoleRoutes(to router: Router<BasicRequestContext>) {
        for page in ConsolePage.allCases {
            let html = page.html
            router.get(RouterPath(stringLiteral: page.path)) { _, _ in Self.consoleAsset(html, type: "text/html; charset=utf-8") }
        }
        let assets: [(String, String, String)] = [
            ("/console/console.css", ConsoleStyle.css, "text/css; charset=utf-8"),
            ("/console/console.js", ConsoleCommonScript.js, "text/javascript; charset=utf-8"),
            ("/console/chat.js", ConsoleChatScript.js, "text/javascript; charset=utf-8"),
            ("/console/copy.js", ConsoleCopyScript.js, "text/javascript; charset=utf-8"),
            ("/console/reviews.js", ConsoleReviewsScript.js, "text/javascript; charset=utf-8"),
        ]
        for (path, body, type) in assets {
            router.get(RouterPath(stringLiteral: path)) { _, _ in Self.consoleAsset(body, type: type) }
        }
    }

    static func consoleAsset(_ body: String, type: String) -> Response {
        JSONResponse.text(body, contentType: type, headers: [
            .init("Content-Security-Policy")!: "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; object-src 'none'; frame-ancestors 'none'",
            .init("X-Content-Type-Options")!: "nosniff",
            .cacheControl: "no-cache",
        ])
    }
}
