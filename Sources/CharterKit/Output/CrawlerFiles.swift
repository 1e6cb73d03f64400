import Foundation

/// The files a site writes for crawlers, made once the pages are known: `robots.txt`, and
/// `sitemap.xml` when the site knows its address.
enum CrawlerFiles {
    /// Internal sites ask every crawler to stay away; public ones point at their sitemap.
    static func robots(_ site: Site) -> String {
        guard site.configuration.isPublic else { return "User-agent: *\nDisallow: /\n" }
        let sitemap = site.configuration.baseURL.map { "Sitemap: \(absolute($0, SitePaths.sitemap))\n" } ?? ""
        return "User-agent: *\nAllow: /\n" + sitemap
    }

    /// A sitemap of every page but the 404 and print pages, when the site knows its address.
    static func sitemap(_ site: Site, pages: Set<String>) -> String? {
        guard let base = site.configuration.baseURL else { return nil }
        // The 404 page is not a page to visit, and the print page repeats the others.
        let urls = pages.filter { $0 != SitePaths.notFound && $0 != SitePaths.print }.sorted().map { path in
            "  <url><loc>\(HTMLText.escape(absolute(base, LinkResolver.percentEncoded(path))))</loc></url>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + urls.joined() + "</urlset>\n"
    }

    static func absolute(_ base: String, _ path: String) -> String {
        (base.hasSuffix("/") ? base : base + "/") + path
    }
}
