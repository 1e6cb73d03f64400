/* The benchmark's reference: a single-threaded C loop over cmark-gfm that parses each page
 * with a parser of its own, renders it with the GFM extensions and footnotes, and writes one
 * HTML file per page. Usage: reference LIST OUT, where LIST holds one relative path a line. */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void make_parents(char *path) {
    for (char *p = path + 1; *p; p++) {
        if (*p == '/') { *p = 0; mkdir(path, 0755); *p = '/'; }
    }
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: reference LIST OUT\n"); return 2; }
    cmark_gfm_core_extensions_ensure_registered();
    const char *names[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
    FILE *list = fopen(argv[1], "r");
    if (!list) { perror(argv[1]); return 1; }
    char line[4096], out[8192];
    while (fgets(line, sizeof line, list)) {
        line[strcspn(line, "\n")] = 0;
        FILE *in = fopen(line, "rb");
        if (!in) { perror(line); return 1; }
        fseek(in, 0, SEEK_END); long size = ftell(in); fseek(in, 0, SEEK_SET);
        char *text = malloc(size + 1);
        if (fread(text, 1, size, in) != (size_t)size) { perror(line); return 1; }
        fclose(in);
        cmark_parser *parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
        for (int i = 0; i < 5; i++) cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(names[i]));
        cmark_parser_feed(parser, text, size);
        cmark_node *document = cmark_parser_finish(parser);
        char *html = cmark_render_html(document, CMARK_OPT_FOOTNOTES, cmark_parser_get_syntax_extensions(parser));
        snprintf(out, sizeof out, "%s/%.*s.html", argv[2], (int)(strlen(line) - 3), line);
        make_parents(out);
        FILE *target = fopen(out, "wb");
        if (!target) { perror(out); return 1; }
        fputs(html, target);
        fclose(target);
        free(html);
        cmark_node_free(document);
        cmark_parser_free(parser);
        free(text);
    }
    fclose(list);
    return 0;
}
