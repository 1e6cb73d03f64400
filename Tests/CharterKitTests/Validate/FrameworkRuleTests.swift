import Foundation
import Testing
@testable import CharterKit

/// The maturity criteria as the framework states them, the responsibility rules that fit its
/// dedicated team, and the assessment that comes first: each case edits the clean fixture.
@Suite struct FrameworkRuleTests {
    @Test("a stage, responsibility or area is found by its id, name or alias, whatever the case, spaces or underscores")
    func namesMatch() throws {
        #expect(Framework.sameName("Conversation Shaping", "conversation-shaping"))
        #expect(Framework.sameName("conversation_shaping", "CONVERSATION SHAPING"))
        #expect(!Framework.sameName("strategic", "strategik"))
        #expect(!Framework.sameName("strategic", "strategics"))
        // Beyond ASCII, through the full lower-casing.
        #expect(Framework.sameName("Stratégique", "STRATÉGIQUE"))
        #expect(!Framework.sameName("Stratégique", "strategique"))
        let framework = FrameworkLoader.builtIn
        #expect(framework.stageIndex("Strategic") == framework.stageIndex("strategic"))
        #expect(framework.stageIndex("Strategic") != nil)
        #expect(framework.stageIndex("no such stage") == nil)
    }

    typealias Edit = FixtureSite.Edit
    static let strategy = FixtureSite.strategy

    /// The fixture moved to Strategic: teams from three functions hold roles, the executive
    /// committee is Accountable for Governance and the hub coordinates.
    static let strategic: [Edit] = [
        .replace("current: formalised", with: "current: strategic"),
        .replace("target: formalised\n", with: "target: strategic\n  convergence: {attested_on: 2026-10-15, by: executive, process: Business plan 2027}\n"),
        .replace("kind: function team", with: "kind: function team\nfunction: insight and research", in: "content/teams/insight.yaml"),
        .write("content/teams/claims.yaml", "name: Claims\nkind: function team\nfunction: claims\n"),
        .write("content/teams/marketing.yaml", "name: Marketing\nkind: function team\nfunction: Marketing\n"),
        .replace("content-direction: {accountable: hub, responsible: [insight]}",
                 with: "content-direction: {accountable: hub, responsible: [insight, marketing]}"),
        .replace("conflict-resolution: {accountable: executive, responsible: [hub]}",
                 with: "conflict-resolution: {accountable: executive, responsible: [hub, claims]}"),
    ]

    /// The executive committee only Informed: Governance, Leadership and Conflict Resolution go to the hub.
    static let executiveInformedOnly: [Edit] = [
        .replace("governance: {accountable: executive, responsible: [hub]}",
                 with: "governance: {accountable: hub, responsible: [hub], informed: [executive]}"),
        .replace("leadership: {accountable: executive, responsible: [executive], informed: [insight]}",
                 with: "leadership: {accountable: hub, responsible: [hub], informed: [executive, insight]}"),
        .replace("conflict-resolution: {accountable: executive, responsible: [hub, claims]}",
                 with: "conflict-resolution: {accountable: hub, responsible: [hub, claims]}"),
    ]

    static func messages(_ edits: [Edit]) throws -> [String] {
        try FixtureSite.result(edits).diagnostics.map(\.message)
    }

    // MARK: Strategic

    @Test("Strategic: met with an Accountable executive committee, without a sponsor; the evidence supports more")
    func strategicMet() throws {
        let edits = Self.strategic + [.replace("sponsor: Chief Customer Officer\n", with: "")]
        #expect(try FixtureSite.check(edits) == ["CH260 note \(Self.strategy):61:12", "CH263 note \(Self.strategy):62:11"])
        #expect(try Self.messages(edits) == [
            "strategy 'community' claims only Strategic; the evidence supports Converged",
            "strategy 'community' is judged at Strategic by a count of 3 areas of the business, because charter.yaml declares no business areas",
        ])
    }

    @Test("Strategic: an executive committee only Informed fails 'executives engaged'")
    func executivesOnlyInformed() throws {
        let edits = Self.strategic + Self.executiveInformedOnly
        // The hub is Accountable for six of nine: no overload warning for a coordination hub.
        #expect(try FixtureSite.check(edits) == ["CH221 error \(Self.strategy):62:12", "CH260 note \(Self.strategy):62:12", "CH263 note \(Self.strategy):63:11"])
        #expect(try Self.messages(edits) == [
            "strategy 'community' stands at Strategic but lacks an executive team Accountable or Responsible in the responsibility matrix (a Strategic criterion)",
            "strategy 'community' claims Strategic; the evidence supports Formalised",
            "strategy 'community' is judged at Strategic by a count of 3 areas of the business, because charter.yaml declares no business areas",
        ])
    }

    @Test("Strategic: an executive committee only Consulted fails too")
    func executivesOnlyConsulted() throws {
        let edits = Self.strategic + Self.executiveInformedOnly + [
            .replace("technology: {accountable: insight, responsible: [insight], consulted: [hub]}",
                     with: "technology: {accountable: insight, responsible: [insight], consulted: [hub, executive]}"),
        ]
        #expect(try FixtureSite.check(edits) == ["CH221 error \(Self.strategy):62:12", "CH260 note \(Self.strategy):62:12", "CH263 note \(Self.strategy):63:11"])
    }

    @Test("Strategic: an executive committee Responsible, not Accountable, is engaged")
    func executivesResponsible() throws {
        let edits = Self.strategic + Self.executiveInformedOnly + [
            .replace("informed: [executive, insight]}", with: "informed: [insight]}"),
            .replace("leadership: {accountable: hub, responsible: [hub],", with: "leadership: {accountable: hub, responsible: [executive],"),
        ]
        #expect(try FixtureSite.check(edits) == ["CH260 note \(Self.strategy):62:12", "CH263 note \(Self.strategy):63:11"])
    }

    @Test("Strategic: teams of only two areas of the business do not reach all of it")
    func businessReach() throws {
        let edits = Self.strategic + [
            .replace("responsible: [hub, claims]}", with: "responsible: [hub]}"),
        ]
        #expect(try FixtureSite.check(edits) == ["CH221 error \(Self.strategy):62:12", "CH260 note \(Self.strategy):62:12", "CH263 note \(Self.strategy):63:11"])
        #expect(try Self.messages(edits).first
            == "strategy 'community' stands at Strategic but lacks a team from every area of the business Accountable or Responsible (counted as 3 areas, as charter.yaml declares none; 2 so far) (a Strategic criterion)")
        // Two teams of one function are one area.
        let sameFunction = Self.strategic + [
            .write("content/teams/claims.yaml", "name: Claims\nkind: function team\nfunction: marketing\n"),
        ]
        #expect(try FixtureSite.check(sameFunction) == ["CH221 error \(Self.strategy):62:12", "CH260 note \(Self.strategy):62:12", "CH263 note \(Self.strategy):63:11"])
    }

    @Test("Strategic: without a coordination hub or committee holding A or R, 'coordination' fails")
    func coordinationCommittee() throws {
        let edits = Self.strategic + [.replace("kind: coordination hub", with: "kind: working group", in: "content/teams/hub.yaml")]
        #expect(try FixtureSite.check(edits) == ["CH221 error \(Self.strategy):62:12", "CH260 note \(Self.strategy):62:12", "CH263 note \(Self.strategy):63:11"])
        #expect(try Self.messages(edits).first
            == "strategy 'community' stands at Strategic but lacks a coordination committee or hub Accountable or Responsible in the responsibility matrix (a Strategic criterion)")
    }

    @Test("a criterion's 'minimum' is read from the site's model")
    func businessReachMinimum() throws {
        let model = """
            stages:
              - id: strategic
                name: Strategic
                criteria:
                  - check: business-reach
                    minimum: 4
                    summary: four areas
            """
        #expect(try FixtureSite.check(Self.strategic + [.write("model/stages.yaml", model)])
            == ["CH221 error \(Self.strategy):62:12", "CH260 note \(Self.strategy):62:12", "CH263 note \(Self.strategy):63:11"])
        #expect(try FixtureSite.check(Self.strategic + [.write("model/stages.yaml", model.replacingOccurrences(of: "4", with: "3"))])
            == ["CH260 note \(Self.strategy):62:12", "CH263 note \(Self.strategy):63:11"])
        #expect(try FixtureSite.check([.write("model/stages.yaml", model.replacingOccurrences(of: "minimum: 4", with: "minimum: 0"))])
            == ["CH111 error model/stages.yaml:6:18"])
    }

    // MARK: Formalised and Engagement

    @Test("Formalised: no team Accountable for Governance and no Training row is not a stage problem")
    func formalisedWithoutGovernanceOrTraining() throws {
        let found = try FixtureSite.check([
            .replace("  governance: {accountable: executive, responsible: [hub]}\n", with: ""),
            .replace("  training: {accountable: insight, responsible: [hub]}\n", with: ""),
        ])
        // Only the organisation-wide coverage warnings, no CH221; the hub still governs (CH241 is quiet).
        #expect(found == ["CH235 warning content/strategies:1:1", "CH235 warning content/strategies:1:1"])
    }

    @Test("a site adds 'a team Accountable for Governance' back as its own convention")
    func conventionAddedBack() throws {
        let model = """
            stages:
              - id: formalised
                name: Formalised
                criteria:
                  - check: communication-cadence
                    summary: cadences
                  - check: accountable-team
                    responsibility: governance
                    summary: a team Accountable for Governance (our convention)
            """
        let edits: [Edit] = [
            .write("model/stages.yaml", model),
            .replace("  governance: {accountable: executive, responsible: [hub]}\n", with: "  governance: {responsible: [hub]}\n"),
        ]
        #expect(try FixtureSite.check(edits) == ["CH221 error \(Self.strategy):62:12", "CH260 note \(Self.strategy):62:12",
                                                 "CH230 error \(Self.strategy):67:3"])
        #expect(try Self.messages(edits).first
            == "strategy 'community' stands at Formalised but lacks a team Accountable for Governance (our convention) (a Formalised criterion)")
    }

    @Test("Engagement: a community program the market runs alone does not count")
    func marketRunCommunity() throws {
        let edits: [Edit] = [.replace("    kind: co-created\n    owner: hub", with: "    kind: market-run\n    owner: hub")]
        #expect(try FixtureSite.check(edits) == ["CH221 error \(Self.strategy):62:12", "CH260 note \(Self.strategy):62:12"])
        #expect(try Self.messages(edits) == [
            "strategy 'community' stands at Formalised but lacks a community program the organisation takes part in (not only market-run) (an Engagement criterion)",
            "strategy 'community' claims Formalised; the evidence supports Presence",
        ])
        // Run by the market and co-created with it: the organisation takes part.
        #expect(try FixtureSite.check([.replace("    kind: co-created\n    owner: hub", with: "    kind: [market-run, co-created]\n    owner: hub")]) == [])
    }

    // MARK: Program kinds and anchors

    @Test("a program with several kinds, and a community anchored in a shared need")
    func severalKindsAndSharedNeed() throws {
        #expect(try FixtureSite.check([
            .replace("    kind: co-created\n", with: "    kind: [co-created, Creative]\n"),
            .replace("community: lifestyle", with: "community: shared need"),
        ]) == [])
        #expect(try FixtureSite.check([.replace("    kind: co-created\n", with: "    kind: [co-created, creativ]\n")])
            == ["CH111 error \(Self.strategy):53:24"])
        // No kind at all is a missing field, reported once: the stage is not failed for it as well.
        #expect(try FixtureSite.check([.replace("    kind: co-created\n", with: "    kind: []\n")])
            == ["CH110 error \(Self.strategy):51:5"])
    }

    // MARK: CH234

    @Test("CH234: a coordination hub Accountable for all nine draws no overload warning")
    func hubHoldsAllNine() throws {
        var text = try String(contentsOf: FixtureSite.basic.appending(path: Self.strategy), encoding: .utf8)
        let matrix = text[text.range(of: "responsibilities:\n")!.upperBound..<text.range(of: "risks:\n")!.lowerBound]
        let rows = ["governance", "best-practice", "content-direction", "training", "technology", "leadership",
                    "insight-dissemination", "conversation-shaping", "conflict-resolution"]
        text = text.replacingOccurrences(of: matrix, with: rows.map { "  \($0): {accountable: hub, responsible: [hub, insight, executive]}\n" }.joined())
        #expect(try FixtureSite.check([.write(Self.strategy, text)]) == [])
        // The same matrix given to a function team is overload.
        let function = text.replacingOccurrences(of: "{accountable: hub, responsible: [hub, insight, executive]}",
                                                 with: "{accountable: insight, responsible: [hub, insight, executive]}")
        #expect(try FixtureSite.check([.write(Self.strategy, function)]) == ["CH234 warning \(Self.strategy):67:29"])
    }

    // MARK: Assessment

    @Test("CH261: an assessment older than twelve months, with the date's position")
    func staleAssessment() throws {
        let edits: [Edit] = [.replace("assessment:\n", with: "assessment:\n  assessed_on: 2025-10-31\n")]
        #expect(try FixtureSite.check(edits) == ["CH261 warning \(Self.strategy):10:16"])
        #expect(try Self.messages(edits)
            == ["the assessment of strategy 'community' was made on 2025-10-31, more than 12 months ago: re-assess before changing objectives"])
        // Twelve months to the day is still fresh.
        #expect(try FixtureSite.check([.replace("assessment:\n", with: "assessment:\n  assessed_on: 2025-11-01\n")]) == [])
    }

    @Test("CH261: charter.yaml's assessment_max_age sets the age; a bad one is CH113")
    func assessmentMaxAge() throws {
        let stale: Edit = .replace("assessment:\n", with: "assessment:\n  assessed_on: 2025-10-31\n")
        #expect(try FixtureSite.check([stale, .write("charter.yaml", "assessment_max_age: 18 months\n")]) == [])
        #expect(try FixtureSite.check([stale, .write("charter.yaml", "assessment_max_age: 6 months\n")])
            == ["CH261 warning \(Self.strategy):10:16"])
        #expect(try FixtureSite.check([.write("charter.yaml", "assessment_max_age: a while\n")]) == ["CH113 error charter.yaml:1:21"])
        #expect(try FixtureSite.check([.replace("assessment:\n", with: "assessment:\n  assessed_on: last spring\n")])
            == ["CH113 error \(Self.strategy):10:16"])
    }

    @Test("CH262: a method answering a finding that does not exist, with the closest ID")
    func unknownFinding() throws {
        let edits: [Edit] = [
            .replace("needs: [Quick answers about cover]", with: "needs:\n      - {id: quick-answers, text: Quick answers about cover}"),
            .replace("    objectives: [fewer-calls]\n", with: "    objectives: [fewer-calls]\n    answers: [quick-answers, quick-answer]\n"),
        ]
        #expect(try FixtureSite.check(edits) == ["CH262 error \(Self.strategy):32:30"])
        let result = try FixtureSite.result(edits)
        #expect(result.diagnostics.map(\.message)
            == ["method 'peer-answers' answers 'quick-answer', which is not a need, frustration or excitement of the assessment"])
        #expect(result.diagnostics.map(\.fixHint) == ["did you mean 'quick-answers'?"])
    }

    @Test("the competition in the three aspects; an unknown aspect is CH108")
    func competitionAspects() throws {
        let aspects = """
            competition:
                brand: Better known than us.
                customers: Their members complain about slow staff replies.
                partners: Brokers are not welcome on their forums.
            """
        #expect(try FixtureSite.check([.replace("competition: Two rivals run forums; neither moderates them well.", with: aspects)]) == [])
        #expect(try FixtureSite.check([.replace("competition: Two rivals run forums; neither moderates them well.",
                                                with: "competition:\n    brnad: Better known than us.")])
            == ["CH210 error \(Self.strategy):10:3", "CH108 error \(Self.strategy):18:5"])
    }
}

extension FrameworkRuleTests {
    @Test("CH251: two findings with one ID")
    func duplicateFinding() throws {
        let found = try FixtureSite.check([
            .replace("needs: [Quick answers about cover]", with: "needs:\n      - {id: waiting, text: Quick answers about cover}"),
            .replace("frustrations: [Repeating the same story to several agents]",
                     with: "frustrations:\n      - {id: waiting, text: Repeating the same story to several agents}"),
        ])
        #expect(found == ["CH251 error \(Self.strategy):16:14"])
    }
}

/// The strategy page puts the assessment first and shows what the framework asks a reviewer to see.
@Suite struct FrameworkPageTests {
    static func page(_ edits: [FixtureSite.Edit], today: CalendarDate = FixtureSite.today) throws -> String {
        let site = try FixtureSite.make(edits)
        var builder = SiteBuilder.pinned(root: site.root)
        builder.today = today
        let result = try builder.build()
        #expect(!result.diagnostics.containsErrors)
        return try String(contentsOf: builder.outputDirectory.appending(path: "strategies/community.html"), encoding: .utf8)
    }

    static let traced: [FixtureSite.Edit] = [
        .replace("assessment:\n", with: "assessment:\n  assessed_on: 2025-10-31\n"),
        .replace("needs: [Quick answers about cover]", with: "needs:\n      - {id: quick-answers, text: Quick answers about cover}"),
        .replace("    objectives: [fewer-calls]\n", with: "    objectives: [fewer-calls]\n    answers: [quick-answers]\n"),
        .replace("competition: Two rivals run forums; neither moderates them well.",
                 with: "competition:\n    brand: Better known than us.\n    partners: Brokers are not welcome there."),
        .replace("    kind: co-created\n", with: "    kind: [co-created, creative]\n"),
    ]

    @Test("the assessment comes before the canvas, in the page and in its table of contents")
    func assessmentFirst() throws {
        let html = try Self.page([])
        let assessment = try #require(html.range(of: "<h2 id=\"assessment\">"))
        let canvas = try #require(html.range(of: "<h2 id=\"canvas\">"))
        #expect(assessment.lowerBound < canvas.lowerBound)
        let tocAssessment = try #require(html.range(of: "<a href=\"#assessment\">Assessment</a>"))
        let tocCanvas = try #require(html.range(of: "<a href=\"#canvas\">Canvas</a>"))
        #expect(tocAssessment.lowerBound < tocCanvas.lowerBound)
    }

    @Test("each finding lists the methods that answer it, each method the findings it answers")
    func findingTrace() throws {
        let html = try Self.page(Self.traced)
        #expect(html.contains("<li id=\"finding-quick-answers\">Quick answers about cover<div class=\"links-line\"><span class=\"label\">Answered by:</span> <ul class=\"inline-list\"><li><a href=\"#method-peer-answers\">Peer answers</a></li></ul></div></li>"))
        #expect(html.contains("<span class=\"label\">Answers:</span> <ul class=\"inline-list\"><li><a href=\"#finding-quick-answers\">Quick answers about cover</a></li></ul>"))
        #expect(html.contains("<h3>Their brand</h3><div class=\"prose\">Better known than us.</div>"))
        #expect(html.contains("<h3>Their partners</h3><div class=\"prose\">Brokers are not welcome there.</div>"))
        #expect(!html.contains("<h3>Their customers</h3>"))
        #expect(html.contains("<a class=\"badge\" href=\"../program-kinds/index.html#co-created\">Co-created</a> <a class=\"badge\" href=\"../program-kinds/index.html#creative\">Creative</a> <span class=\"badge\">community: lifestyle</span>"))
    }

    @Test("a stale assessment shows its date and the re-assess notice; a fresh one only its date")
    func staleNotice() throws {
        let stale = try Self.page(Self.traced)
        #expect(stale.contains("<p class=\"detail\">Assessed on <time datetime=\"2025-10-31\">31 October 2025</time></p>"))
        #expect(stale.contains("<p class=\"callout callout-warning\" role=\"note\">Made more than 12 months ago: re-assess before changing objectives.</p>"))
        let fresh = try Self.page(Self.traced, today: CalendarDate(year: 2026, month: 10, day: 31))
        #expect(fresh.contains("Assessed on <time datetime=\"2025-10-31\">"))
        #expect(!fresh.contains("re-assess before changing objectives"))
    }

    @Test("the stage the evidence supports sits beside the claim, marked when the claim is higher")
    func supportedStage() throws {
        #expect(try Self.page([]).contains(
            "<p class=\"detail supported-stage\">Evidence supports: <a href=\"../stages/formalised.html\">Formalised</a></p>"))
        // Without cadences the claim (Formalised) is above the evidence (Engagement): an error, so build with errors allowed.
        let site = try FixtureSite.make([.replace("  external: Quarterly update to members\n", with: "")])
        var builder = SiteBuilder.pinned(root: site.root)
        builder.allowErrors = true
        _ = try builder.build()
        let html = try String(contentsOf: builder.outputDirectory.appending(path: "strategies/community.html"), encoding: .utf8)
        #expect(html.contains(
            "<p class=\"detail supported-stage warn\">Evidence supports: <a href=\"../stages/engagement.html\">Engagement</a>, below the stage claimed</p>"))
    }
}

/// The JSON Schemas know the new fields: they accept them written well and reject a misspelling.
@Suite struct FrameworkSchemaTests {
    @Test("findings with IDs, answers, competition aspects, several kinds, shared need and team function")
    func newFields() throws {
        let scratch = try TemporarySite()
        let schemas = scratch.folder.appending(path: "schemas")
        try FileManager.default.createDirectory(at: schemas, withIntermediateDirectories: true)
        for (name, text) in SchemaGenerator(framework: FrameworkLoader().load().0).files() {
            try Data(text.utf8).write(to: schemas.appending(path: name))
        }
        let strategy = """
            title: T
            owner: hub
            assessment:
              assessed_on: 2026-01-31
              customers:
                needs: [{id: quick, text: Quick answers}, Plain words]
              competition: {brand: Known, customers: Loyal, partners: Few}
            methods:
              - {id: peer, answers: [quick]}
            programs:
              - {id: p, kind: [co-created, creative], owner: hub, method: peer, community: shared need}
            """
        let variants = [
            ("good.yaml", strategy),
            ("aspect.yaml", strategy.replacingOccurrences(of: "partners: Few", with: "partnrs: Few")),
            ("finding.yaml", strategy.replacingOccurrences(of: "{id: quick, text: Quick answers}", with: "{id: quick}")),
            ("anchor.yaml", strategy.replacingOccurrences(of: "shared need", with: "shared hobby")),
            ("date.yaml", strategy.replacingOccurrences(of: "2026-01-31", with: "last spring")),
        ]
        for (name, text) in variants { try scratch.write(name, text) }
        try scratch.write("team.yaml", "name: Claims\nkind: function team\nfunction: claims\n")
        let results = try SchemaValidator.check(
            schemas: schemas,
            documents: variants.map { ("strategy", scratch.root.appending(path: $0.0).path) }
                + [("team", scratch.root.appending(path: "team.yaml").path)])
        // A misspelt aspect and a finding without text match neither the text nor the mapping form of their anyOf.
        #expect(results == ["valid", "invalid: anyOf", "invalid: anyOf", "invalid: enum", "invalid: pattern", "valid"])
    }
}

extension FrameworkRuleTests {
    @Test("the example shows a stale assessment and every status of a measure, and still passes check --strict")
    func exampleStaleAssessment() throws {
        var builder = SiteBuilder.pinned(root: ExampleSiteTests.repository)
        builder.today = CalendarDate(year: 2026, month: 11, day: 23)
        let result = try builder.check()
        #expect(located(result.diagnostics.filter { $0.severity != .note }) == [
            "CH285 warning content/strategies/customer-community.yaml:134:5",
            "CH261 warning content/strategies/storm-ready.yaml:16:16", "CH280 warning content/strategies/storm-ready.yaml:119:5",
            "CH284 warning content/strategies/storm-ready.yaml:130:5",
        ])
        // Every status, each at least once, as of the day the example is written for.
        let site = try #require(result.model)
        let statuses = Set(site.strategyModels.flatMap(\.reporting).map {
            MeasureProgress.status(of: $0, today: builder.today, band: site.configuration.measureBand)
        })
        #expect(statuses == Set(MeasureProgress.Status.allCases))
        let strict = try CharterProcess.run(["check", "--root", ExampleSiteTests.repository.path, "--strict", "--today", "2026-11-23"])
        #expect(strict.status == 0, "\(strict.stderr)")
        #expect(strict.stdout.contains("[CH261]") || strict.stderr.contains("[CH261]"))
    }
}
