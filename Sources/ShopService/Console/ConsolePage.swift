/// The console's pages: each is the shared header (model versions from `/readyz`, a link to
/// `/openapi.json`) around the page's own markup, and loads `console.js` and its own script.
enum ConsolePage: String, CaseIterable, Sendable {
    case home, chat, copy, reviews

    var path: String { self == .home ? "/" : "/" + rawValue }

    var title: String {
        switch self {
        case .home: return "ShopNLP console"
        case .chat: return "Bot tester"
        case .copy: return "Blurb studio"
        case .reviews: return "Review analyser"
        }
    }

    var html: String {
        let nav = ConsolePage.allCases.map { p in
            "<a href=\"\(p.path)\"\(p == self ? " aria-current=\"page\"" : "")>\(p == .home ? "Home" : p.title)</a>"
        }.joined(separator: "\n      ")
        let script = self == .home ? "" : "\n  <script src=\"/console/\(rawValue).js\" defer></script>"
        return """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>\(title) · ShopNLP</title>
          <link rel="icon" href="data:,">
          <link rel="stylesheet" href="/console/console.css">
          <script src="/console/console.js" defer></script>\(script)
        </head>
        <body data-page="\(rawValue)">
          <header class="top">
            <strong class="brand">ShopNLP</strong>
            <nav>
              \(nav)
            </nav>
            <span id="models" class="models" title="Model versions from /readyz">models: loading…</span>
            <a href="/openapi.json" class="api">API (openapi.json)</a>
          </header>
          <main id="main">
        \(body)
          </main>
        </body>
        </html>

        """
    }

    private var body: String {
        switch self {
        case .home: return ConsoleMarkup.home
        case .chat: return ConsoleMarkup.chat
        case .copy: return ConsoleMarkup.copy
        case .reviews: return ConsoleMarkup.reviews
        }
    }
}
