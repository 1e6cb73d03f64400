/// Where Charter writes the pages it makes from the model, in one place.
public enum SitePaths {
    public static let home = "index.html"
    public static let stages = "stages/index.html"
    public static let matrix = "responsibilities/index.html"
    public static let focusAreas = "focus-areas/index.html"
    public static let programKinds = "program-kinds/index.html"
    public static let health = "health.html"
    public static let organisation = "organisation.html"
    /// Every strategy's "you said, we did" log, in one place.
    public static let exchanges = "you-said-we-did.html"
    public static let objectives = "objectives/index.html"
    public static let tags = "tags/index.html"
    public static let notFound = "404.html"
    public static let print = "print.html"
    public static let sitemap = "sitemap.xml"
    public static let robots = "robots.txt"

    public static func strategy(_ id: String) -> String { "strategies/\(id).html" }
    public static func team(_ id: String) -> String { "teams/\(id).html" }
    /// The page of an external party (`parties/ID.yaml`).
    public static func party(_ id: String) -> String { "parties/\(id).html" }
    public static func objective(_ id: String) -> String { "objectives/\(id).html" }
    public static func stage(_ id: String) -> String { "stages/\(id).html" }
    public static func responsibility(_ id: String) -> String { "responsibilities/\(id).html" }
    /// The page of a tag, by its slug (see `ContextBuilder.tagSlugs`, which keeps slugs unique).
    public static func tag(slug: String) -> String { "tags/\(slug).html" }
    /// The anchor of a program on its strategy's page.
    public static func programAnchor(_ id: String) -> String { "program-\(id)" }
}
