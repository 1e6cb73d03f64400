import Foundation
import Testing
@testable import CharterKit

/// The framework's organisation-wide ideas as Charter checks them: market-run programs need no
/// owner inside, a body kept informed governs nothing, "all areas of the business" is judged
/// against the areas charter.yaml declares, Converged rests on a dated attestation, and the
/// organisation as a whole stands at a stage.
@Suite struct OrganisationRuleTests {
    typealias Edit = FixtureSite.Edit
    static let strategy = "content/strategies/community.yaml"
    static let strategic = FrameworkRuleTests.strategic

    /// The fixture's charter.yaml with business areas declared.
    static func areas(_ list: String) -> Edit {
        .write("charter.yaml", "title: Fixture Playbook\nbusiness_areas: \(list)\n")
    }

    // MARK: Market-run programs

    @Test("a market-run program needs no owner; any program the organisation takes part in does (CH110)")
    func marketRunOwner() throws {
        // A second program, beside the co-created one the Engagement stage counts.
        func program(_ kind: String) -> Edit {
            .replace("    community: lifestyle\n", with: "    community: lifestyle\n  - id: fan-forum\n    title: Fan forum\n    kind: \(kind)\n    method: peer-answers\n")
        }
        #expect(try FixtureSite.check([program("market-run")]) == [])
        #expect(try FixtureSite.check([program("co-created")]) == ["CH110 error \(Self.strategy):57:5"])
        let found = try FixtureSite.result([program("co-created")]).diagnostics
        #expect(found.map(\.message) == ["program 'fan-forum' has no 'owner'"])
        #expect(found.first?.fixHint == "name the team that runs it; only a program of kind market-run, which the market runs on its own, goes without one")
        // Market-run and co-created at once: the organisation takes part, so somebody inside owns it.
        #expect(try FixtureSite.check([program("[market-run, co-created]")]) == ["CH110 error \(Self.strategy):57:5"])
        // The page says who runs it.
        let site = try SitePagesTests.build([program("market-run")])
        #expect(try site.outputText("strategies/community.html").contains("Market-run</a> run by the market, on its own</p>"))
    }

    // MARK: Governance

    @Test("a coordinating body only Consulted or Informed governs nothing, and CH241 names it")
    func informedBodyDoesNotGovern() throws {
        let edits: [Edit] = [
            .replace("  governance: {accountable: executive, responsible: [hub]}\n", with: ""),
            .replace("kind: coordination hub", with: "kind: function team", in: "content/teams/hub.yaml"),
            .replace("kind: executive committee", with: "kind: function team", in: "content/teams/executive.yaml"),
            .write("content/teams/board.yaml", "name: Board\nkind: committee\n"),
            .replace("consulted: [hub]}", with: "consulted: [hub], informed: [board]}"),
        ]
        let governance = try FixtureSite.result(edits).diagnostics.filter { $0.code == .noGovernance }
        #expect(located(governance) == ["CH241 warning \(Self.strategy):1:1"])
        #expect(governance.map(\.message) == [
            "strategy 'community' risks failing for lack of governance: no team is Accountable or Responsible for Governance, and no coordinating team holds an A or an R; 'board' is only Consulted or Informed, which governs nothing (Charter 0.1 counted any letter)",
        ])
        // The same committee Responsible for a row governs.
        let responsible = Array(edits.dropLast()) + [.replace("insight-dissemination: {accountable: insight, responsible: [insight]}",
                                                              with: "insight-dissemination: {accountable: insight, responsible: [insight, board]}")]
        #expect(try FixtureSite.result(responsible).diagnostics.filter { $0.code == .noGovernance }.isEmpty)
    }

    // MARK: Business areas

    @Test("with business areas declared, Strategic needs a team acting from every one of them")
    func declaredAreas() throws {
        #expect(try FixtureSite.check(Self.strategic + [Self.areas("[Claims, Marketing, Insight and research]")])
            == ["CH260 note \(Self.strategy):62:12"])
        let missing = Self.strategic + [Self.areas("[Claims, Marketing, Insight and research, Underwriting]")]
        #expect(try FixtureSite.check(missing) == ["CH221 error \(Self.strategy):62:12", "CH260 note \(Self.strategy):62:12"])
        #expect(try FixtureSite.result(missing).diagnostics.first?.message
            == "strategy 'community' stands at Strategic but lacks a team from every area of the business Accountable or Responsible (none yet from Underwriting) (a Strategic criterion)")
        // Only Accountable or Responsible counts: the claims team kept informed does not reach Claims.
        let informed = Self.strategic + [
            Self.areas("[Claims, Marketing, Insight and research]"),
            .replace("responsible: [hub, claims]}", with: "responsible: [hub], informed: [claims]}"),
        ]
        #expect(try FixtureSite.result(informed).diagnostics.first?.message
            == "strategy 'community' stands at Strategic but lacks a team from every area of the business Accountable or Responsible (none yet from Claims) (a Strategic criterion)")
    }

    @Test("without business areas declared, Strategic counts areas, and CH263 says so once per strategy")
    func undeclaredAreas() throws {
        #expect(try FixtureSite.check(Self.strategic) == ["CH260 note \(Self.strategy):62:12", "CH263 note \(Self.strategy):63:11"])
        let note = try FixtureSite.result(Self.strategic).diagnostics.first { $0.code == .businessAreasUndeclared }
        #expect(note?.message == "strategy 'community' is judged at Strategic by a count of 3 areas of the business, because charter.yaml declares no business areas")
        // Below Strategic, and aiming no higher, the count does not matter.
        #expect(try FixtureSite.check([]).filter { $0.hasPrefix("CH263") } == [])
    }

    @Test("a team's area must be a declared one (CH250), given once (CH106); areas are unique (CH251)")
    func areaMistakes() throws {
        let declared = Self.areas("[Claims, Marketing, Insight and research]")
        let typo = Self.strategic + [declared, .write("content/teams/claims.yaml", "name: Claims\nkind: function team\narea: clams\n")]
        let found = try FixtureSite.result(typo).diagnostics.filter { $0.code == .unknownReference }
        #expect(located(found) == ["CH250 error content/teams/claims.yaml:3:7"])
        #expect(found.first?.message == "unknown business area 'clams'")
        #expect(found.first?.fixHint == "did you mean 'claims'?")

        let both = Self.strategic + [declared, .write("content/teams/claims.yaml", "name: Claims\nkind: function team\narea: claims\nfunction: claims\n")]
        #expect(try FixtureSite.check(both).filter { $0.hasPrefix("CH106") } == ["CH106 error content/teams/claims.yaml:4:11"])

        let twice = [Self.areas("[Claims, {id: claims, name: Claims handling}]")]
        #expect(try FixtureSite.check(twice) == ["CH251 error charter.yaml:2:26"])
        let badID = [Self.areas("[{id: Claims Dept, name: Claims}]")]
        #expect(try FixtureSite.check(badID) == ["CH112 error charter.yaml:2:23"])
        let wrongType = [Self.areas("claims")]
        #expect(try FixtureSite.check(wrongType) == ["CH105 error charter.yaml:2:17"])
    }

    // MARK: Converged

    @Test("Converged needs the executive committee's attestation, dated today or earlier")
    func convergenceAttestation() throws {
        // The fixture at Strategic meets Converged's criteria: the evidence supports Converged (CH260).
        #expect(try FixtureSite.check(Self.strategic).contains("CH260 note \(Self.strategy):62:12"))
        let future = Self.strategic + [.replace("attested_on: 2026-10-15", with: "attested_on: 2026-11-02")]
        #expect(try FixtureSite.check(future) == ["CH263 note \(Self.strategy):63:11"])
        #expect(try FixtureSite.check(future, today: CalendarDate(year: 2026, month: 11, day: 2))
            == ["CH260 note \(Self.strategy):62:12", "CH263 note \(Self.strategy):63:11"])
        let byHub = Self.strategic + [.replace("by: executive, process:", with: "by: hub, process:")]
        #expect(try FixtureSite.check(byHub) == ["CH263 note \(Self.strategy):63:11"])
        let unknown = Self.strategic + [.replace("by: executive, process:", with: "by: executiv, process:")]
        let found = try FixtureSite.result(unknown).diagnostics.filter { $0.code == .unknownReference }
        #expect(located(found) == ["CH250 error \(Self.strategy):64:46"])
        #expect(found.first?.fixHint == "did you mean 'executive'?")
        let incomplete = Self.strategic + [.replace(", process: Business plan 2027}", with: "}")]
        #expect(try FixtureSite.check(incomplete).filter { $0.hasPrefix("CH110") } == ["CH110 error \(Self.strategy):64:16"])
        #expect(try FixtureSite.result(incomplete).diagnostics.first { $0.code == .missingField }?.message == "convergence has no 'process'")
    }

    // MARK: External parties

    static let panel = Edit.write("content/parties/panel.yaml", "name: Member panel\nkind: customer panel\nsegment: forum members\nurl: https://panel.example.org\n")

    @Test("an external party runs a market-run program and holds letters, marked external; it has its own page")
    func externalParty() throws {
        let edits: [Edit] = [
            Self.panel,
            .replace("    community: lifestyle\n", with: "    community: lifestyle\n  - id: fan-forum\n    kind: market-run\n    owner: panel\n    method: peer-answers\n"),
            .replace("insight-dissemination: {accountable: insight, responsible: [insight]}",
                     with: "insight-dissemination: {accountable: insight, responsible: [insight, panel]}"),
        ]
        #expect(try FixtureSite.check(edits) == [])
        let site = try SitePagesTests.build(edits)
        let page = try site.outputText("parties/panel.html")
        #expect(page.contains("<h1>Member panel</h1>"))
        #expect(page.contains("<div><dt>Kind</dt><dd>customer panel</dd></div>\n<div><dt>Speaks for</dt><dd>forum members</dd></div>\n<div><dt>Web</dt><dd><a href=\"https://panel.example.org\">https://panel.example.org</a></dd></div>"))
        #expect(page.contains("<li><a href=\"../strategies/community.html#program-fan-forum\">fan-forum</a> <span class=\"detail\">Customer community</span></li>"))
        let strategy = try site.outputText("strategies/community.html")
        #expect(strategy.contains(" run by <a href=\"../parties/panel.html\">Member panel</a> <span class=\"badge external\">external</span></p>"))
        #expect(strategy.contains("<th scope=\"col\"><a href=\"../parties/panel.html\">Member panel</a> <span class=\"badge external\">external</span></th>"))
        #expect(try site.outputText("organisation.html").contains("<li><a href=\"parties/panel.html\">Member panel</a> <span class=\"detail\">customer panel</span></li>"))
        #expect(try site.outputText("parties/index.html").contains("<h1>External parties</h1>"))
    }

    @Test("rules that need a team inside the organisation say so when given an external party")
    func externalPartyLimits() throws {
        // The one Accountable for a responsibility must be a team inside (CH230).
        let accountable = [Self.panel, .replace("insight-dissemination: {accountable: insight, responsible: [insight]}",
                                                with: "insight-dissemination: {accountable: panel, responsible: [insight]}")]
        let found = try FixtureSite.result(accountable).diagnostics
        #expect(located(found) == ["CH230 error \(Self.strategy):73:40"])
        #expect(found.first?.message == "no team inside the organisation is Accountable for 'insight-dissemination': 'panel' is an external party")
        // A strategy's owner, a risk's owner and an attestation are the organisation's own (CH250).
        let owner = try FixtureSite.result([Self.panel, .replace("owner: hub\nstatus:", with: "owner: panel\nstatus:")]).diagnostics
        #expect(located(owner) == ["CH250 error \(Self.strategy):2:8"])
        #expect(owner.first?.message == "'panel' is an external party, and a strategy's owner must be a team inside the organisation")
        // A party's ID is not a team's too (CH251); its kind is one of the parties' kinds (CH111).
        let twice = try FixtureSite.check([.write("content/parties/hub.yaml", "name: Hub people\nkind: community\n")])
        #expect(twice == ["CH251 error content/parties/hub.yaml:1:1"])
        #expect(try FixtureSite.check([.write("content/parties/guild.yaml", "name: Guild\nkind: function team\n")]) == ["CH111 error content/parties/guild.yaml:2:7"])
        #expect(try FixtureSite.check([.write("content/parties/guild.yaml", "name: Guild\nkind: partner\nurl: javascript:alert(1)\n")])
            == ["CH111 error content/parties/guild.yaml:3:6"])
    }

    // MARK: Focus areas

    @Test("each focus area's expectations are checked (CH264, a note), and a model file can switch them off")
    func focusAreaExpectations() throws {
        func focusNotes(_ edits: [Edit]) throws -> [String] {
            try located(FixtureSite.result(edits).diagnostics.filter { $0.code == .focusAreaExpectation })
        }
        // Customer: the fixture's community program is where customers share.
        #expect(try focusNotes([]) == [])
        let noCommunity = Edit.replace("    community: lifestyle\n", with: "")
        #expect(try focusNotes([noCommunity]) == ["CH264 note \(Self.strategy):4:15"])
        #expect(try FixtureSite.result([noCommunity]).diagnostics.first { $0.code == .focusAreaExpectation }?.message
            == "strategy 'community' works in the Customer focus area but lacks a community program where customers share with each other, whoever runs it (Charter's reading of the Customer focus)")
        // Marketing asks for a presence and content; Operational for a program of staff working together.
        let more = Edit.replace("focus_areas: [customer]", with: "focus_areas: [customer, marketing, operational]")
        #expect(try focusNotes([more]) == ["CH264 note \(Self.strategy):4:36"])
        #expect(try focusNotes([more, .replace("    kind: co-created\n", with: "    kind: [co-created, internal]\n")]) == [])
        #expect(try focusNotes([more, .replace("support_content: [../guides/escalation.md]\n", with: "")]).count == 2)
        // Switched off for one focus area in the model; raised to a warning in charter.yaml.
        let off = Edit.write("model/focus-areas.yaml", "focus_areas:\n  - id: customer\n    name: Customer\n    expects: []\n")
        #expect(try focusNotes([noCommunity, off]) == [])
        let raised = Edit.write("charter.yaml", "title: Fixture Playbook\nseverity: {CH264: warning}\n")
        #expect(try focusNotes([noCommunity, raised]) == ["CH264 warning \(Self.strategy):4:15"])
    }

    // MARK: Co-creation on record

    static let records: [Edit] = [
        .replace("co_creators:\n  - {name: Broker advisory panel, kind: partner, from: 2026-01-12, to: 2026-04-30, shaped: [peer-answers],\n     contribution: Asked for answers from members first., signed_off: 2026-05-06}\n", with: """
            co_creators:
              - name: Broker advisory panel
                kind: partner
              - party: panel
                segment: forum members
                from: 2026-02-01
                to: 2026-04-30
                shaped: [peer-answers, ask-a-member]
                contribution: Asked for answers from members, not staff.
                signed_off: 2026-05-06

            """),
        .replace("you_said_we_did:\n  - {said: Answers take a day., by: panel, asked_on: 2026-03-01, did: Members answer first., done_on: 2026-05-01, change: [peer-answers]}\n  - {said: Show who answered before., by: regular members, asked_on: 2026-09-01}\n", with: """
            you_said_we_did:
              - said: Answers take a day.
                by: panel
                asked_on: 2026-03-01
                did: Members answer, and moderators within the hour.
                done_on: 2026-05-01
                change: [peer-answers]
              - said: Show who answered before.
                by: regular members
                asked_on: 2026-09-01

            """),
    ]

    @Test("co-creators on record: who, when, what they shaped, whether they signed off; and the 'you said, we did' log")
    func coCreationRecords() throws {
        let edits = [Self.panel] + Self.records
        #expect(try FixtureSite.check(edits) == [])
        let site = try SitePagesTests.build(edits)
        let strategy = try site.outputText("strategies/community.html")
        #expect(strategy.contains("<li><a href=\"../parties/panel.html\">Member panel</a> <span class=\"badge external\">external</span>, speaking for forum members <span class=\"detail\">1 February 2026 to 30 April 2026</span> <span class=\"badge ok\">signed off on 6 May 2026</span><div class=\"detail\">Asked for answers from members, not staff.</div><div class=\"links-line\"><span class=\"label\">Shaped:</span> <ul class=\"inline-list\"><li><a href=\"#method-peer-answers\">Peer answers</a> <span class=\"detail\">method</span></li><li><a href=\"#program-ask-a-member\">Ask a member</a> <span class=\"detail\">program</span></li></ul></div></li>"))
        // Newest request first; the open one says so.
        let open = try #require(strategy.range(of: "<q>Show who answered before.</q></p><p class=\"did\"><span class=\"badge warn\">open</span>"))
        let answered = try #require(strategy.range(of: "<q>Answers take a day.</q>"))
        #expect(open.lowerBound < answered.lowerBound)
        let log = try site.outputText("you-said-we-did.html")
        #expect(log.contains("<p>1 answered, 1 still open."))
        #expect(log.contains("<td data-label=\"Asked\"><time datetime=\"2026-03-01\">1 March 2026</time><br>by <a href=\"parties/panel.html\">Member panel</a></td>"))
        #expect(log.contains("<td data-label=\"We did\"><time datetime=\"2026-05-01\">1 May 2026</time>: Members answer, and moderators within the hour. <ul class=\"inline-list\"><li><a href=\"strategies/community.html#method-peer-answers\">Peer answers</a></li></ul></td>"))
    }

    @Test("co-creation records and the log are checked: references, dates and required fields")
    func coCreationMistakes() throws {
        func check(_ old: String, _ new: String) throws -> [String] {
            try FixtureSite.check([Self.panel] + Self.records + [.replace(old, with: new)])
        }
        #expect(try check("shaped: [peer-answers, ask-a-member]", "shaped: [peer-answer, ask-a-member]") == ["CH250 error \(Self.strategy):26:14"])
        let unknown = try FixtureSite.result([Self.panel] + Self.records + [.replace("shaped: [peer-answers,", with: "shaped: [peer-answer,")]).diagnostics
        #expect(unknown.first?.message == "unknown finding, method or program 'peer-answer'")
        #expect(unknown.first?.fixHint == "did you mean 'peer-answers'?")
        #expect(try check("  - party: panel\n", "  - party: hub\n") == ["CH250 error \(Self.strategy):22:12"])
        #expect(try check("  - party: panel\n", "  - party: panels\n") == ["CH250 error \(Self.strategy):22:12"])
        #expect(try check("to: 2026-04-30", "to: 2026-01-30") == ["CH113 error \(Self.strategy):25:9"])
        #expect(try check("done_on: 2026-05-01", "done_on: 2026-02-01") == ["CH113 error \(Self.strategy):93:14"])
        #expect(try check("    did: Members answer, and moderators within the hour.\n", "") == ["CH110 error \(Self.strategy):89:5"])
        #expect(try check("  - said: Show who answered before.\n", "  - sad: Show who answered before.\n") == ["CH108 error \(Self.strategy):95:5", "CH110 error \(Self.strategy):95:5"])
        #expect(try check("change: [peer-answers]", "change: [peer]") == ["CH250 error \(Self.strategy):94:14"])
    }

    // MARK: The organisation

    @Test("the organisation stands at the lowest stage its strategies' evidence supports, drafts aside")
    func organisationStage() {
        #expect(OrganisationStage.of([]) == nil)
        #expect(OrganisationStage.of([3, 1, 4]) == 1)
        #expect(OrganisationStage.of([2, nil]) == nil)
        #expect(OrganisationStage.of([5]) == 5)
    }

    @Test("a strategy file twice (community.yml beside community.yaml) is CH251, and a build with errors allowed still makes the organisation's pages")
    func duplicateStrategyFile() throws {
        let twice = Edit.write("content/strategies/community.yml", try String(
            contentsOf: FixtureSite.basic.appending(path: "content/strategies/community.yaml"), encoding: .utf8))
        #expect(try FixtureSite.check([twice]).contains("CH251 error content/strategies/community.yml:1:1"))
        let site = try SitePagesTests.build([twice])
        #expect(try site.outputText("organisation.html").contains("<p class=\"org-stage\">The organisation stands at <a href=\"stages/formalised.html\">Formalised</a>.</p>"))
        #expect(try site.outputText("index.html").contains("<div class=\"org-summary\">"))
    }

    @Test("the organisation page shows the stage, the spread, the attestations and the areas against focus areas")
    func organisationPage() throws {
        let site = try SitePagesTests.build(Self.strategic + [Self.areas("[Claims, Marketing, Insight and research, Underwriting]")])
        let page = try site.outputText("organisation.html")
        // The strategy claims Strategic and, lacking Underwriting, the evidence supports Formalised.
        #expect(page.contains("<p class=\"org-stage\">The organisation stands at <a href=\"stages/formalised.html\">Formalised</a>.</p>"))
        #expect(page.contains("Held there by <ul class=\"inline-list\"><li><a href=\"strategies/community.html\">Customer community</a></li></ul>."))
        #expect(page.contains("<li><a href=\"strategies/community.html\">Customer community</a>: Convergence attested on 15 October 2026 by <a href=\"teams/executive.html\">Executive committee</a>: now part of Business plan 2027.</li>"))
        // Claims acts in the strategy, whose focus is Customer; Underwriting has no team.
        #expect(page.contains("<tr id=\"area-claims\"><th scope=\"row\">Claims<ul class=\"inline-list teams\"><li><a href=\"teams/claims.html\">Claims</a></li></ul></th><td class=\"heat-0\" data-label=\"Marketing\"><span class=\"missing\">none</span></td><td class=\"heat-0\" data-label=\"Operational\"><span class=\"missing\">none</span></td><td class=\"heat-3\" data-label=\"Customer\"><ul class=\"cell-list\"><li><a href=\"strategies/community.html\">Customer community</a></li></ul></td></tr>"))
        #expect(page.contains("<tr id=\"area-underwriting\"><th scope=\"row\">Underwriting</th>"))
        #expect(page.contains("Teams in no declared area: <ul class=\"inline-list\"><li><a href=\"teams/executive.html\">Executive committee</a></li><li><a href=\"teams/hub.html\">Community Hub</a></li></ul>"))
        // The home page says the same in one line.
        let home = try site.outputText("index.html")
        #expect(home.contains("<div class=\"org-summary\"><p>The organisation as a whole stands at <a href=\"stages/formalised.html\">Formalised</a>: the lowest stage the evidence supports among its strategies that are not drafts (1 strategy)."))
        #expect(home.contains("<span class=\"label\">Strategies by the stage they claim:</span> <ul class=\"inline-list\"><li><a href=\"stages/strategic.html\">Strategic</a> 1</li></ul>"))
        #expect(home.contains("<span class=\"label\">Convergence attested:</span> <ul class=\"inline-list\"><li><a href=\"strategies/community.html\">Customer community</a> <span class=\"detail\">attested on 15 October 2026</span></li></ul></div></div>"))
    }
}
