public import Mustache

// How templates read the page context: each view answers its fields by name, so that
// swift-mustache looks values up with a switch instead of reflecting on every lookup
// (`Mirror` builds the list of all of a value's children for each `{{name}}`).
// `templateNames` lists each type's fields in declaration order; a test compares them
// with the stored properties, so a field added to a view and not here fails the tests.

/// A view whose fields templates can read by name.
protocol TemplateFields {
    /// The names `child(named:)` answers, in declaration order.
    static var templateNames: [String] { get }
}

extension PageContext: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["site", "page", "navigation", "section", "sectionTitle", "breadcrumbs", "children", "root", "playbook", "strategy", "team", "stage", "responsibility", "matrix", "maturity", "listing", "health", "home", "print"]

    public func child(named name: String) -> Any? {
        switch name {
        case "site": self.site
        case "page": self.page
        case "navigation": self.navigation
        case "section": self.section
        case "sectionTitle": self.sectionTitle
        case "breadcrumbs": self.breadcrumbs
        case "children": self.children
        case "root": self.root
        case "playbook": self.playbook
        case "strategy": self.strategy
        case "team": self.team
        case "stage": self.stage
        case "responsibility": self.responsibility
        case "matrix": self.matrix
        case "maturity": self.maturity
        case "listing": self.listing
        case "health": self.health
        case "home": self.home
        case "print": self.print
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.site.fingerprint(into: &hasher)
        self.page.fingerprint(into: &hasher)
        self.navigation.fingerprint(into: &hasher)
        self.section.fingerprint(into: &hasher)
        self.sectionTitle.fingerprint(into: &hasher)
        self.breadcrumbs.fingerprint(into: &hasher)
        self.children.fingerprint(into: &hasher)
        self.root.fingerprint(into: &hasher)
        self.playbook.fingerprint(into: &hasher)
        self.strategy.fingerprint(into: &hasher)
        self.team.fingerprint(into: &hasher)
        self.stage.fingerprint(into: &hasher)
        self.responsibility.fingerprint(into: &hasher)
        self.matrix.fingerprint(into: &hasher)
        self.maturity.fingerprint(into: &hasher)
        self.listing.fingerprint(into: &hasher)
        self.health.fingerprint(into: &hasher)
        self.home.fingerprint(into: &hasher)
        self.print.fingerprint(into: &hasher)
    }
}

extension PrintSection: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["anchor", "title", "path", "content"]

    public func child(named name: String) -> Any? {
        switch name {
        case "anchor": self.anchor
        case "title": self.title
        case "path": self.path
        case "content": self.content
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.anchor.fingerprint(into: &hasher)
        self.title.fingerprint(into: &hasher)
        self.path.fingerprint(into: &hasher)
        self.content.fingerprint(into: &hasher)
    }
}

extension SiteView: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["title", "description", "language", "homeURL", "stylesheetURL", "searchScriptURL", "isPublic", "sections", "printURL"]

    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "description": self.description
        case "language": self.language
        case "homeURL": self.homeURL
        case "stylesheetURL": self.stylesheetURL
        case "searchScriptURL": self.searchScriptURL
        case "isPublic": self.isPublic
        case "sections": self.sections
        case "printURL": self.printURL
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.title.fingerprint(into: &hasher)
        self.description.fingerprint(into: &hasher)
        self.language.fingerprint(into: &hasher)
        self.homeURL.fingerprint(into: &hasher)
        self.stylesheetURL.fingerprint(into: &hasher)
        self.searchScriptURL.fingerprint(into: &hasher)
        self.isPublic.fingerprint(into: &hasher)
        self.sections.fingerprint(into: &hasher)
        self.printURL.fingerprint(into: &hasher)
    }
}

extension PageView: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["title", "documentTitle", "titleID", "showTitle", "description", "kind", "content", "toc", "hasTOC", "tags", "params", "sourcePath", "path"]

    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "documentTitle": self.documentTitle
        case "titleID": self.titleID
        case "showTitle": self.showTitle
        case "description": self.description
        case "kind": self.kind
        case "content": self.content
        case "toc": self.toc
        case "hasTOC": self.hasTOC
        case "tags": self.tags
        case "params": self.params
        case "sourcePath": self.sourcePath
        case "path": self.path
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.title.fingerprint(into: &hasher)
        self.documentTitle.fingerprint(into: &hasher)
        self.titleID.fingerprint(into: &hasher)
        self.showTitle.fingerprint(into: &hasher)
        self.description.fingerprint(into: &hasher)
        self.kind.fingerprint(into: &hasher)
        self.content.fingerprint(into: &hasher)
        self.toc.fingerprint(into: &hasher)
        self.hasTOC.fingerprint(into: &hasher)
        self.tags.fingerprint(into: &hasher)
        self.params.fingerprint(into: &hasher)
        self.sourcePath.fingerprint(into: &hasher)
        self.path.fingerprint(into: &hasher)
    }
}

extension LinkView: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["title", "url", "isCurrent", "isFolder", "detail"]

    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "isCurrent": self.isCurrent
        case "isFolder": self.isFolder
        case "detail": self.detail
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.title.fingerprint(into: &hasher)
        self.url.fingerprint(into: &hasher)
        self.isCurrent.fingerprint(into: &hasher)
        self.isFolder.fingerprint(into: &hasher)
        self.detail.fingerprint(into: &hasher)
    }
}

extension TOCEntry: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["level", "text", "url"]

    public func child(named name: String) -> Any? {
        switch name {
        case "level": self.level
        case "text": self.text
        case "url": self.url
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.level.fingerprint(into: &hasher)
        self.text.fingerprint(into: &hasher)
        self.url.fingerprint(into: &hasher)
    }
}

extension PlaybookView: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["owner", "strategy", "stage", "responsibilities", "status", "lastReviewed", "reviewDue", "isStale", "hasMetadata", "referencedBy", "previous", "next"]

    public func child(named name: String) -> Any? {
        switch name {
        case "owner": self.owner
        case "strategy": self.strategy
        case "stage": self.stage
        case "responsibilities": self.responsibilities
        case "status": self.status
        case "lastReviewed": self.lastReviewed
        case "reviewDue": self.reviewDue
        case "isStale": self.isStale
        case "hasMetadata": self.hasMetadata
        case "referencedBy": self.referencedBy
        case "previous": self.previous
        case "next": self.next
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.owner.fingerprint(into: &hasher)
        self.strategy.fingerprint(into: &hasher)
        self.stage.fingerprint(into: &hasher)
        self.responsibilities.fingerprint(into: &hasher)
        self.status.fingerprint(into: &hasher)
        self.lastReviewed.fingerprint(into: &hasher)
        self.reviewDue.fingerprint(into: &hasher)
        self.isStale.fingerprint(into: &hasher)
        self.hasMetadata.fingerprint(into: &hasher)
        self.referencedBy.fingerprint(into: &hasher)
        self.previous.fingerprint(into: &hasher)
        self.next.fingerprint(into: &hasher)
    }
}

extension StrategyView: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["id", "status", "owner", "sponsor", "focusAreas", "objectives", "assessment", "coCreators", "goal", "mission", "customerBenefits", "companyBenefits", "methods", "resources", "programs", "communicationInternal", "communicationExternal", "presences", "supportContent", "currentStage", "targetStage", "ladder", "gaps", "matrix", "risks", "narrative", "playbooks", "health", "isHealthy"]

    public func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "status": self.status
        case "owner": self.owner
        case "sponsor": self.sponsor
        case "focusAreas": self.focusAreas
        case "objectives": self.objectives
        case "assessment": self.assessment
        case "coCreators": self.coCreators
        case "goal": self.goal
        case "mission": self.mission
        case "customerBenefits": self.customerBenefits
        case "companyBenefits": self.companyBenefits
        case "methods": self.methods
        case "resources": self.resources
        case "programs": self.programs
        case "communicationInternal": self.communicationInternal
        case "communicationExternal": self.communicationExternal
        case "presences": self.presences
        case "supportContent": self.supportContent
        case "currentStage": self.currentStage
        case "targetStage": self.targetStage
        case "ladder": self.ladder
        case "gaps": self.gaps
        case "matrix": self.matrix
        case "risks": self.risks
        case "narrative": self.narrative
        case "playbooks": self.playbooks
        case "health": self.health
        case "isHealthy": self.isHealthy
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.id.fingerprint(into: &hasher)
        self.status.fingerprint(into: &hasher)
        self.owner.fingerprint(into: &hasher)
        self.sponsor.fingerprint(into: &hasher)
        self.focusAreas.fingerprint(into: &hasher)
        self.objectives.fingerprint(into: &hasher)
        self.assessment.fingerprint(into: &hasher)
        self.coCreators.fingerprint(into: &hasher)
        self.goal.fingerprint(into: &hasher)
        self.mission.fingerprint(into: &hasher)
        self.customerBenefits.fingerprint(into: &hasher)
        self.companyBenefits.fingerprint(into: &hasher)
        self.methods.fingerprint(into: &hasher)
        self.resources.fingerprint(into: &hasher)
        self.programs.fingerprint(into: &hasher)
        self.communicationInternal.fingerprint(into: &hasher)
        self.communicationExternal.fingerprint(into: &hasher)
        self.presences.fingerprint(into: &hasher)
        self.supportContent.fingerprint(into: &hasher)
        self.currentStage.fingerprint(into: &hasher)
        self.targetStage.fingerprint(into: &hasher)
        self.ladder.fingerprint(into: &hasher)
        self.gaps.fingerprint(into: &hasher)
        self.matrix.fingerprint(into: &hasher)
        self.risks.fingerprint(into: &hasher)
        self.narrative.fingerprint(into: &hasher)
        self.playbooks.fingerprint(into: &hasher)
        self.health.fingerprint(into: &hasher)
        self.isHealthy.fingerprint(into: &hasher)
    }
}

extension StrategyView.Objective: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["id", "text"]

    public func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "text": self.text
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.id.fingerprint(into: &hasher)
        self.text.fingerprint(into: &hasher)
    }
}

extension StrategyView.Assessment: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["brand", "sentiment", "needs", "frustrations", "excitements", "partners", "competition", "sources"]

    public func child(named name: String) -> Any? {
        switch name {
        case "brand": self.brand
        case "sentiment": self.sentiment
        case "needs": self.needs
        case "frustrations": self.frustrations
        case "excitements": self.excitements
        case "partners": self.partners
        case "competition": self.competition
        case "sources": self.sources
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.brand.fingerprint(into: &hasher)
        self.sentiment.fingerprint(into: &hasher)
        self.needs.fingerprint(into: &hasher)
        self.frustrations.fingerprint(into: &hasher)
        self.excitements.fingerprint(into: &hasher)
        self.partners.fingerprint(into: &hasher)
        self.competition.fingerprint(into: &hasher)
        self.sources.fingerprint(into: &hasher)
    }
}

extension StrategyView.CoCreator: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["name", "kind"]

    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "kind": self.kind
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.name.fingerprint(into: &hasher)
        self.kind.fingerprint(into: &hasher)
    }
}

extension StrategyView.Report: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["success", "measure", "target", "tool"]

    public func child(named name: String) -> Any? {
        switch name {
        case "success": self.success
        case "measure": self.measure
        case "target": self.target
        case "tool": self.tool
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.success.fingerprint(into: &hasher)
        self.measure.fingerprint(into: &hasher)
        self.target.fingerprint(into: &hasher)
        self.tool.fingerprint(into: &hasher)
    }
}

extension StrategyView.Program: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["anchor", "title", "kind", "owner", "method", "community", "description"]

    public func child(named name: String) -> Any? {
        switch name {
        case "anchor": self.anchor
        case "title": self.title
        case "kind": self.kind
        case "owner": self.owner
        case "method": self.method
        case "community": self.community
        case "description": self.description
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.anchor.fingerprint(into: &hasher)
        self.title.fingerprint(into: &hasher)
        self.kind.fingerprint(into: &hasher)
        self.owner.fingerprint(into: &hasher)
        self.method.fingerprint(into: &hasher)
        self.community.fingerprint(into: &hasher)
        self.description.fingerprint(into: &hasher)
    }
}

extension StrategyView.Method: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["id", "title", "description", "objectives", "programs", "playbooks", "reports", "resources"]

    public func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "title": self.title
        case "description": self.description
        case "objectives": self.objectives
        case "programs": self.programs
        case "playbooks": self.playbooks
        case "reports": self.reports
        case "resources": self.resources
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.id.fingerprint(into: &hasher)
        self.title.fingerprint(into: &hasher)
        self.description.fingerprint(into: &hasher)
        self.objectives.fingerprint(into: &hasher)
        self.programs.fingerprint(into: &hasher)
        self.playbooks.fingerprint(into: &hasher)
        self.reports.fingerprint(into: &hasher)
        self.resources.fingerprint(into: &hasher)
    }
}

extension StrategyView.Resource: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["id", "kind", "description", "amount", "methods"]

    public func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "kind": self.kind
        case "description": self.description
        case "amount": self.amount
        case "methods": self.methods
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.id.fingerprint(into: &hasher)
        self.kind.fingerprint(into: &hasher)
        self.description.fingerprint(into: &hasher)
        self.amount.fingerprint(into: &hasher)
        self.methods.fingerprint(into: &hasher)
    }
}

extension StrategyView.Risk: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["title", "owner", "mitigation", "escalation"]

    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "owner": self.owner
        case "mitigation": self.mitigation
        case "escalation": self.escalation
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.title.fingerprint(into: &hasher)
        self.owner.fingerprint(into: &hasher)
        self.mitigation.fingerprint(into: &hasher)
        self.escalation.fingerprint(into: &hasher)
    }
}

extension StrategyView.Presence: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["name", "channel", "url"]

    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "channel": self.channel
        case "url": self.url
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.name.fingerprint(into: &hasher)
        self.channel.fingerprint(into: &hasher)
        self.url.fingerprint(into: &hasher)
    }
}

extension StrategyView.Gap: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["stage", "unmet"]

    public func child(named name: String) -> Any? {
        switch name {
        case "stage": self.stage
        case "unmet": self.unmet
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.stage.fingerprint(into: &hasher)
        self.unmet.fingerprint(into: &hasher)
    }
}

extension StrategyView.Check: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["name", "ok", "detail"]

    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "ok": self.ok
        case "detail": self.detail
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.name.fingerprint(into: &hasher)
        self.ok.fingerprint(into: &hasher)
        self.detail.fingerprint(into: &hasher)
    }
}

extension LadderView: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["steps"]

    public func child(named name: String) -> Any? {
        switch name {
        case "steps": self.steps
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.steps.fingerprint(into: &hasher)
    }
}

extension LadderView.Criterion: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["summary", "met"]

    public func child(named name: String) -> Any? {
        switch name {
        case "summary": self.summary
        case "met": self.met
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.summary.fingerprint(into: &hasher)
        self.met.fingerprint(into: &hasher)
    }
}

extension LadderView.Step: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["stage", "state", "isCurrent", "isTarget", "criteria", "evidence"]

    public func child(named name: String) -> Any? {
        switch name {
        case "stage": self.stage
        case "state": self.state
        case "isCurrent": self.isCurrent
        case "isTarget": self.isTarget
        case "criteria": self.criteria
        case "evidence": self.evidence
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.stage.fingerprint(into: &hasher)
        self.state.fingerprint(into: &hasher)
        self.isCurrent.fingerprint(into: &hasher)
        self.isTarget.fingerprint(into: &hasher)
        self.criteria.fingerprint(into: &hasher)
        self.evidence.fingerprint(into: &hasher)
    }
}

extension MatrixView: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["columns", "rows"]

    public func child(named name: String) -> Any? {
        switch name {
        case "columns": self.columns
        case "rows": self.rows
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.columns.fingerprint(into: &hasher)
        self.rows.fingerprint(into: &hasher)
    }
}

extension MatrixView.Cell: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["text", "style", "title"]

    public func child(named name: String) -> Any? {
        switch name {
        case "text": self.text
        case "style": self.style
        case "title": self.title
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.text.fingerprint(into: &hasher)
        self.style.fingerprint(into: &hasher)
        self.title.fingerprint(into: &hasher)
    }
}

extension MatrixView.Row: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["responsibility", "cells", "isGap", "note"]

    public func child(named name: String) -> Any? {
        switch name {
        case "responsibility": self.responsibility
        case "cells": self.cells
        case "isGap": self.isGap
        case "note": self.note
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.responsibility.fingerprint(into: &hasher)
        self.cells.fingerprint(into: &hasher)
        self.isGap.fingerprint(into: &hasher)
        self.note.fingerprint(into: &hasher)
    }
}

extension MatrixView.Column: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["team", "accountable", "responsible", "isOverloaded"]

    public func child(named name: String) -> Any? {
        switch name {
        case "team": self.team
        case "accountable": self.accountable
        case "responsible": self.responsible
        case "isOverloaded": self.isOverloaded
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.team.fingerprint(into: &hasher)
        self.accountable.fingerprint(into: &hasher)
        self.responsible.fingerprint(into: &hasher)
        self.isOverloaded.fingerprint(into: &hasher)
    }
}

extension TeamView: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["id", "kind", "mission", "lead", "members", "contact", "reviewHandle", "roles", "strategies", "ownedStrategies", "playbooks", "accountableCount", "responsibleCount"]

    public func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "kind": self.kind
        case "mission": self.mission
        case "lead": self.lead
        case "members": self.members
        case "contact": self.contact
        case "reviewHandle": self.reviewHandle
        case "roles": self.roles
        case "strategies": self.strategies
        case "ownedStrategies": self.ownedStrategies
        case "playbooks": self.playbooks
        case "accountableCount": self.accountableCount
        case "responsibleCount": self.responsibleCount
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.id.fingerprint(into: &hasher)
        self.kind.fingerprint(into: &hasher)
        self.mission.fingerprint(into: &hasher)
        self.lead.fingerprint(into: &hasher)
        self.members.fingerprint(into: &hasher)
        self.contact.fingerprint(into: &hasher)
        self.reviewHandle.fingerprint(into: &hasher)
        self.roles.fingerprint(into: &hasher)
        self.strategies.fingerprint(into: &hasher)
        self.ownedStrategies.fingerprint(into: &hasher)
        self.playbooks.fingerprint(into: &hasher)
        self.accountableCount.fingerprint(into: &hasher)
        self.responsibleCount.fingerprint(into: &hasher)
    }
}

extension TeamView.Role: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["strategy", "responsibility", "letter"]

    public func child(named name: String) -> Any? {
        switch name {
        case "strategy": self.strategy
        case "responsibility": self.responsibility
        case "letter": self.letter
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.strategy.fingerprint(into: &hasher)
        self.responsibility.fingerprint(into: &hasher)
        self.letter.fingerprint(into: &hasher)
    }
}

extension TeamView.Member: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["name", "role", "separator"]

    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "role": self.role
        case "separator": self.separator
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.name.fingerprint(into: &hasher)
        self.role.fingerprint(into: &hasher)
        self.separator.fingerprint(into: &hasher)
    }
}

extension StageView: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["number", "summary", "description", "criteria", "current", "targeting", "playbooks", "previous", "next"]

    public func child(named name: String) -> Any? {
        switch name {
        case "number": self.number
        case "summary": self.summary
        case "description": self.description
        case "criteria": self.criteria
        case "current": self.current
        case "targeting": self.targeting
        case "playbooks": self.playbooks
        case "previous": self.previous
        case "next": self.next
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.number.fingerprint(into: &hasher)
        self.summary.fingerprint(into: &hasher)
        self.description.fingerprint(into: &hasher)
        self.criteria.fingerprint(into: &hasher)
        self.current.fingerprint(into: &hasher)
        self.targeting.fingerprint(into: &hasher)
        self.playbooks.fingerprint(into: &hasher)
        self.previous.fingerprint(into: &hasher)
        self.next.fingerprint(into: &hasher)
    }
}

extension ResponsibilityView: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["summary", "assignments", "playbooks", "isUncovered"]

    public func child(named name: String) -> Any? {
        switch name {
        case "summary": self.summary
        case "assignments": self.assignments
        case "playbooks": self.playbooks
        case "isUncovered": self.isUncovered
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.summary.fingerprint(into: &hasher)
        self.assignments.fingerprint(into: &hasher)
        self.playbooks.fingerprint(into: &hasher)
        self.isUncovered.fingerprint(into: &hasher)
    }
}

extension ResponsibilityView.Assignment: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["strategy", "accountable", "responsible", "consulted", "informed"]

    public func child(named name: String) -> Any? {
        switch name {
        case "strategy": self.strategy
        case "accountable": self.accountable
        case "responsible": self.responsible
        case "consulted": self.consulted
        case "informed": self.informed
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.strategy.fingerprint(into: &hasher)
        self.accountable.fingerprint(into: &hasher)
        self.responsible.fingerprint(into: &hasher)
        self.consulted.fingerprint(into: &hasher)
        self.informed.fingerprint(into: &hasher)
    }
}

extension MaturityOverviewView: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["columns"]

    public func child(named name: String) -> Any? {
        switch name {
        case "columns": self.columns
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.columns.fingerprint(into: &hasher)
    }
}

extension MaturityOverviewView.Marker: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["strategy", "target"]

    public func child(named name: String) -> Any? {
        switch name {
        case "strategy": self.strategy
        case "target": self.target
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.strategy.fingerprint(into: &hasher)
        self.target.fingerprint(into: &hasher)
    }
}

extension MaturityOverviewView.Column: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["stage", "summary", "strategies", "targets"]

    public func child(named name: String) -> Any? {
        switch name {
        case "stage": self.stage
        case "summary": self.summary
        case "strategies": self.strategies
        case "targets": self.targets
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.stage.fingerprint(into: &hasher)
        self.summary.fingerprint(into: &hasher)
        self.strategies.fingerprint(into: &hasher)
        self.targets.fingerprint(into: &hasher)
    }
}

extension ListingView: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["sections"]

    public func child(named name: String) -> Any? {
        switch name {
        case "sections": self.sections
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.sections.fingerprint(into: &hasher)
    }
}

extension ListingView.Section: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["anchor", "title", "summary", "items"]

    public func child(named name: String) -> Any? {
        switch name {
        case "anchor": self.anchor
        case "title": self.title
        case "summary": self.summary
        case "items": self.items
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.anchor.fingerprint(into: &hasher)
        self.title.fingerprint(into: &hasher)
        self.summary.fingerprint(into: &hasher)
        self.items.fingerprint(into: &hasher)
    }
}

extension HealthView: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["groups", "isClean"]

    public func child(named name: String) -> Any? {
        switch name {
        case "groups": self.groups
        case "isClean": self.isClean
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.groups.fingerprint(into: &hasher)
        self.isClean.fingerprint(into: &hasher)
    }
}

extension HealthView.Item: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["severity", "code", "message", "location"]

    public func child(named name: String) -> Any? {
        switch name {
        case "severity": self.severity
        case "code": self.code
        case "message": self.message
        case "location": self.location
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.severity.fingerprint(into: &hasher)
        self.code.fingerprint(into: &hasher)
        self.message.fingerprint(into: &hasher)
        self.location.fingerprint(into: &hasher)
    }
}

extension HealthView.Group: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["title", "link", "items"]

    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "link": self.link
        case "items": self.items
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.title.fingerprint(into: &hasher)
        self.link.fingerprint(into: &hasher)
        self.items.fingerprint(into: &hasher)
    }
}

extension HomeView: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["strategies", "hasStrategies", "errors", "warnings", "stalePages", "hasProblems", "healthURL", "relations"]

    public func child(named name: String) -> Any? {
        switch name {
        case "strategies": self.strategies
        case "hasStrategies": self.hasStrategies
        case "errors": self.errors
        case "warnings": self.warnings
        case "stalePages": self.stalePages
        case "hasProblems": self.hasProblems
        case "healthURL": self.healthURL
        case "relations": self.relations
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.strategies.fingerprint(into: &hasher)
        self.hasStrategies.fingerprint(into: &hasher)
        self.errors.fingerprint(into: &hasher)
        self.warnings.fingerprint(into: &hasher)
        self.stalePages.fingerprint(into: &hasher)
        self.hasProblems.fingerprint(into: &hasher)
        self.healthURL.fingerprint(into: &hasher)
        self.relations.fingerprint(into: &hasher)
    }
}

extension HomeView.Row: MustacheParent, StableHashable, TemplateFields {
    static let templateNames = ["strategy", "focusAreas", "current", "target", "owner", "health", "isHealthy"]

    public func child(named name: String) -> Any? {
        switch name {
        case "strategy": self.strategy
        case "focusAreas": self.focusAreas
        case "current": self.current
        case "target": self.target
        case "owner": self.owner
        case "health": self.health
        case "isHealthy": self.isHealthy
        default: nil
        }
    }

    func fingerprint(into hasher: inout StableHasher) {
        self.strategy.fingerprint(into: &hasher)
        self.focusAreas.fingerprint(into: &hasher)
        self.current.fingerprint(into: &hasher)
        self.target.fingerprint(into: &hasher)
        self.owner.fingerprint(into: &hasher)
        self.health.fingerprint(into: &hasher)
        self.isHealthy.fingerprint(into: &hasher)
    }
}

