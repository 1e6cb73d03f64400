/* The benchmark's reference: a single-threaded C loop over cmark-gfm that parses each page
 * with a parser of its own, renders it with the GFM extensions and footnotes, and writes one
 * HTML file per page.
 * Usage: reference LIST OUT [ROOT], where LIST holds one path a line, relative to ROOT (default
 * the current folder); PAGE.md is written to OUT/PAGE.html. */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void make_parents(char *path) {
    for (char *p = path + 1; *p; p++) {
        if (*p == '/') {
            *p = 0;
            if (mkdir(path, 0755) != 0 && errno != EEXIST) perror(path);
            *p = '/';
        }
    }
}

int main(int argc, char **argv) {
    if (argc != 3 && argc != 4) { fprintf(stderr, "usage: reference LIST OUT [ROOT]\n"); return 2; }
    const char *root = argc == 4 ? argv[3] : ".";
    cmark_gfm_core_extensions_ensure_registered();
    const char *names[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
    cmark_syntax_extension *extensions[5];
    for (int i = 0; i < 5; i++) {
        extensions[i] = cmark_find_syntax_extension(names[i]);
        if (!extensions[i]) { fprintf(stderr, "cmark-gfm has no '%s' extension\n", names[i]); return 1; }
    }
    FILE *list = fopen(argv[1], "r");
    if (!list) { perror(argv[1]); return 1; }
    char line[4096], in_path[8192], out_path[8192];
    long pages = 0;
    while (fgets(line, sizeof line, list)) {
        line[strcspn(line, "\n")] = 0;
        size_t length = strlen(line);
        if (length < 4 || strcmp(line + length - 3, ".md") != 0) continue;
        snprintf(in_path, sizeof in_path, "%s/%s", root, line);
        FILE *in = fopen(in_path, "rb");
        if (!in) { perror(in_path); return 1; }
        if (fseek(in, 0, SEEK_END) != 0) { perror(in_path); return 1; }
        long size = ftell(in);
        if (size < 0 || fseek(in, 0, SEEK_SET) != 0) { perror(in_path); return 1; }
        char *text = malloc((size_t)size + 1);
        if (!text) { perror("malloc"); return 1; }
        if (fread(text, 1, (size_t)size, in) != (size_t)size) { perror(in_path); return 1; }
        fclose(in);
        cmark_parser *parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
        for (int i = 0; i < 5; i++) cmark_parser_attach_syntax_extension(parser, extensions[i]);
        cmark_parser_feed(parser, text, (size_t)size);
        cmark_node *document = cmark_parser_finish(parser);
        char *html = cmark_render_html(document, CMARK_OPT_FOOTNOTES, cmark_parser_get_syntax_extensions(parser));
        snprintf(out_path, sizeof out_path, "%s/%.*s.html", argv[2], (int)(length - 3), line);
        make_parents(out_path);
        FILE *target = fopen(out_path, "wb");
        if (!target) { perror(out_path); return 1; }
        size_t html_length = strlen(html);
        if (fwrite(html, 1, html_length, target) != html_length || fclose(target) != 0) { perror(out_path); return 1; }
        free(html);
        cmark_node_free(document);
        cmark_parser_free(parser);
        free(text);
        pages++;
    }
    fclose(list);
    if (pages == 0) { fprintf(stderr, "%s lists no .md file\n", argv[1]); return 1; }
    return 0;
}
