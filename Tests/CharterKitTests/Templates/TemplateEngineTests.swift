import Foundation
import Testing
@testable import CharterKit

/// Charter's Mustache renderer, tag by tag: what each renders, exactly, and where a template
/// that does not parse is wrong. The default theme's pages are held byte for byte by the
/// golden sites; these hold the parts the theme does not use.
@Suite struct TemplateEngineTests {
    /// Renders `template` (with `partials` beside it) against front-matter-like values.
    func render(_ template: String, _ values: [String: any Sendable] = [:], partials: [String: String] = [:]) throws -> String {
        var templates = ["main": try Template(parsing: template)]
        for (name, text) in partials { templates[name] = try Template(parsing: text) }
        return try #require(TemplateLibrary(templates: templates).render(TemplateParameters(values), withTemplate: "main"))
    }

    func syntaxError(_ template: String) -> Template.SyntaxError? {
        do {
            _ = try Template(parsing: template)
            return nil
        } catch {
            return error
        }
    }

    @Test("variables: escaped, unescaped, numbers, Booleans, missing names")
    func variables() throws {
        let values: [String: any Sendable] = ["html": "<a href=\"x\">Tom & Jerry's</a>", "n": 3, "x": 2.5, "yes": true]
        #expect(try render("{{html}}|{{{html}}}|{{&html}}", values)
            == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;|<a href=\"x\">Tom & Jerry's</a>|<a href=\"x\">Tom & Jerry's</a>")
        #expect(try render("{{n}} {{x}} {{yes}} [{{missing}}] {{ n }}", values) == "3 2.5 true [] 3")
        #expect(try render("{{%CONTENT_TYPE:TEXT}}{{html}}", values) == "<a href=\"x\">Tom & Jerry's</a>")
    }

    @Test("sections: lists, Booleans, objects, and what counts as empty")
    func sections() throws {
        let values: [String: any Sendable] = [
            "list": ["a", "b", "c"], "none": [String](), "on": true, "off": false, "text": "", "zero": 0,
            "person": ["name": "Ada", "team": ["name": "Core"]] as [String: any Sendable],
        ]
        #expect(try render("{{#list}}<{{.}}>{{/list}}", values) == "<a><b><c>")
        #expect(try render("{{#none}}x{{/none}}{{^none}}empty{{/none}}", values) == "empty")
        #expect(try render("{{#on}}on{{/on}}{{#off}}off{{/off}}{{^off}}not off{{/off}}", values) == "onnot off")
        // As swift-mustache did: an empty string and zero are there, so their sections render.
        #expect(try render("{{#text}}t{{/text}}{{#zero}}z{{/zero}}{{^missing}}m{{/missing}}", values) == "tzm")
        #expect(try render("{{#person}}{{name}} of {{team.name}}{{/person}}", values) == "Ada of Core")
        #expect(try render("{{person.team.name}}|{{person.nobody.name}}", values) == "Core|")
    }

    @Test("a name not in the current object is looked up in the enclosing ones, unless it starts with a dot")
    func contextStack() throws {
        let values: [String: any Sendable] = [
            "title": "Site", "items": [["title": "One"], ["other": "x"]] as [[String: any Sendable]],
        ]
        #expect(try render("{{#items}}[{{title}}]{{/items}}", values) == "[One][Site]")
        #expect(try render("{{#items}}[{{.title}}]{{/items}}", values) == "[One][]")
    }

    @Test("transforms and the position in a list")
    func transforms() throws {
        let values: [String: any Sendable] = ["list": ["b", "a", "c"], "none": [String](), "word": "hello", "n": 4]
        #expect(try render("{{^empty(list)}}{{count(list)}} {{first(list)}} {{last(list)}}{{/empty(list)}}", values) == "3 b c")
        #expect(try render("{{#empty(none)}}none{{/empty(none)}}", values) == "none")
        #expect(try render("{{#sorted(list)}}{{.}}{{/sorted(list)}}|{{#reversed(list)}}{{.}}{{/reversed(list)}}", values) == "abc|cab")
        #expect(try render("{{uppercased(word)}} {{capitalized(word)}} {{plusone(n)}} {{#even(n)}}even{{/even(n)}}", values) == "HELLO Hello 5 even")
        #expect(try render("{{#list}}{{index()}}{{#first()}}^{{/first()}}{{#last()}}${{/last()}}{{.}} {{/list}}", values) == "0^b 1a 2$c ")
        #expect(try render("{{index()}}|{{count(word)}}", values) == "|")
    }

    @Test("tags alone on their line take the line with them; others keep it")
    func standaloneLines() throws {
        let values: [String: any Sendable] = ["list": ["a", "b"]]
        #expect(try render("<ul>\n  {{#list}}\n  <li>{{.}}</li>\n  {{/list}}\n</ul>\n", values) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(try render("a\n  {{! a comment }}\nb\r\n{{!x}}\r\nc", values) == "a\nb\r\nc")
        #expect(try render("<p>{{#list}}{{.}}{{/list}}</p>\n  {{#list}}x{{/list}}\n", values) == "<p>ab</p>\n  xx\n")
    }

    @Test("partials: by name, dynamic, and indented as their tag when alone on a line")
    func partials() throws {
        let values: [String: any Sendable] = ["name": "n", "which": "b"]
        let partials = ["a": "line 1\nline {{name}}\n", "b": "B"]
        #expect(try render("<div>\n  {{>a}}\n</div>\n", values, partials: partials) == "<div>\n  line 1\n  line n\n</div>\n")
        #expect(try render("x {{>a}}y", values, partials: partials) == "x line 1\nline n\ny")
        #expect(try render("{{>*which}}{{>missing}}", values, partials: partials) == "B")
        // Every line, every time round a loop (swift-mustache indented only the loop's first line).
        let items = ["items": "{{#list}}\n- {{.}}\n{{/list}}\n"]
        #expect(try render("<ul>\n  {{>items}}\n</ul>\n", ["list": ["a", "b"]], partials: items) == "<ul>\n  - a\n  - b\n</ul>\n")
    }

    @Test("inheritance: a parent's blocks, overridden from outside, the outermost override winning")
    func inheritance() throws {
        let partials = [
            // The block shares its line with its default, so the line's end stays after it.
            "layout": "<main>\n  {{$content}}default{{/content}}\n</main>\n{{$foot}}foot{{/foot}}\n",
            "middle": "{{<layout}}{{$content}}middle{{/content}}{{$foot}}middle foot{{/foot}}{{/layout}}",
        ]
        #expect(try render("{{<layout}}\n{{$content}}\n<p>one</p>\n<p>two</p>\n{{/content}}\n{{/layout}}\n", partials: partials)
            == "<main>\n  <p>one</p>\n  <p>two</p>\n\n</main>\nfoot\n")
        #expect(try render("{{<middle}}{{$content}}outer{{/content}}{{/middle}}", partials: partials)
            == "<main>\n  outer\n</main>\nmiddle foot\n")
        #expect(try render("{{<layout}}{{/layout}}", partials: partials) == "<main>\n  default\n</main>\nfoot\n")
        // An override's lines lose the indentation of its first line and take the block's.
        let frame = ["frame": "<main>\n  {{$content}}\n  default\n  {{/content}}\n</main>\n"]
        #expect(try render("{{<frame}}\n{{$content}}\n    <p>one</p>\n      <p>two</p>\n{{/content}}\n{{/frame}}", partials: frame)
            == "<main>\n  <p>one</p>\n    <p>two</p>\n</main>\n")
        // A default keeps its own indentation too, after the block tag's (as swift-mustache rendered it).
        #expect(try render("{{<frame}}{{/frame}}", partials: frame) == "<main>\n    default\n</main>\n")
    }

    @Test("delimiters can be changed, and a lambda's text is rendered as a template")
    func delimitersAndLambdas() throws {
        #expect(try render("{{=<% %>=}}<% name %> {{name}}<%={{ }}=%> {{name}}", ["name": "x"]) == "x {{name}} x")
        struct Lambdas: TemplateObject {
            func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
                switch name {
                case "wrap": .lambda { "<b>" + $0 + "</b>" }
                case "name": .string("Ada & co")
                default: nil
                }
            }
        }
        let library = TemplateLibrary(templates: [
            "section": try Template(parsing: "{{#wrap}}{{name}}{{/wrap}}"),
            "variable": try Template(parsing: "{{wrap}}|{{{wrap}}}"),
            "inverted": try Template(parsing: "[{{^wrap}}never{{/wrap}}]"),
        ])
        // In a section the lambda gets the section's text, and what it returns is rendered there.
        #expect(library.render(Lambdas(), withTemplate: "section") == "<b>Ada &amp; co</b>")
        // As a variable it gets nothing, and what it returns is escaped before it is rendered.
        #expect(library.render(Lambdas(), withTemplate: "variable") == "&lt;b&gt;&lt;/b&gt;|<b></b>")
        #expect(library.render(Lambdas(), withTemplate: "inverted") == "[]")
        #expect(library.render(Lambdas(), withTemplate: "nothing") == nil)
    }

    @Test("a template that does not parse says what is wrong, and where")
    func syntaxErrors() {
        #expect(syntaxError("<p>\n{{#page}}\n{{/pages}}\n") == Template.SyntaxError(message: "the section 'page' is closed by 'pages'", line: 3, column: 4))
        #expect(syntaxError("ok\n  {{#open}}\n") == Template.SyntaxError(message: "the section 'open' is never closed", line: 3, column: 1))
        #expect(syntaxError("{{/x}}")?.message == "'{{/x}}' closes a section that was never opened")
        #expect(syntaxError("é {{name") == Template.SyntaxError(
            message: "the tag 'name' is not closed with '}}'; a name has only letters, digits and . - _ ? *", line: 1, column: 9))
        #expect(syntaxError("{{a b}}")?.column == 5)
        #expect(syntaxError("{{{name}}")?.message == "'{{{name}}' needs a third closing brace")
        #expect(syntaxError("{{! never closed")?.message == "a comment is not closed")
        #expect(syntaxError("{{=<%>=}}")?.message == "a delimiter tag is written {{=<% %>=}}")
        #expect(syntaxError("{{%CONTENT_TYPE:XML}}")?.message == "the only pragma is CONTENT_TYPE, HTML or TEXT")
        #expect(syntaxError("{{<layout}}{{name}}{{/layout}}")?.message
            == "inside '{{<layout}}' only '{{$name}}' blocks (and text, which is ignored) may stand")
        #expect(syntaxError("{{$empty(x)}}{{/empty(x)}}")?.message == "a block '{{$empty(x)}}' cannot have a transform")
        #expect(syntaxError("{{a(b}}")?.message == "'a(b' is not a name or a transform such as empty(list)")
        #expect(syntaxError("{{}}")?.message == "a tag needs a name")
    }
}
