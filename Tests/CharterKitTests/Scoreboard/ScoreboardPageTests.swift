import Foundation
import Testing
@testable import CharterKit

/// The scoreboard on the built site: measure charts, objective pages, the health page, the
/// home page's table, typed references, search, and `charter diff`.
@Suite struct ScoreboardPageTests {
    /// The fixture's measure tracked and off track on 2026-11-01: 70% on 2026-07-02 where the line asks for 75%.
    static let offTrack = ScoreboardRuleTests.tracked("      - {date: 2026-03-01, value: 60}\n      - {date: 2026-07-02, value: 70}\n")

    @Test("the strategy page draws each tracked measure as an SVG with a text alternative and a table of the numbers")
    func chart() throws {
        let site = try SitePagesTests.build([Self.offTrack])
        let page = try site.outputText("strategies/community.html")
        let summary = "Share of questions answered within 24 hours: target 100% by 1 January 2027, from 50% on 1 January 2026; latest result 70% on 2 July 2026, where the line to the target asks for 75%; off track."
        #expect(page.contains("<figure class=\"measure\" id=\"measure-1\">\n<figcaption><strong>Share of questions answered within 24 hours</strong> <span class=\"badge error\"><span aria-hidden=\"true\">▼</span> off track</span> <span class=\"detail\">target 100% by 1 January 2027</span></figcaption>"))
        #expect(page.contains("<svg class=\"measure-chart\" id=\"measure-1-chart\" role=\"img\" aria-labelledby=\"measure-1-chart-title\" viewBox=\"0 0 320 120\" width=\"320\" height=\"120\"><title id=\"measure-1-chart-title\">\(summary)</title>"))
        // The planned line from 50% on the first day to 100% on the last, dashed; the results solid, one dot each.
        // Values 45 to 105 (10% padding) span y 102 to 14; 365 days span x 8 to 312: 60% on day 59 is (57.1, 80.0).
        #expect(page.contains("<line class=\"plan\" x1=\"8.0\" y1=\"94.7\" x2=\"312.0\" y2=\"21.3\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>"))
        #expect(page.contains("<polyline class=\"results\" points=\"57.1,80.0 159.6,65.3\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2.5\"/>"))
        #expect(page.components(separatedBy: "<circle ").count - 1 == 2)
        #expect(page.contains("<caption class=\"visually-hidden\">\(summary)</caption>"))
        #expect(page.contains("<tbody><tr><th scope=\"row\">Baseline</th><td>1 January 2026</td><td>50%</td></tr><tr><th scope=\"row\">Result</th><td>1 March 2026</td><td>60%</td></tr><tr><th scope=\"row\">Result</th><td>2 July 2026</td><td>70%</td></tr><tr><th scope=\"row\">Target</th><td>1 January 2027</td><td>100%</td></tr></tbody>"))
        // The key measures card and the method's reporting link to the chart with the measure's state.
        #expect(page.contains("<span class=\"measure\">Share of questions answered within 24 hours</span> <strong class=\"target\">100% by 1 January 2027</strong> <a class=\"badge error\" href=\"#measure-1\"><span aria-hidden=\"true\">▼</span> off track</a>"))
        #expect(page.contains("<h2 id=\"scoreboard\">Scoreboard</h2>"))
        #expect(page.contains("results are the solid line. 1 measure: 1 off track.</p>"))
        // Funding adds up, and the objective links to its page.
        #expect(page.contains("<p class=\"funding\"><strong>Funding in total:</strong> <span class=\"amount\">GBP 40,000 a year</span> </p>"))
        #expect(page.contains("<li id=\"objective-fewer-calls\"><a href=\"../objectives/fewer-calls.html\">Fewer avoidable calls</a> <span class=\"detail\">GBP 40,000 a year of its budgets</span></li>"))
        // A measure whose target is in words has no chart and no numbers, and says why it is not judged.
        let plain = try SitePagesTests.build([.replace("    target: {value: 80, date: 2027-12-31}\n", with: "    target: 80%\n")])
            .outputText("strategies/community.html")
        #expect(!plain.contains("<svg class=\"measure-chart\""))
        #expect(!plain.contains("The numbers"))
        #expect(plain.contains("<strong>Share of questions answered within 24 hours</strong> <span class=\"badge none\"><span aria-hidden=\"true\">–</span> not judged</span> <span class=\"detail\">target 80%</span></figcaption>\n\n<p class=\"detail\">Share of questions answered within 24 hours: target 80%; not judged, because the target has no number and date.</p>"))
        #expect(plain.contains("results are the solid line. 1 measure: 1 not judged.</p>"))
    }

    @Test("the health page lists the measures that need attention and the home page's table counts every measure")
    func healthAndHome() throws {
        let site = try SitePagesTests.build([Self.offTrack])
        let health = try site.outputText("health.html")
        #expect(health.contains("<h2 id=\"off-track\">Measures that need attention</h2>"))
        #expect(health.contains("<figcaption><strong>Share of questions answered within 24 hours</strong> <span class=\"detail\">(<a href=\"strategies/community.html\">Customer community</a>)</span> <span class=\"badge error\"><span aria-hidden=\"true\">▼</span> off track</span>"))
        #expect(health.contains("<span class=\"badge warning\">warning</span> &#39;Share of questions answered within 24 hours&#39; in strategy &#39;community&#39; is off track"))
        let home = try site.outputText("index.html")
        #expect(home.contains("<a class=\"badge error\" href=\"strategies/community.html#scoreboard\">1 measure: 1 off track</a>"))
        // At risk, the health page lists it in amber and the home page counts it.
        let close = try SitePagesTests.build([ScoreboardRuleTests.tracked("      - {date: 2026-07-02, value: 76}\n")])
        #expect(try close.outputText("health.html").contains("<span class=\"badge warn\"><span aria-hidden=\"true\">▲</span> at risk</span>"))
        #expect(try close.outputText("index.html").contains("<a class=\"badge warn\" href=\"strategies/community.html#scoreboard\">1 measure: 1 at risk</a>"))
        // On track, the health page does not mention it, and the home page counts it as such.
        let fine = try SitePagesTests.build([ScoreboardRuleTests.tracked("      - {date: 2026-07-02, value: 80}\n")])
        #expect(!(try fine.outputText("health.html")).contains("Measures that need attention"))
        #expect(try fine.outputText("index.html").contains("<a class=\"badge ok\" href=\"strategies/community.html#scoreboard\">1 measure: 1 on track</a>"))
    }

    @Test("each objective has a page with the strategies and methods that serve it, their measures and their funding")
    func objectivePage() throws {
        let site = try SitePagesTests.build([Self.offTrack, .write("content/objectives.yaml", """
            objectives:
              - id: fewer-calls
                title: Fewer avoidable calls
                description: Cut avoidable support calls by a fifth within two years.
                owner: hub
              - id: more-members
                title: More members
            """)])
        let page = try site.outputText("objectives/fewer-calls.html")
        #expect(page.contains("<h1>Fewer avoidable calls</h1>\n<p class=\"lead\">Cut avoidable support calls by a fifth within two years.</p>"))
        #expect(page.contains("<div><dt>Owner</dt><dd><a href=\"../teams/hub.html\">Community Hub</a></dd></div>"))
        #expect(page.contains("<div><dt>Funding</dt><dd><span class=\"amount\">GBP 40,000 a year</span> </dd></div>"))
        #expect(page.contains("<ul><li><a href=\"../strategies/community.html\">Customer community</a></li></ul>"))
        #expect(page.contains("<li><a href=\"../strategies/community.html#method-peer-answers\">Peer answers</a> <span class=\"detail\">(Customer community)</span></li>"))
        #expect(page.contains("<svg class=\"measure-chart\""))
        // The methods' measures are the leading indicators; without outcome measures of its own, the page says so.
        #expect(page.contains("<h2 id=\"measures\">Leading indicators</h2>"))
        #expect(page.contains("<p class=\"missing\">The register gives this objective no measures of its own.</p>"))
        #expect(page.components(separatedBy: "<figure class=\"measure\" id=\"community-measure-1\">").count == 2)
        let unserved = try site.outputText("objectives/more-members.html")
        #expect(unserved.contains("<p class=\"missing\">No strategy serves this objective yet.</p>"))
        #expect(unserved.contains("<span class=\"missing\">no budget</span>"))
        let index = try site.outputText("objectives/index.html")
        #expect(index.contains("<h2 id=\"fewer-calls\">Fewer avoidable calls</h2>"))
        #expect(index.contains("<a href=\"../strategies/community.html\">Customer community</a> <span class=\"detail\">serves it</span>"))
        // The header links to the register; the search index finds objectives.
        #expect(try site.outputText("guides/escalation.html").contains("<a href=\"../objectives/index.html\">Objectives</a>"))
        let search = try FileManager.default.contentsOfDirectory(atPath: site.output.appending(path: "search").path)
            .map { try site.outputText("search/\($0)") }.joined()
        #expect(search.contains("More members"))
    }

    @Test("an objective's own measures are its outcomes: judged on its page, listed on the health page when they need attention")
    func objectiveOutcomes() throws {
        let site = try SitePagesTests.build([Self.outcome("300")])
        let page = try site.outputText("objectives/fewer-calls.html")
        #expect(page.contains("<h2 id=\"outcomes\">Outcome measures</h2>\n<figure class=\"measure\" id=\"outcome-1\">\n<figcaption><strong>Calls avoided</strong> <span class=\"badge error\"><span aria-hidden=\"true\">▼</span> off track</span> <span class=\"detail\">target 1,000 calls by 1 January 2027</span></figcaption>"))
        #expect(page.contains("<svg class=\"measure-chart\" id=\"outcome-1-chart\""))
        // The outcome comes before the leading indicators.
        let outcomes = try #require(page.range(of: "id=\"outcomes\""))
        let leading = try #require(page.range(of: "id=\"measures\""))
        #expect(outcomes.lowerBound < leading.lowerBound)
        let health = try site.outputText("health.html")
        #expect(health.contains("<figure class=\"measure\" id=\"fewer-calls-outcome-1\">\n<figcaption><strong>Calls avoided</strong> <span class=\"detail\">(objective <a href=\"objectives/fewer-calls.html\">Fewer avoidable calls</a>)</span>"))
        // On track, the health page leaves it out.
        let fine = try SitePagesTests.build([Self.outcome("700")])
        #expect(!(try fine.outputText("health.html")).contains("fewer-calls-outcome-1"))
    }

    @Test("a budget shared by two objectives counts half under each, with what it spent and what the objective is worth")
    func costAndValue() throws {
        let register = FixtureSite.Edit.write("content/objectives.yaml", """
            objectives:
              - id: fewer-calls
                title: Fewer avoidable calls
                owner: hub
                worth: {amount: 2.5, currency: GBP, per: call}
                measures:
                  - measure: Calls avoided
                    unit: calls
                    baseline: {value: 100, date: 2026-01-01}
                    target: {value: 1000, date: 2027-01-01}
                    results: [{date: 2026-07-02, value: 600}]
              - id: more-members
                title: More members
                worth: {amount: 100000, currency: GBP, per: year}
            """)
        let site = try SitePagesTests.build([
            register,
            .replace("    objectives: [fewer-calls]\n", with: "    objectives: [fewer-calls, more-members]\n"),
            .replace("    methods: [peer-answers]\nreporting:", with: "    methods: [peer-answers]\n    spent: [{date: 2026-06-30, value: 10000}, {date: 2026-09-30, value: 30000}]\nreporting:"),
        ])
        let fewer = try site.outputText("objectives/fewer-calls.html")
        #expect(fewer.contains("<div><dt>Funding</dt><dd><span class=\"amount\">GBP 20,000 a year</span> </dd></div>\n<div><dt>Spent</dt><dd><span class=\"amount\">GBP 15,000 by 30 September 2026</span> </dd></div>\n<div><dt>Worth</dt><dd>GBP 2.50 a call</dd></div>\n<div><dt>Value</dt><dd>GBP 1,250 to date: 500 calls gained since 1 January 2026 at GBP 2.50 a call</dd></div>\n<div><dt>Return</dt><dd>0.1× what was spent on it (GBP 15,000 by 30 September 2026): value to date divided by spend to date</dd></div>"))
        #expect(fewer.contains("<tr><th scope=\"row\"><a href=\"../strategies/community.html#resource-platform-budget\">Platform budget (Customer community)</a></th><td>50%</td><td>GBP 20,000 a year</td><td>Peer answers</td><td>GBP 15,000 spent by 30 September 2026</td></tr>"))
        let more = try site.outputText("objectives/more-members.html")
        #expect(more.contains("<div><dt>Return</dt><dd>once reached, 5× its budget of GBP 20,000 a year: GBP 100,000 a year against what is allocated to it</dd></div>"))
        // The organisation's total counts the budget once; each objective's share is on the index.
        let index = try site.outputText("objectives/index.html")
        #expect(index.contains("The strategies&#39; budgets in all: GBP 40,000 a year, shared among the objectives their methods serve."))
        #expect(index.contains("funded with GBP 20,000 a year"))
        // The strategy's page shows what its budgets spent against their plan, and beside each
        // objective its share of them and the objective's value so far.
        let strategy = try site.outputText("strategies/community.html")
        #expect(strategy.contains("<p class=\"funding\"><strong>Spent so far:</strong> <span class=\"amount\">GBP 30,000 by 30 September 2026</span> </p>"))
        #expect(strategy.contains("<li id=\"objective-fewer-calls\"><a href=\"../objectives/fewer-calls.html\">Fewer avoidable calls</a> <span class=\"detail\">GBP 20,000 a year of its budgets; value GBP 1,250 to date, 0.1× its spend</span></li>"))
    }

    @Test("spending recorded against a budget without a number is CH118; a worth without its currency is CH110")
    func costMistakes() throws {
        let text = try FixtureSite.result([
            .replace("    amount: 40000\n    currency: GBP\n    period: year\n", with: "    amount: About forty thousand\n    spent: [{date: 2026-06-30, value: 10000}]\n"),
        ])
        #expect(text.diagnostics.map(\.message).contains("resource 'platform-budget' records what was spent but has no amount with a currency and period to spend it against"))
        let worth = try FixtureSite.check([.replace("    owner: hub\n", with: "    owner: hub\n    worth: {amount: 3, per: call}\n", in: "content/objectives.yaml")])
        #expect(worth == ["CH110 error content/objectives.yaml:6:12"])
    }

    /// An outcome measure of the fixture's objective: from 0 on 2026-01-01 to 1,000 calls on
    /// 2027-01-01, where on 2026-07-02 the line asks for 499 give or take 50.
    static func outcome(_ value: String) -> FixtureSite.Edit {
        .replace("    owner: hub\n", with: """
                owner: hub
                measures:
                  - measure: Calls avoided
                    unit: calls
                    baseline: {value: 0, date: 2026-01-01}
                    target: {value: 1000, date: 2027-01-01}
                    results: [{date: 2026-07-02, value: \(value)}]

            """, in: "content/objectives.yaml")
    }

    @Test("objective:ID links to the objective's page, a link to the register file to its index, and an unknown one is CH301")
    func typedReference() throws {
        let good = try SitePagesTests.build([.write("content/guides/why.md", "# Why\n\nSee [fewer calls](objective:fewer-calls) in [the register](../objectives.yaml).\n")])
        #expect(try good.outputText("guides/why.html").contains(
            "<p>See <a href=\"../objectives/fewer-calls.html\">fewer calls</a> in <a href=\"../objectives/index.html\">the register</a>.</p>"))
        let bad = try FixtureSite.result([.write("content/guides/why.md", "# Why\n\nSee [fewer calls](objective:fewer-cals).\n")])
        #expect(located(bad.diagnostics) == ["CH301 error content/guides/why.md:3:5"])
        #expect(bad.diagnostics.first?.fixHint?.contains("objective:fewer-calls") == true)
    }

    @Test("diff reports new results, a moved target, a measure gone off track, and objectives added to the register or dropped by a strategy")
    func diff() throws {
        // Base: tracked and on track. Head: a new result that falls behind, and a later target.
        let base = ScoreboardRuleTests.tracked("      - {date: 2026-03-01, value: 60}\n")
        let site = try FixtureSite.make([base])
        try DiffTests.git(["init", "-q", "-b", "main"], in: site.root)
        try DiffTests.git(["add", "-A"], in: site.root)
        try DiffTests.git(["commit", "-q", "-m", "base"], in: site.root)
        try DiffTests.git(["tag", "base"], in: site.root)
        let strategy = site.root.appending(path: FixtureSite.strategy)
        var text = try String(contentsOf: strategy, encoding: .utf8)
        text = text.replacingOccurrences(of: "      - {date: 2026-03-01, value: 60}\n",
                                         with: "      - {date: 2026-03-01, value: 60}\n      - {date: 2026-09-01, value: 65}\n")
        text = text.replacingOccurrences(of: "target: {value: 100, date: 2027-01-01}", with: "target: {value: 95, date: 2027-01-01}")
        try site.write(FixtureSite.strategy, text)
        try site.write("content/objectives.yaml", "objectives:\n  - {id: fewer-calls, title: Fewer avoidable calls, owner: hub}\n  - {id: more-members, title: More members}\n")
        try DiffTests.git(["commit", "-qam", "head"], in: site.root)
        let changes = try DiffTests.diff(site, ["base", "HEAD"]).changes
        #expect(changes.filter { !$0.contains("diagnostic-") } == [
            "warning target-moved the target of 'Share of questions answered within 24 hours' moved",
            "warning measure-off-track 'Share of questions answered within 24 hours' went off track",
            "warning objective-changed the description of objective 'fewer-calls' changed",
            "info result-added new result for 'Share of questions answered within 24 hours': 65% on 2026-09-01",
            "info objective-added objective 'More members' was added to the register",
        ])
        #expect(changes.contains("warning diagnostic-introduced new warning CH281: no strategy serves objective 'more-members'"))
    }
}
